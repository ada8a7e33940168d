import { describe, expect, it } from 'vitest';
import { ROLE_STEPS } from '../../screens/wizards/custom-role/steps.js';
import { EMPTY_INDEX, EMPTY_ROLE, type RoleValues } from '../../screens/wizards/custom-role/values.js';
import type { WizardEnv } from '../../screens/wizards/env.js';
import { orgWith } from '../fixtures/org.js';

const step = (id: string) => ROLE_STEPS.find((s) => s.id === id)!;
const env: WizardEnv = { snapshot: orgWith().build(), sandbox: true };

describe('role builder privilege notes', () => {
  it('flags a name the picker does not offer (a role read for editing), with a did-you-mean', () => {
    const v: RoleValues = {
      ...EMPTY_ROLE,
      mode: 'edit',
      cluster: ['monitor', 'monitr'],
      indices: [{ ...EMPTY_INDEX, names: 'logs-*', privileges: ['read', 'raed'] }],
      indexLoop: { at: 0 },
    };
    expect(step('cluster').notes?.(v, env)).toEqual([
      {
        tone: 'danger',
        text: '"monitr" is not a Serverless cluster privilege (did you mean "monitor"?); Elasticsearch refuses the role with it',
      },
    ]);
    expect(step('index-privileges').notes?.(v, env)).toEqual([
      {
        tone: 'danger',
        text: '"raed" is not a Serverless index privilege (did you mean "read"?); Elasticsearch refuses the role with it',
      },
    ]);
    expect(step('cluster').notes?.({ ...v, cluster: ['monitor', 'cluster:monitor/main'] }, env)).toEqual([]);
  });
});
