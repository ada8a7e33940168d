import {
  appendFileSync,
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WriteEvent } from '../../src/api/client.js';
import { cloudRequests, esRequests, type ApiRequest } from '../../src/api/requests.js';
import {
  AuditEntry,
  auditPath,
  createAuditLog,
  readAuditEntries,
  UNKNOWN_OUTCOME_ADVICE,
} from '../../src/audit/index.js';
import { Secret } from '../../src/util/secret.js';

const CREATED_KEY = 'essu_c2VjcmV0LWNyZWF0ZWQta2V5LXZhbHVlLTEyMzQ1Njc4OTA=';
const OWN_KEY = 'essu_b3duLWtleS1vZi10aGUtc2Vzc2lvbi0wOTg3NjU0MzIx';
const INVITE_TOKEN = 'inv7f3a9c1e5b2d8044a6b1c9e0f2d3a4b5';
const OTHER_TOKEN = 'inv0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const CLOCK = () => new Date('2026-03-01T12:00:00.000Z');

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ec-access-audit-'));
  env = { XDG_STATE_HOME: dir, HOME: dir };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function event(request: ApiRequest, status: number | undefined, extra: Partial<WriteEvent> = {}): WriteEvent {
  return {
    request,
    url: `https://api.example/api/v1${request.path}`,
    status,
    ok: status !== undefined && status < 300,
    outcome:
      status !== undefined && status < 300 ? 'done' : status === undefined || status >= 500 ? 'unknown' : 'failed',
    durationMs: 42,
    ...extra,
  };
}

const open = (warnings: string[] = []) =>
  createAuditLog({ env, organizationId: 'org-1', mode: 'sandbox', clock: CLOCK, onWarning: (m) => warnings.push(m) });

const lines = () =>
  readFileSync(auditPath(env), 'utf8')
    .split('\n')
    .filter((l) => l !== '');

