/**
 * The deployment picker shared by the invite, member-roles and key wizards, as pure steps over values: the scope
 * choice (all deployments, future ones included, or chosen ones by name), what it offers with no deployments to
 * choose, and the requests each wizard builds from a chosen grant.
 */
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../src/api/schemas.js';
import type { OrgSnapshot } from '../../src/domain/org.js';
import type { Step } from '../../components/wizard/model.js';
import { keyDraft } from '../../screens/wizards/api-key/draft.js';
import { EMPTY_KEY, type KeyValues } from '../../screens/wizards/api-key/values.js';
import {
  deploymentGrantSteps,
  deploymentIdNotes,
  type WithDeploymentGrants,
} from '../../screens/wizards/deployment-grants.js';
import type { WizardEnv } from '../../screens/wizards/env.js';
import { inviteDraft } from '../../screens/wizards/invite/draft.js';
import { EMPTY_INVITE } from '../../screens/wizards/invite/values.js';
import { MEMBER_ROLES_SPEC } from '../../screens/wizards/member-roles/wizard.js';
import { rowLabel } from '../../screens/wizards/row-label.js';
import { acmeOrg, ORG_ID, uid } from '../fixtures/org.js';

const SHOP: Deployment = {
  id: 'dep-shop',
  name: 'shop',
  resources: [{ id: 'r1', kind: 'elasticsearch', ref_id: 'main-elasticsearch', region: 'gcp-us-central1' }],
};
const LOGS: Deployment = { id: 'dep-logs', name: 'logs', resources: [] };

const envWith = (
  deployments: readonly Deployment[] | undefined,
  snapshot: OrgSnapshot = acmeOrg().build(),
): WizardEnv => ({
  snapshot: { ...snapshot, ...(deployments ? { deployments } : {}) },
  sandbox: false,
});

type V = WithDeploymentGrants;
const STEPS = deploymentGrantSteps<V>('dep', 'Hosted deployment roles');
const step = (id: string) => STEPS.find((s) => s.id === `dep-${id}`)!;
type Kind<K extends string> = Extract<Step<V, WizardEnv>, { kind: K }>;
function stepOf<K extends 'choice' | 'multi'>(id: string, ...kinds: K[]): Kind<K> {
  const found = step(id);
  const matches = (s: Step<V, WizardEnv>): s is Kind<K> => (kinds as string[]).includes(s.kind);
  if (!matches(found)) throw new Error(`dep-${id} is a ${found.kind} step`);
  return found;
}
const options = (id: string, v: V, env: WizardEnv) => stepOf(id, 'choice', 'multi').options(v, env);
const choose = (id: string, v: V, answer: string): V => stepOf(id, 'choice').set(v, answer);
const tick = (v: V, ids: readonly string[]): V => stepOf('deployments', 'multi').set(v, ids);
const visible = (id: string, v: V, env: WizardEnv) => step(id).when?.(v, env) ?? true;

/** Menu → add → role → scope, as the keys would answer them. */
const drafted = (role: string, scope: string): V =>
  choose('scope', choose('role', choose('menu', { deploymentGrants: [] }, 'add'), role), scope);

describe('the deployment scope step', () => {
  it('offers chosen deployments first, and says plainly that "all" reaches deployments created later', () => {
    const env = envWith([SHOP, LOGS]);
    const v = choose('role', choose('menu', { deploymentGrants: [] }, 'add'), 'deployment-viewer');
    expect(options('scope', v, env)).toEqual([
      { id: 'chosen', label: 'Chosen deployments…', hint: 'pick from 2 deployments; later ones are not covered' },
      { id: 'all', label: 'All deployments', hint: 'every deployment, including ones created later' },
    ]);
    expect(step('scope').notes?.(v, env)).toEqual([]);
  });

  it('with no deployments, offers only all or none, and explains why', () => {
    const env = envWith([]);
    const v = choose('role', choose('menu', { deploymentGrants: [] }, 'add'), 'deployment-viewer');
    expect(options('scope', v, env).map((o) => o.id)).toEqual(['all', 'none']);
    expect(step('scope').notes?.(v, env)).toEqual([
      {
        tone: 'warning',
        text: 'This organization has no hosted deployments to choose from: only all deployments (which covers ones created later) or none.',
      },
    ]);
    const none = choose('scope', v, 'none');
    expect(none.deploymentGrants).toEqual([]);
    expect(none.deploymentDraft).toBeUndefined();
    expect(visible('deployments', none, env)).toBe(false);
  });

  it('without a loaded deployment list, says so and offers only all or none', () => {
    const env = envWith(undefined);
    const v = choose('role', choose('menu', { deploymentGrants: [] }, 'add'), 'deployment-admin');
    expect(options('scope', v, env).map((o) => o.id)).toEqual(['all', 'none']);
    expect(step('scope').notes?.(v, env)[0]?.text).toMatch(/^The deployment list is not loaded/);
  });
});

