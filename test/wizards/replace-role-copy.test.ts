/**
 * Copying a role onto projects (the doctor's fix for a role missing somewhere) goes through the same builder, so a
 * target that already has a role of that name gets the same replace confirmation as a new role would: the diff,
 * who holds it there, and the typed name. Checked on the step itself, with an organization built in memory.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/api/schemas.js';
import { copyOfRole, valuesFromRole, type RoleValues } from '../../screens/wizards/custom-role/values.js';
import { ROLE_STEPS } from '../../screens/wizards/custom-role/steps.js';
import type { WizardEnv } from '../../screens/wizards/env.js';
import { acmeOrg, pid, projectRole } from '../fixtures/org.js';

const ROLE: Role = {
  cluster: [],
  indices: [{ names: ['marketing-*'], privileges: ['read'] }],
  applications: [],
  metadata: {},
};
const AS_IT_IS_NOW: Role = { ...ROLE, indices: [{ names: ['marketing-*'], privileges: ['read', 'write'] }] };

const env: WizardEnv = {
  snapshot: acmeOrg()
    .member('ann', projectRole('elasticsearch', 'elasticsearch-viewer', [pid('search-prod')], ['marketing-reader']))
    .build(),
  sandbox: true,
  existingRole: (projectId, name) =>
    projectId === pid('search-prod') && name === 'marketing-reader' ? AS_IT_IS_NOW : null,
};

const step = ROLE_STEPS.find((s) => s.id === 'replace-confirm');
if (!step) throw new Error('no replace-confirm step');
const notes = (v: RoleValues) => (step.notes?.(v, env) ?? []).map((n) => n.text).join('\n');

describe('copying a role onto a project that has one of that name', () => {
  const onto = copyOfRole('marketing-reader', ROLE, [pid('search-prod'), pid('search-staging')]);

  it('asks for the typed name, and shows the diff and the holder', () => {
    expect(step.when?.(onto, env)).toBe(true);
    const text = notes(onto);
    expect(text).toContain('replaces the existing role "marketing-reader" in project search-prod, held by 1');
    expect(text).toContain('- indices: [{"names":["marketing-*"],"privileges":["read","write"]}]');
    expect(text).toContain('+ indices: [{"names":["marketing-*"],"privileges":["read"]}]');
    expect(text).toMatch(/held by \S/);
    expect(text).toContain('Type marketing-reader to confirm');
    expect(step.validate?.(onto, env)).toBe('Type exactly: marketing-reader');
    expect(step.validate?.({ ...onto, replaceConfirm: 'marketing-reader' }, env)).toBeUndefined();
  });

  it('asks nothing when no target has the role', () => {
    expect(step.when?.(copyOfRole('marketing-reader', ROLE, [pid('search-staging')]), env)).toBe(false);
  });

  it('leaves an edit (e on the role) to its own diff: the user chose to change that role', () => {
    expect(step.when?.(valuesFromRole('marketing-reader', pid('search-prod'), ROLE), env)).toBe(false);
  });
});
