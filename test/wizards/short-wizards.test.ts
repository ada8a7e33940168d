/**
 * Shorter wizards, at the reducer: the custom role's common path, the cursor resting on the likely next choice, the
 * review's "change an answer" and a complete pre-fill opening on the review.
 */
import { describe, expect, it } from 'vitest';
import { initialWizard, REVIEW, type WizardState } from '../../components/wizard/model.js';
import { roleDraft } from '../../screens/wizards/custom-role/draft.js';
import { ROLE_STEPS } from '../../screens/wizards/custom-role/steps.js';
import { copyOfDescriptor, EMPTY_ROLE, type RoleValues } from '../../screens/wizards/custom-role/values.js';
import { INVITE_STEPS } from '../../screens/wizards/invite/steps.js';
import { EMPTY_INVITE, type InviteValues } from '../../screens/wizards/invite/values.js';
import { featureRoleDescriptor } from '../../src/domain/intent/custom-role.js';
import type { WizardEnv } from '../../screens/wizards/env.js';
import { acmeOrg, pid, uid } from '../fixtures/org.js';
import { drive } from './drive.js';

const env: WizardEnv = { snapshot: acmeOrg().member('alice').build(), sandbox: true };
const start = (values: Partial<RoleValues> = {}, review = false) =>
  drive(ROLE_STEPS, env, initialWizard({ ...EMPTY_ROLE, ...values }, ROLE_STEPS, env, { review }));
const body = (s: WizardState<RoleValues>) => roleDraft(s.values, env).plan.steps[0]?.request.body;

/**
 * The representative role: a name and description, one project, `monitor`, one index entry and one Kibana entry,
 * one assignee. Before this change the builder took 17 steps for it (name, description, projects, cluster, the
 * index menu's "add", patterns, privileges, fields to grant, fields to hide, DLS query, the menu's "done", the
 * Kibana menu's "add", features, level, spaces, the menu's "done", assignees).
 */
function representativeRole() {
  return start()
    .type('mkt-analyst')
    .enter()
    .type('Marketing analysts')
    .enter()
    .tick(pid('search-staging'))
    .enter()
    .tick('monitor')
    .enter()
    .type('marketing-*')
    .enter()
    .tick('read', 'view_index_metadata')
    .enter()
    .enter() // the menu: the cursor is on Done
    .tick('dashboard_v2')
    .enter()
    .enter() // Read, in every space
    .enter() // the menu: Done
    .tick(uid('alice'))
    .enter();
}

describe('the custom role builder: the common path is short', () => {
  it('takes 11 steps for the representative role (17 before), and builds the same role', () => {
    const d = representativeRole();
    expect(d.id()).toBe(REVIEW);
    expect(d.enters()).toBe(11);
    expect(body(d.state)).toEqual({
      description: 'Marketing analysts',
      cluster: ['monitor'],
      indices: [{ names: ['marketing-*'], privileges: ['read', 'view_index_metadata'] }],
      applications: [{ application: 'kibana-.kibana', privileges: ['feature_dashboard_v2.read'], resources: ['*'] }],
    });
  });

  it('a role without privileges: an empty pattern and no feature ticked mean none, 7 steps as before', () => {
    const d = start().type('bare').enter().enter().tick(pid('search-staging')).enter().enter().enter().enter().enter();
    expect(d.id()).toBe(REVIEW);
    expect(d.enters()).toBe(7);
    expect(body(d.state)).toEqual({});
  });

  it('field security and a DLS query are asked only when chosen in the entry menu', () => {
    const d = start().type('fls').enter().enter().tick(pid('search-staging')).enter().enter();
    d.type('logs-*').enter().tick('read').enter();
    expect(d.id()).toBe('indices');
    d.choose('more:0');
    expect(d.id()).toBe('index-grant');
    d.enter().type('secret').enter().type('{"term":{"team":"a"}}').enter();
    expect(d.id()).toBe('indices');
    expect(d.pointed()).toBe('done');
    d.enter().enter().enter();
    expect(d.id()).toBe(REVIEW);
    expect(body(d.state)).toMatchObject({
      indices: [
        {
          names: ['logs-*'],
          privileges: ['read'],
          field_security: { except: ['secret'] },
          query: { term: { team: 'a' } },
        },
      ],
    });
  });

  it('Kibana spaces are asked only for "in chosen spaces"', () => {
    const d = start().type('kb').enter().enter().tick(pid('search-staging')).enter().enter().enter();
    d.tick('discover_v2').enter().choose('all:spaces');
    expect(d.id()).toBe('kibana-spaces');
    d.type('marketing').enter();
    expect(d.id()).toBe('kibana');
    d.enter().enter();
    expect(body(d.state)).toMatchObject({
      applications: [{ privileges: ['feature_discover_v2.all'], resources: ['space:marketing'] }],
    });
  });

  it('an entry whose patterns are emptied is dropped, and the loop goes on without it', () => {
    const d = start().type('drop').enter().enter().tick(pid('search-staging')).enter().enter();
    d.type('a-*').enter().tick('read').enter().choose('add');
    expect(d.id()).toBe('index-names');
    d.enter(); // empty: no second entry
    expect(d.id()).toBe('indices');
    expect(d.state.values.indices.map((e) => e.names)).toEqual(['a-*']);
    d.choose('edit:0').erase(3).enter();
    expect(d.state.values.indices).toEqual([]);
    expect(d.id()).toBe('kibana-features');
  });
});

