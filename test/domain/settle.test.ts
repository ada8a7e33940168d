import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import { failedWriteOutcome } from '../../src/api/outcome.js';
import { cloudRequests, esRequests } from '../../src/api/requests.js';
import { isRetryable } from '../../src/api/retry.js';
import type { ApiKey } from '../../src/api/schemas.js';
import { createPlan, describeOutcome, runPlan } from '../../src/domain/plan.js';
import { judge, rereadFor } from '../../src/domain/settle.js';

const SENT = Date.parse('2026-03-02T12:00:00Z');
const key = (id: string, description: string, at: string): ApiKey => ({ id, description, creation_date: at });
const err = (init: Partial<ConstructorParameters<typeof ApiError>[0]>) =>
  new ApiError({ kind: 'server', service: 'cloud', endpoint: 'POST /x', message: 'm', hint: '', ...init });

describe('write outcomes', () => {
  it('a refusal or a request never sent is failed; a 5xx, reset, timeout or unreadable 2xx is unknown', () => {
    expect(failedWriteOutcome(err({ kind: 'rate_limited', status: 429 }))).toBe('failed');
    expect(failedWriteOutcome(err({ kind: 'bad_request', status: 400 }))).toBe('failed');
    expect(failedWriteOutcome(err({ kind: 'network', code: 'ECONNREFUSED' }))).toBe('failed');
    expect(failedWriteOutcome(err({ kind: 'timeout', code: 'UND_ERR_CONNECT_TIMEOUT' }))).toBe('failed');
    expect(failedWriteOutcome(new Error('no ES credential'))).toBe('failed');
    expect(failedWriteOutcome(err({ status: 503 }))).toBe('unknown');
    expect(failedWriteOutcome(err({ kind: 'network', code: 'ECONNRESET' }))).toBe('unknown');
    expect(failedWriteOutcome(err({ kind: 'network', code: 'UND_ERR_INFO' }))).toBe('unknown');
    expect(failedWriteOutcome(err({ kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT' }))).toBe('unknown');
    expect(failedWriteOutcome(err({ kind: 'unexpected_response' }))).toBe('unknown');
  });

  it('an HTTP/2 stream reset or aborted stream is retried for GET and DELETE only', () => {
    for (const errorCode of ['UND_ERR_INFO', 'UND_ERR_ABORTED']) {
      expect(isRetryable('GET', { errorCode })).toBe(true);
      expect(isRetryable('DELETE', { errorCode })).toBe(true);
      expect(isRetryable('POST', { errorCode })).toBe(false);
    }
  });
});

describe('plans say "nothing was changed" only when it is known', () => {
  const plan = createPlan('x', [cloudRequests.createApiKey({ description: 'ci', expiration: '1d' })]);
  it('a 503 after sending is an unknown step, not "nothing was changed"', async () => {
    const outcome = await runPlan(plan, () => Promise.reject(err({ status: 503 })));
    expect(outcome.plan.steps[0]!.status).toBe('unknown');
    expect(describeOutcome(outcome)).toMatch(/outcome unknown/);
    expect(describeOutcome(outcome)).not.toMatch(/nothing was changed/);
  });
  it('a 400 is a failed step and nothing was changed', async () => {
    const outcome = await runPlan(plan, () => Promise.reject(err({ kind: 'bad_request', status: 400 })));
    expect(describeOutcome(outcome)).toBe('Step 1 failed; nothing was changed.');
  });
  it('the re-read settles an unknown step', async () => {
    const outcome = await runPlan(
      plan,
      () => Promise.reject(err({ status: 503 })),
      undefined,
      undefined,
      () => Promise.resolve({ outcome: 'failed', detail: 'no key with this description was created' }),
    );
    expect(describeOutcome(outcome)).toBe('Step 1 failed; nothing was changed.');
  });
});

describe('settling by re-reading', () => {
  const create = cloudRequests.createApiKey({ description: 'ci', expiration: '1d' });
  it('finds a created key by description and creation time, not an older one', () => {
    const old = key('k0', 'ci', '2026-01-01T00:00:00Z');
    const made = key('k1', 'ci', '2026-03-02T12:00:01Z');
    expect(rereadFor(create)).toBe('keys');
    expect(judge(create, { keys: [old] }, { sentAt: SENT })).toMatchObject({ outcome: 'failed' });
    expect(judge(create, { keys: [old, made] }, { sentAt: SENT })).toMatchObject({
      outcome: 'done',
      orphanKeyId: 'k1',
    });
    expect(judge(create, { keys: [made] }, { sentAt: SENT, keyIdsBefore: new Set(['k1']) }).outcome).toBe('failed');
    expect(judge(create, {}, { sentAt: SENT }).outcome).toBe('unknown');
  });
  it('a bulk revoke is done when every key is gone, unknown when some are', () => {
    const revoke = cloudRequests.deleteApiKeys(['a', 'b']);
    expect(judge(revoke, { keys: [] }, { sentAt: SENT }).outcome).toBe('done');
    expect(judge(revoke, { keys: [key('a', '', '')] }, { sentAt: SENT }).outcome).toBe('unknown');
  });
  it('members, role assignments and roles are listed again', () => {
    const remove = cloudRequests.removeMembers('o', ['u1']);
    const member = {
      organization_id: 'o',
      user_id: 'u1',
      member_since: '',
      role_assignments: {
        project: { elasticsearch: [{ role_id: 'elasticsearch-viewer', organization_id: 'o', project_ids: ['p1'] }] },
      },
    };
    expect(judge(remove, { members: [member] }, { sentAt: SENT }).outcome).toBe('failed');
    expect(judge(remove, { members: [] }, { sentAt: SENT }).outcome).toBe('done');
    const add = cloudRequests.addRoleAssignments('u1', {
      project: { elasticsearch: [{ role_id: 'elasticsearch-viewer', organization_id: 'o', project_ids: ['p1'] }] },
    });
    expect(judge(add, { members: [member] }, { sentAt: SENT }).outcome).toBe('done');
    const del = esRequests.deleteRole('p1', 'r');
    expect(judge(del, { role: null }, { sentAt: SENT }).outcome).toBe('done');
  });
});
