/**
 * Sharing repeated ids changes how many copies of a string exist, never a value: an answer reads the same after it.
 * (The memory it saves is measured by bench P4; string identity cannot be observed from JavaScript.)
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { shareRepeatedIds } from '../../src/api/shared-ids.js';

it('leaves a member list with role assignments exactly as parsed', () => {
  const member = (n: number) => ({
    user_id: `u${n}`,
    organization_id: '605992674944',
    role_assignments: {
      organization: [{ role_id: 'organization-admin', organization_id: '605992674944' }],
      project: {
        elasticsearch: [
          {
            role_id: 'elasticsearch-viewer',
            organization_id: '605992674944',
            all: false,
            project_ids: ['p1', 'p2'],
            application_roles: ['dashboard-reader'],
          },
        ],
      },
    },
  });
  const answer = { members: [member(1), member(2), member(3)] };
  shareRepeatedIds(answer);
  expect(answer).toEqual({ members: [member(1), member(2), member(3)] });
});

it('leaves any JSON value as it was, whichever keys it uses', () => {
  const key = fc.constantFrom('organization_id', 'role_id', 'project_ids', 'application_roles', 'name', 'id', 'items');
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  fc.assert(
    fc.property(json, (value) => {
      const copy: unknown = structuredClone(value);
      shareRepeatedIds(copy);
      expect(copy).toEqual(value);
    }),
    { numRuns: 500 },
  );
});