describe('the cursor rests on the likely next choice', () => {
  it('on "Done" after adding an entry, though "Add another" was chosen last', () => {
    const d = start().type('c').enter().enter().tick(pid('search-staging')).enter().enter();
    d.type('a-*').enter().tick('read').enter();
    expect(d.pointed()).toBe('done');
    d.choose('add').type('b-*').enter().tick('read').enter();
    expect(d.id()).toBe('indices');
    expect(d.pointed()).toBe('done');
  });

  it('walking back: on the existing answer of a choice, and on the first ticked option of a list', () => {
    const d = start().type('c').enter().enter().tick(pid('search-staging')).enter().tick('monitor').enter();
    d.enter().tick('discover_v2').enter().choose('all');
    expect(d.id()).toBe('kibana');
    d.back();
    expect(d.id()).toBe('kibana-level');
    expect(d.pointed()).toBe('all');
    d.back().back().back();
    expect(d.id()).toBe('cluster');
    expect(d.pointed()).toBe('monitor');
  });

  it('arriving forward again: on the answer, not where the cursor was left', () => {
    const d = start().type('c').enter().enter().tick(pid('search-staging')).enter().enter().enter();
    d.tick('discover_v2').enter().point('all:spaces').back().enter();
    expect(d.id()).toBe('kibana-level');
    expect(d.pointed()).toBe('read');
  });
});

describe('the review: change any answer and come back', () => {
  it('lists every answer; a changed one returns to the review with everything else kept', () => {
    const d = representativeRole();
    d.change();
    const answers = d.state;
    expect(d.id()).toBe('answers');
    expect(d.pointed()).toBe('name');
    d.choose('description');
    expect(d.id()).toBe('description');
    d.erase(8).type('team').enter();
    expect(d.id()).toBe(REVIEW);
    expect(body(d.state)).toMatchObject({ description: 'Marketing team', cluster: ['monitor'] });
    expect(d.state.values.assignees).toEqual([uid('alice')]);
    // Walking back from the review still goes through the answers in order.
    expect(d.state.trail).toEqual(answers.trail.slice(0, -1));
  });

  it('esc in the step picked puts the answer back as it was', () => {
    const d = representativeRole();
    d.change().choose('cluster').tick('monitor', 'manage');
    d.back();
    expect(d.id()).toBe(REVIEW);
    expect(d.state.values.cluster).toEqual(['monitor']);
  });

  it('an entry changed through its menu: its steps, the menu once more (on Done), then the review', () => {
    const d = representativeRole();
    d.change().choose('indices');
    expect(d.pointed()).toBe('done');
    d.choose('edit:0').erase(2).type('-eu-*').enter();
    expect(d.id()).toBe('index-privileges');
    expect(d.pointed()).toBe('read');
    d.enter();
    expect(d.id()).toBe('indices');
    expect(d.pointed()).toBe('done');
    d.enter();
    expect(d.id()).toBe(REVIEW);
    expect(body(d.state)).toMatchObject({ indices: [{ names: ['marketing-eu-*'] }] });
  });

  it('a change that makes a new question (a project where the role exists) asks it before the review', () => {
    const d = start().type('marketing-reader').enter().enter().tick(pid('search-staging')).enter();
    d.enter().enter().enter().enter();
    expect(d.id()).toBe(REVIEW);
    d.change().choose('projects').tick(pid('search-prod')).enter();
    expect(d.id()).toBe('replace-confirm');
  });
});

describe('a complete pre-fill opens on the review', () => {
  const prefill: Partial<RoleValues> = {
    name: 'dashboards-read-only',
    projectIds: [pid('search-staging')],
    kibana: [{ features: ['dashboard_v2'], level: 'read', spaces: '*' }],
    assignees: [uid('alice')],
  };

  it('on the review, and esc walks back through the answers', () => {
    const d = start(prefill, true);
    expect(d.id()).toBe(REVIEW);
    expect(d.state.touched).toBe(false);
    d.back();
    expect(d.id()).toBe('assignees');
    d.back();
    expect(d.id()).toBe('kibana');
  });

  it('an incomplete one opens on the first answer it lacks', () => {
    expect(start({ ...prefill, name: '' }, true).id()).toBe('name');
    expect(start({ ...prefill, projectIds: [] }, true).id()).toBe('projects');
  });

  it('a role that would replace one stops at the typed confirmation', () => {
    expect(start({ ...prefill, name: 'marketing-reader', projectIds: [pid('search-prod')] }, true).id()).toBe(
      'replace-confirm',
    );
  });
});

describe('`:` requests: complete ones open on the review', () => {
  it('read-only dashboards for alice: the role the request built, exactly, on the review', () => {
    const descriptor = featureRoleDescriptor(['dashboard_v2'], 'read');
    const values = copyOfDescriptor('dashboard_v2-read-only', descriptor, [pid('search-staging')]);
    const d = start({ ...values, assignees: [uid('alice')] }, true);
    expect(d.id()).toBe(REVIEW);
    expect(body(d.state)).toEqual(descriptor);
  });

  const invite = (values: Partial<InviteValues>) =>
    drive(INVITE_STEPS, env, initialWizard({ ...EMPTY_INVITE, ...values }, INVITE_STEPS, env, { review: true }));
  const viewer = {
    type: 'elasticsearch' as const,
    all: false,
    projectIds: [pid('search-prod')],
    role: 'elasticsearch-viewer',
  };

  it('invite bob as viewer on search-prod: on the review; without an address, on the address', () => {
    expect(invite({ emailsText: 'bob@example.com', grants: [viewer] }).id()).toBe(REVIEW);
    expect(invite({ grants: [viewer] }).id()).toBe('emails');
  });
});
