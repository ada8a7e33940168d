/**
 * The audit writer: turn each WriteEvent into one redacted `write` line, and let a wizard append the `verify`
 * line that says whether the change really took effect.
 */
import { randomUUID } from 'node:crypto';
import type { WriteEvent, WriteObserver } from '../api/client.js';
import type { ApiRequest } from '../api/requests.js';
import { ensureStateDir } from '../util/state-dir.js';
import type { Secret } from '../util/secret.js';
import {
  UNKNOWN_OUTCOME_ADVICE,
  type AuditEntry,
  type AuditMode,
  type AuditVerifyEntry,
  type AuditWriteEntry,
  type VerifyResult,
} from './entry.js';
import { appendLine, auditPath, prepareAuditFile } from './file.js';
import { auditRedactor, type AuditRedactor } from './redact.js';
import { errorCode, errorMessage } from '../util/errors.js';

export interface AuditLogOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly organizationId: string;
  readonly mode: AuditMode;
  readonly clock?: () => Date;
  /** The session's own credentials: scrubbed if a server message ever echoes them. */
  readonly secrets?: readonly Secret[];
  /**
   * Told about anything the user should know: the file was looser than 0600 and has been narrowed, or a line could
   * not be written. The observer itself never throws, because the write it reports has already happened.
   */
  readonly onWarning?: (message: string) => void;
}

export type AuditInput =
  | { readonly type: 'write'; readonly event: WriteEvent }
  /** `request` is the one the wizard sent; the line refers to this session's latest write of it. */
  | { readonly type: 'verify'; readonly request: ApiRequest; readonly result: VerifyResult; readonly detail?: string };

export interface AuditLog {
  readonly path: string;
  /** Give this to the client factories as `onWrite`. */
  readonly observer: WriteObserver;
  /** Appends one line and returns it as written (redacted). */
  record(input: AuditInput): AuditEntry;
}

const targetOf = (request: ApiRequest) =>
  request.target.service === 'es'
    ? { service: 'es' as const, projectId: request.target.projectId }
    : { service: 'cloud' as const };

/** Verifications are matched to writes by what was sent, since the transport reports a copy of the request. */
const requestKey = (request: ApiRequest, redact: AuditRedactor) =>
  JSON.stringify([request.method, request.target, redact.path(request.path)]);

type WriteMethod = AuditWriteEntry['method'];

function writeMethod(request: ApiRequest): WriteMethod {
  if (request.method === 'GET') throw new Error('GET requests are not audited');
  return request.method;
}

export function createAuditLog(options: AuditLogOptions): AuditLog {
  const { organizationId, mode } = options;
  const clock = options.clock ?? (() => new Date());
  const warn = options.onWarning ?? (() => {});
  const redact = auditRedactor(options.secrets);
  const path = auditPath(options.env);

  ensureStateDir(undefined, options.env);
  const prepared = prepareAuditFile(path);
  if (prepared.tightened) {
    warn(
      `${path} was readable by others (mode ${prepared.tightened.from.toString(8).padStart(3, '0')}); narrowed to 0600`,
    );
  }
  let needsNewline = prepared.needsNewline;
  const latestWrite = new Map<string, string>();

  const base = (request: ApiRequest) => ({
    id: randomUUID(),
    time: clock().toISOString(),
    organizationId,
    mode,
    method: writeMethod(request),
    path: redact.path(request.path),
    ...targetOf(request),
  });

  function writeEntry(event: WriteEvent): AuditWriteEntry {
    const { request, outcome } = event;
    return {
      type: 'write',
      ...base(request),
      url: redact.text(event.url),
      summary: redact.text(request.summary),
      ...(request.body !== undefined ? { body: redact.body(request.body) } : {}),
      status: event.status ?? null,
      outcome,
      ...(outcome === 'unknown' ? { advice: UNKNOWN_OUTCOME_ADVICE } : {}),
      ...(event.note !== undefined ? { note: redact.text(event.note) } : {}),
      ...(event.errorCode !== undefined ? { errorCode: redact.text(event.errorCode) } : {}),
      ...(event.errorMessage !== undefined ? { errorMessage: redact.text(event.errorMessage) } : {}),
      durationMs: event.durationMs,
    };
  }

  function verifyEntry(input: Extract<AuditInput, { type: 'verify' }>): AuditVerifyEntry {
    const ref = latestWrite.get(requestKey(input.request, redact));
    return {
      type: 'verify',
      ...base(input.request),
      ...(ref !== undefined ? { ref } : {}),
      result: input.result,
      ...(input.detail !== undefined ? { detail: redact.text(input.detail) } : {}),
    };
  }

  function record(input: AuditInput): AuditEntry {
    redact.learn(input.type === 'write' ? input.event.request : input.request);
    const entry = input.type === 'write' ? writeEntry(input.event) : verifyEntry(input);
    appendLine(path, `${needsNewline ? '\n' : ''}${JSON.stringify(entry)}`);
    needsNewline = false;
    if (input.type === 'write') latestWrite.set(requestKey(input.event.request, redact), entry.id);
    return entry;
  }

  const observer: WriteObserver = (event) => {
    try {
      record({ type: 'write', event });
    } catch (error) {
      warn(`could not add to the audit trail ${path}: ${errorCode(error) ?? errorMessage(error)}`);
    }
  };

  return { path, observer, record };
}