describe('grants from the picker', () => {
  it('all deployments: one grant, no ids, and the menu next', () => {
    const env = envWith([SHOP, LOGS]);
    const v = drafted('deployment-editor', 'all');
    expect(v.deploymentGrants).toEqual([{ role: 'deployment-editor', all: true, deploymentIds: [] }]);
    expect(step('scope').next?.(v, env)).toBe('dep-menu');
  });

  it('chosen deployments: the multi-select lists them by name with the id as a hint, and the ticked ids become the grant', () => {
    const env = envWith([SHOP, LOGS]);
    const v = drafted('deployment-viewer', 'chosen');
    expect(visible('deployments', v, env)).toBe(true);
    expect(options('deployments', v, env)).toEqual([
      { id: 'dep-shop', label: 'shop', hint: 'dep-shop · gcp-us-central1' },
      { id: 'dep-logs', label: 'logs', hint: 'dep-logs' },
    ]);
    expect(step('deployments').validate?.(v, env)).toBe('Choose at least one deployment (space to tick)');
    const done = tick(v, ['dep-logs']);
    expect(done.deploymentGrants).toEqual([{ role: 'deployment-viewer', all: false, deploymentIds: ['dep-logs'] }]);
    expect(step('deployments').validate?.(done, env)).toBeUndefined();
    const menu = options('menu', done, env);
    expect(menu.map((o) => o.label)).toEqual([
      'Done with deployment roles',
      'Add a deployment role…',
      'Remove: Deployment viewer on logs (dep-logs)',
    ]);
  });

  it('deployment names are server text: shown inert in the picker, the labels and the review notes', () => {
    const evil: Deployment = { id: 'dep-evil', name: 'prod\u001b]52;c;aGk=\u0007\u202e', resources: [] };
    const env = envWith([evil]);
    const [option] = options('deployments', drafted('deployment-viewer', 'chosen'), env);
    expect(option?.label).toBe('prod\\x1b]52;c;aGk=\\x07<U+202E>');
    const row = {
      scope: 'deployment' as const,
      roleId: 'deployment-viewer',
      organizationId: ORG_ID,
      all: false,
      ids: ['dep-evil'],
      applicationRoles: [],
    };
    expect(rowLabel(row, env)).toBe('Deployment viewer on prod\\x1b]52;c;aGk=\\x07<U+202E> (dep-evil)');
    expect(deploymentIdNotes([row], env)).toEqual([
      { tone: 'muted', text: 'deployment_ids in the request: prod\\x1b]52;c;aGk=\\x07<U+202E> (dep-evil)' },
    ]);
  });
});

describe('the requests each wizard builds from a chosen grant', () => {
  const grant = { role: 'deployment-editor', all: false, deploymentIds: ['dep-shop', 'dep-logs'] };
  const entry = {
    role_id: 'deployment-editor',
    organization_id: ORG_ID,
    all: false,
    deployment_ids: ['dep-shop', 'dep-logs'],
  };

  it('invite: the invitation carries the deployment entry; the review names the ids', () => {
    const env = envWith([SHOP, LOGS]);
    const draft = inviteDraft({ ...EMPTY_INVITE, emailsText: 'new@example.com', deploymentGrants: [grant] }, env);
    expect(draft.blocked).toBeUndefined();
    expect(draft.plan.steps.map((s) => s.request.body)).toEqual([
      { emails: ['new@example.com'], role_assignments: { deployment: [entry] } },
    ]);
    expect(draft.notes).toContainEqual({
      tone: 'muted',
      text: 'deployment_ids in the request: shop (dep-shop), logs (dep-logs)',
    });
  });

  it('member roles: a POST of the added deployment entry only', () => {
    const snapshot = acmeOrg().member('ada').build();
    const env = envWith([SHOP, LOGS], snapshot);
    const draft = MEMBER_ROLES_SPEC.draft(
      { userId: uid('ada'), remove: [], orgRole: '', grants: [], deploymentGrants: [grant] },
      env,
    );
    expect(draft.plan.steps.map((s) => [s.request.method, s.request.body])).toEqual([
      ['POST', { deployment: [entry] }],
    ]);
    expect(draft.notes).toContainEqual({
      tone: 'success',
      text: '  + Deployment editor on shop (dep-shop), logs (dep-logs)',
    });
  });

  it('key: a deployments-only key sends the deployment entry and nothing else', () => {
    const env = envWith([SHOP, LOGS]);
    const v: KeyValues = {
      ...EMPTY_KEY,
      description: 'deploy bot',
      scope: 'deployments',
      stackRoles: ['viewer'],
      deploymentGrants: [grant],
    };
    const draft = keyDraft(v, env);
    expect(draft.blocked).toBeUndefined();
    expect(draft.plan.steps.map((s) => s.request.body)).toEqual([
      { description: 'deploy bot', expiration: '30d', role_assignments: { deployment: [entry] } },
    ]);
  });

  it('key: deployment grants left from a deployments-only answer are not sent once the scope is projects', () => {
    const snapshot = acmeOrg().build();
    const env = envWith([SHOP, LOGS], snapshot);
    const v: KeyValues = {
      ...EMPTY_KEY,
      description: 'ci',
      scope: 'projects',
      projectIds: [snapshot.projects[0]!.id],
      cloudRole: 'viewer',
      deploymentGrants: [grant],
    };
    const body = keyDraft(v, env).plan.steps[0]?.request.body;
    expect(body).toHaveProperty('role_assignments.project');
    expect(body).not.toHaveProperty('role_assignments.deployment');
  });
});
