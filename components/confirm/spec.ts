/**
 * What a typed confirmation is about, as data: the ConfirmPanel renders any of these and runs the same
 * type → send once → re-read → verify sequence for each, so the five destructive actions cannot drift apart.
 */
import type { ApiRequest } from '../../src/api/requests.js';
import type { VerifyResult } from '../../src/audit/index.js';
import type { ConfirmTarget, ExtraWarning } from '../../src/domain/confirm.js';
import type { OrgSnapshot } from '../../src/domain/org.js';
import type { DataState, RefreshScope } from '../../src/state/store.js';
import type { Line } from '../../src/ui/lines.js';
import type { Symbols, Tone } from '../../src/ui/theme.js';
import type { WizardServices } from '../wizard/services.js';

/** What the panel knows when it prepares the action; re-evaluated on every render until the request is sent. */
export interface ConfirmEnv {
  readonly data: DataState;
  readonly snapshot: OrgSnapshot | undefined;
  /** Undefined when the app was started without a connection to send through (some tests). */
  readonly services: WizardServices | undefined;
  readonly selfKeyId?: string;
  readonly symbols: Symbols;
  readonly now: Date;
}

export type SendResult = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

export interface Verified {
  readonly tone: Tone;
  /** One line for the status bar once the panel closes. */
  readonly summary: string;
  readonly lines: readonly Line[];
  /** What the re-read showed, for the audit trail; undefined when nothing could be re-read. */
  readonly audit?: VerifyResult;
}

/** The action with everything resolved against the current data. */
export interface Prepared {
  /** Decides the phrase the user must type. */
  readonly target: ConfirmTarget;
  readonly request: ApiRequest;
  /** Full URL, credentials never included (invitation tokens redacted). */
  readonly url: string;
  /** Further requests the same confirmation sends, in order (revoking keys of several layers and projects). */
  readonly more?: ReadonlyArray<{ readonly request: ApiRequest; readonly url: string }>;
  /** What will happen, in the user's terms, before the raw request. */
  readonly effects: readonly Line[];
  readonly warnings: readonly ExtraWarning[];
  /** Why it cannot be sent at all (no credential for the project, not connected); the button stays disabled. */
  readonly blocked?: string;
  /** Sends exactly `request` (and `more`), once. */
  send(): Promise<void>;
  readonly refresh: readonly RefreshScope[];
  /** Judges the outcome from the send result and the data re-read afterwards. */
  verify(data: DataState, sent: SendResult): Verified;
}

export interface ConfirmSpec {
  /** Panel id (one confirmation per target at a time). */
  readonly id: string;
  readonly title: string;
  /** The button ("Revoke 3 keys"). */
  readonly verb: string;
  prepare(env: ConfirmEnv): Prepared;
}

/** The request's URL when there is no client to ask (no connection): the path is still exactly what would be sent. */
export function urlOrPath(services: WizardServices | undefined, request: ApiRequest): string {
  return services ? services.cloud.urlOf(request) : request.path;
}

export const NOT_CONNECTED = 'not connected to Elastic Cloud (no client to send with)';