describe('audit log file', () => {
  it('lives in the state directory and is created 0600', () => {
    const log = open();
    expect(log.path).toBe(join(dir, 'ec-access', 'audit.jsonl'));
    expect(statSync(log.path).mode & 0o777).toBe(0o600);
  });

  it('narrows an existing looser file to 0600 and says so', () => {
    mkdirSync(join(dir, 'ec-access'), { recursive: true });
    writeFileSync(auditPath(env), '');
    chmodSync(auditPath(env), 0o644);
    const warnings: string[] = [];
    open(warnings);
    expect(statSync(auditPath(env)).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([expect.stringContaining('mode 644); narrowed to 0600')]);
  });

  it('appends exactly one JSON line per write, each a valid AuditEntry', () => {
    const log = open();
    log.observer(event(cloudRequests.deleteApiKeys(['k1', 'k2']), 200));
    log.observer(event(esRequests.putRole('p-1', 'reader', { cluster: ['monitor'] }), 200));
    log.observer(
      event(cloudRequests.removeMembers('org-1', ['u1']), 403, {
        errorCode: 'forbidden',
        errorMessage: 'not an owner',
      }),
    );
    const written = lines();
    expect(written).toHaveLength(3);
    const entries = written.map((l) => AuditEntry.parse(JSON.parse(l)));
    expect(entries[0]).toMatchObject({
      type: 'write',
      time: '2026-03-01T12:00:00.000Z',
      organizationId: 'org-1',
      mode: 'sandbox',
      service: 'cloud',
      method: 'DELETE',
      path: '/users/auth/keys',
      url: 'https://api.example/api/v1/users/auth/keys',
      body: { keys: ['k1', 'k2'] },
      status: 200,
      outcome: 'done',
      summary: 'revoke 2 API keys',
      durationMs: 42,
    });
    expect(entries[1]).toMatchObject({ service: 'es', projectId: 'p-1', method: 'PUT', outcome: 'done' });
    expect(entries[2]).toMatchObject({
      outcome: 'failed',
      status: 403,
      errorCode: 'forbidden',
      errorMessage: 'not an owner',
    });
    expect(entries[2]).not.toHaveProperty('advice');
  });

  it('records a write without a response (or with a 5xx) as unknown, with advice', () => {
    const log = open();
    log.observer(event(cloudRequests.deleteApiKeys(['k1']), undefined, { errorCode: 'UND_ERR_HEADERS_TIMEOUT' }));
    log.observer(event(cloudRequests.deleteApiKeys(['k1']), 502));
    const [timeout, bad] = readAuditEntries({ env });
    expect(timeout).toMatchObject({ status: null, outcome: 'unknown', advice: UNKNOWN_OUTCOME_ADVICE });
    expect(bad).toMatchObject({ status: 502, outcome: 'unknown', advice: UNKNOWN_OUTCOME_ADVICE });
  });

  it('keeps every planted secret out of the file', () => {
    const log = createAuditLog({ env, organizationId: 'org-1', mode: 'cloud', secrets: [new Secret(OWN_KEY)] });
    // A created key's value echoed in a body, invitation tokens in a path and bodies, an Authorization value.
    log.observer(event(cloudRequests.cancelInvitations('org-1', [INVITE_TOKEN, OTHER_TOKEN]), 200));
    log.observer(
      event(
        {
          ...cloudRequests.createApiKey({ description: 'ci' }),
          body: { description: 'ci', key: CREATED_KEY, authorization: `ApiKey ${OWN_KEY}` },
        },
        400,
        { errorMessage: `bad header ApiKey ${OWN_KEY} for token ${INVITE_TOKEN} at /invitations/${OTHER_TOKEN}` },
      ),
    );
    log.observer(
      event(
        {
          method: 'POST',
          path: `/organizations/org-1/invitations/${INVITE_TOKEN}/_accept`,
          target: { service: 'cloud' },
          summary: 'accept',
          body: {
            token: INVITE_TOKEN,
            tokens: [INVITE_TOKEN, OTHER_TOKEN],
            invitation_token: OTHER_TOKEN,
            note: `see ${OWN_KEY}`,
          },
        },
        200,
      ),
    );
    log.record({
      type: 'verify',
      request: cloudRequests.cancelInvitations('org-1', [INVITE_TOKEN]),
      result: 'confirmed',
      detail: `gone: ${INVITE_TOKEN}`,
    });
    const text = readFileSync(log.path, 'utf8');
    for (const secret of [CREATED_KEY, OWN_KEY, INVITE_TOKEN, OTHER_TOKEN]) expect(text).not.toContain(secret);
    expect(text).toContain('/invitations/[redacted]');
    expect(lines()).toHaveLength(4);
  });

  it('points a verification at the latest matching write of this session', () => {
    const log = open();
    log.observer(event(cloudRequests.deleteApiKeys(['k1']), 200));
    // The transport reports a copy with the path already redacted; the wizard verifies with what it sent.
    const sent = cloudRequests.cancelInvitations('org-1', [INVITE_TOKEN]);
    log.observer(event({ ...sent, path: '/organizations/org-1/invitations/[redacted]' }, undefined));
    const verify = log.record({ type: 'verify', request: sent, result: 'not-applied', detail: 'still pending' });
    const entries = readAuditEntries({ env });
    expect(verify).toMatchObject({ type: 'verify', ref: entries[1]!.id, result: 'not-applied', method: 'DELETE' });
    expect(entries[2]).toEqual(verify);
    const orphan = log.record({
      type: 'verify',
      request: cloudRequests.removeMembers('org-1', ['u9']),
      result: 'confirmed',
    });
    expect(orphan).not.toHaveProperty('ref');
  });

  it('starts a fresh line after a torn one, and reports (not throws) when it cannot write', () => {
    mkdirSync(join(dir, 'ec-access'), { recursive: true });
    writeFileSync(auditPath(env), '{"type":"write","id":"x', { mode: 0o600 });
    const warnings: string[] = [];
    const log = open(warnings);
    log.observer(event(cloudRequests.deleteApiKeys(['k1']), 200));
    expect(readAuditEntries({ env })).toHaveLength(1);

    rmSync(join(dir, 'ec-access'), { recursive: true });
    writeFileSync(join(dir, 'ec-access'), 'not a directory');
    expect(() => log.observer(event(cloudRequests.deleteApiKeys(['k1']), 200))).not.toThrow();
    expect(warnings).toEqual([expect.stringContaining('could not add to the audit trail')]);
  });
});

describe('readAuditEntries', () => {
  it('returns nothing when there is no file', () => {
    expect(readAuditEntries({ env })).toEqual([]);
  });

  it('skips a torn last line and unknown lines, and keeps the newest with limit', () => {
    const log = open();
    for (const id of ['a', 'b', 'c']) log.observer(event(cloudRequests.deleteApiKeys([id]), 200));
    appendFileSync(log.path, '{"type":"future-kind","id":"z"}\n{"type":"write","id":"torn","ti');
    const all = readAuditEntries({ env });
    expect(all.map((e) => e.type === 'write' && e.body)).toEqual([{ keys: ['a'] }, { keys: ['b'] }, { keys: ['c'] }]);
    expect(readAuditEntries({ env, limit: 2 }).map((e) => e.id)).toEqual(all.slice(1).map((e) => e.id));
  });
});
