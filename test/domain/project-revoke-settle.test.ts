/**
 * Settling a project-key invalidation whose answer was lost (src/domain/project-keys.ts), and the fault rule that
 * lets a test hit only the re-read (src/sandbox/faults.ts). Pure.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectApiKey } from '../../src/api/project-key-schemas.js';
import { settleProjectRevoke, type ProjectKeyOutcome } from '../../src/domain/project-keys.js';
import { createFaults, FaultInput } from '../../src/sandbox/faults.js';

const key = (id: string, invalidated: boolean): ProjectApiKey => ({
  id,
  name: id,
  creation: 0,
  invalidated,
  username: 'admin',
  realm: 'cloud-saml',
});
const open = (...ids: string[]): ProjectKeyOutcome[] => ids.map((id) => ({ id, status: 'unknown' }));
const CAUSE = 'the project answered 503';

describe('settleProjectRevoke', () => {
  it('judges each key by the re-read: invalidated or gone is revoked, still active is failed', () => {
    const settled = settleProjectRevoke(open('a', 'b', 'c'), [key('a', true), key('b', false)], CAUSE);
    expect(settled.map((o) => [o.id, o.status])).toEqual([
      ['a', 'revoked'],
      ['b', 'failed'],
      ['c', 'revoked'],
    ]);
    expect(settled[1]!.reason).toBe(`${CAUSE}; the re-read shows the key still active: nothing changed`);
    expect(settled[2]!.reason).toMatch(/no longer lists the key/);
  });

  it('stays unknown, never "nothing changed", when the re-read failed', () => {
    const [only] = settleProjectRevoke(open('a'), undefined, CAUSE);
    expect(only).toMatchObject({ id: 'a', status: 'unknown' });
    expect(only!.reason).toMatch(/could not be confirmed/);
    expect(only!.reason).not.toMatch(/nothing changed/);
  });

  it('leaves outcomes the answer already told alone', () => {
    const told: ProjectKeyOutcome[] = [{ id: 'a', status: 'already-gone', reason: 'already invalidated' }];
    expect(settleProjectRevoke(told, [key('a', false)], CAUSE)).toEqual(told);
  });
});

describe('a sandbox fault with query parameters', () => {
  it('matches only requests carrying them', () => {
    const faults = createFaults();
    faults.add(
      FaultInput.parse({
        kind: 'status',
        status: 500,
        method: 'GET',
        path: '/_es/*/_security/api_key',
        query: { id: 'k1' },
      }),
    );
    const path = '/_es/p1/_security/api_key';
    expect(faults.take('GET', path, new URLSearchParams())).toBeUndefined();
    expect(faults.take('GET', path, new URLSearchParams('id=k2'))).toBeUndefined();
    expect(faults.take('GET', path, new URLSearchParams('id=k1'))).toMatchObject({ status: 500 });
    // Used up.
    expect(faults.take('GET', path, new URLSearchParams('id=k1'))).toBeUndefined();
  });
});
