/**
 * Requests in plain words: sentences and the plan each must produce, against one fixture organization
 * (projects search-prod, search-staging, obs-prod, sec-prod; members bob, carol, sam ×2; a few keys).
 */
import { describe, expect, it } from 'vitest';
import { INTENT_GRAMMAR, parseIntent } from '../../../src/domain/intent/index.js';
import type { Intent, IntentContext } from '../../../src/domain/intent/index.js';
import { acmeOrg, kid, pid, projectRole, roles, uid } from '../../fixtures/org.js';

const snapshot = acmeOrg()
  .member('bob', projectRole('elasticsearch', 'elasticsearch-developer', [pid('search-staging')]), {
    name: 'Bob Builder',
  })
  .member(
    'carol',
    roles(
      projectRole('elasticsearch', 'elasticsearch-viewer', 'all'),
      projectRole('security', 'security-t1-analyst', [pid('sec-prod')]),
    ),
    { name: 'Carol Diaz' },
  )
  .member('sam', undefined, { name: 'Sam Smith' })
  .member('samj', undefined, { name: 'Sam Jones' })
  .owner('olga')
  .key('ci-old-1')
  .key('ci-old-2')
  .key('ci-ingest', { createdDaysAgo: 10, expiresInDays: 80 })
  .key('deploy')
  .invitation('pending@example.com')
  .build();

const context: IntentContext = {
  projects: snapshot.projects,
  members: snapshot.members,
  keys: snapshot.keys,
  invitations: snapshot.invitations,
  customRoles: snapshot.customRoles,
};

const on = (name: string, type: 'elasticsearch' | 'observability' | 'security' = 'elasticsearch') =>
  ({ kind: 'projects', type, projectIds: [pid(name)] }) as const;
const allOf = (type: 'elasticsearch' | 'observability' | 'security') => ({ kind: 'all-of-type', type }) as const;
const dashboardsReadOnly = {
  description: 'Read-only access to dashboard (made by ec-access)',
  applications: [{ application: 'kibana-.kibana', privileges: ['feature_dashboard_v2.read'], resources: ['*'] }],
};
const bob = { userId: uid('bob'), label: 'Bob Builder' };
const carol = { userId: uid('carol'), label: 'Carol Diaz' };

const EXAMPLES: readonly [string, Intent][] = [
  // invite / add
  [
    'add alice@example.com to search-prod as developer',
    {
      kind: 'invite',
      emails: ['alice@example.com'],
      organizationRoleIds: [],
      grants: [{ target: on('search-prod'), roleId: 'elasticsearch-developer' }],
    },
  ],
  [
    'invite alice@example.com as viewer on obs-prod',
    {
      kind: 'invite',
      emails: ['alice@example.com'],
      organizationRoleIds: [],
      grants: [{ target: on('obs-prod', 'observability'), roleId: 'observability-viewer' }],
    },
  ],
  [
    'invite alice@example.com and dave@example.com to sec-prod as t1 analyst',
    {
      kind: 'invite',
      emails: ['alice@example.com', 'dave@example.com'],
      organizationRoleIds: [],
      grants: [{ target: on('sec-prod', 'security'), roleId: 'security-t1-analyst' }],
    },
  ],
  [
    'invite dave@example.com as tier 2 analyst on all security projects',
    {
      kind: 'invite',
      emails: ['dave@example.com'],
      organizationRoleIds: [],
      grants: [{ target: allOf('security'), roleId: 'security-t2-analyst' }],
    },
  ],
  [
    'Invite Dave@Example.com as editor on obs-prod.',
    {
      kind: 'invite',
      emails: ['dave@example.com'],
      organizationRoleIds: [],
      grants: [{ target: on('obs-prod', 'observability'), roleId: 'observability-editor' }],
    },
  ],
  [
    'invite dave@example.com with marketing-reader on search-prod',
    {
      kind: 'invite',
      emails: ['dave@example.com'],
      organizationRoleIds: [],
      grants: [{ target: on('search-prod'), roleId: 'elasticsearch-viewer', applicationRoles: ['marketing-reader'] }],
    },
  ],
  ['invite dave@example.com', { kind: 'invite', emails: ['dave@example.com'], organizationRoleIds: [], grants: [] }],
  [
    'invite dave@example.com as billing admin',
    { kind: 'invite', emails: ['dave@example.com'], organizationRoleIds: ['billing-admin'], grants: [] },
  ],
  // existing members: role updates
  [
    'add bob@example.com to search-prod as developer',
    {
      kind: 'update-member-roles',
      ...bob,
      organizationRoleIds: [],
      add: [{ target: on('search-prod'), roleId: 'elasticsearch-developer' }],
      remove: [],
    },
  ],
  [
    'give bob read-only on search-prod',
    {
      kind: 'update-member-roles',
      ...bob,
      organizationRoleIds: [],
      add: [{ target: on('search-prod'), roleId: 'elasticsearch-viewer' }],
      remove: [],
    },
  ],
  [
    'grant admin on search-prod and search-staging to bob',
    {
      kind: 'update-member-roles',
      ...bob,
      organizationRoleIds: [],
      add: [
        {
          target: { kind: 'projects', type: 'elasticsearch', projectIds: [pid('search-prod'), pid('search-staging')] },
          roleId: 'elasticsearch-admin',
        },
      ],
      remove: [],
    },
  ],
  [
    'give Bob Builder viewer on all projects',
    {
      kind: 'update-member-roles',
      ...bob,
      organizationRoleIds: [],
      add: [allOf('elasticsearch'), allOf('observability'), allOf('security')].map((target) => ({
        target,
        roleId: `${target.type}-viewer`,
      })),
      remove: [],
    },
  ],
  [
    'give carol soc manager on sec-prod',
    {
      kind: 'update-member-roles',
      ...carol,
      organizationRoleIds: [],
      add: [{ target: on('sec-prod', 'security'), roleId: 'security-soc-manager' }],
      remove: [],
    },
  ],
  [
    'make bob an organization owner',
    { kind: 'update-member-roles', ...bob, organizationRoleIds: ['organization-admin'], add: [], remove: [] },
  ],
  [
    'please add bob to obs as viewer',
    {
      kind: 'update-member-roles',
      ...bob,
      organizationRoleIds: [],
      add: [{ target: on('obs-prod', 'observability'), roleId: 'observability-viewer' }],
      remove: [],
    },
  ],
  // custom roles
  [
    'give bob marketing-reader on search-prod',
    {
      kind: 'assign-custom-role',
      ...bob,
      roleName: 'marketing-reader',
      grants: [{ target: on('search-prod'), roleId: 'elasticsearch-viewer', applicationRoles: ['marketing-reader'] }],
    },
  ],
  [
    'give bob read-only dashboards on search-prod',
    {
      kind: 'create-custom-role-and-assign',
      roleName: 'dashboard-read-only',
      descriptor: dashboardsReadOnly,
      projectIds: [pid('search-prod')],
      assignee: { kind: 'member', ...bob },
      grants: [
        { target: on('search-prod'), roleId: 'elasticsearch-viewer', applicationRoles: ['dashboard-read-only'] },
      ],
    },
  ],
  [
    'give bob dashboards read-only on search-prod',
    {
      kind: 'create-custom-role-and-assign',
      roleName: 'dashboard-read-only',
      descriptor: dashboardsReadOnly,
      projectIds: [pid('search-prod')],
      assignee: { kind: 'member', ...bob },
      grants: [
        { target: on('search-prod'), roleId: 'elasticsearch-viewer', applicationRoles: ['dashboard-read-only'] },
      ],
    },
  ],
  [
    'give eve@example.com full discover on obs-prod',
    {
      kind: 'create-custom-role-and-assign',
      roleName: 'discover-all',
      projectIds: [pid('obs-prod')],
      assignee: { kind: 'invite', email: 'eve@example.com' },
      descriptor: {
        description: 'Full access to discover (made by ec-access)',
        applications: [{ application: 'kibana-.kibana', privileges: ['feature_discover_v2.all'], resources: ['*'] }],
      },
      grants: [
        { target: on('obs-prod', 'observability'), roleId: 'observability-viewer', applicationRoles: ['discover-all'] },
      ],
    },
  ],
  // removals
  ['remove bob', { kind: 'remove-member', ...bob }],
  ['remove bob@example.com from the organization', { kind: 'remove-member', ...bob }],
  [
    'remove bob from search-staging',
    {
      kind: 'update-member-roles',
      ...bob,
      organizationRoleIds: [],
      add: [],
      remove: [{ target: on('search-staging'), roleId: 'elasticsearch-developer' }],
    },
  ],
  [
    'take away carol access to search-prod',
    {
      kind: 'update-member-roles',
      ...carol,
      organizationRoleIds: [],
      add: [{ target: on('search-staging'), roleId: 'elasticsearch-viewer' }],
      remove: [{ target: allOf('elasticsearch'), roleId: 'elasticsearch-viewer' }],
    },
  ],
  [
    "revoke carol's t1 analyst from sec-prod",
    {
      kind: 'update-member-roles',
      ...carol,
      organizationRoleIds: [],
      add: [],
      remove: [{ target: on('sec-prod', 'security'), roleId: 'security-t1-analyst' }],
    },
  ],
  // keys
  [
    'key for ci-ingest with developer on all search projects for 30 days',
    {
      kind: 'create-key',
      description: 'ci-ingest',
      expiration: '30d',
      organizationRoleIds: [],
      grants: [{ target: allOf('elasticsearch'), roleId: 'elasticsearch-developer', applicationRoles: ['developer'] }],
      replacesKeyIds: [],
    },
  ],
  [
    'create a key for etl with marketing-reader on search-prod for a week',
    {
      kind: 'create-key',
      description: 'etl',
      expiration: '7d',
      organizationRoleIds: [],
      grants: [{ target: on('search-prod'), roleId: 'elasticsearch-viewer', applicationRoles: ['marketing-reader'] }],
      replacesKeyIds: [],
    },
  ],
  [
    'make a new api key "Platform automation" with admin on all projects 90d',
    {
      kind: 'create-key',
      description: 'Platform automation',
      expiration: '90d',
      organizationRoleIds: [],
      grants: [allOf('elasticsearch'), allOf('observability'), allOf('security')].map((target) => ({
        target,
        roleId: `${target.type}-admin`,
        applicationRoles: ['admin'],
      })),
      replacesKeyIds: [],
    },
  ],
  [
    'new key named soc-bot with t3 analyst on sec-prod for 12h',
    {
      kind: 'create-key',
      description: 'soc-bot',
      expiration: '12h',
      organizationRoleIds: [],
      grants: [{ target: on('sec-prod', 'security'), roleId: 'security-t3-analyst', applicationRoles: ['t3_analyst'] }],
      replacesKeyIds: [],
    },
  ],
  [
    'create key for billing-sync with billing admin for 2 weeks',
    {
      kind: 'create-key',
      description: 'billing-sync',
      expiration: '14d',
      organizationRoleIds: ['billing-admin'],
      grants: [],
      replacesKeyIds: [],
    },
  ],
  [
    'key for reader with read-only on obs-prod for 1 month',
    {
      kind: 'create-key',
      description: 'reader',
      expiration: '30d',
      organizationRoleIds: [],
      grants: [
        { target: on('obs-prod', 'observability'), roleId: 'observability-viewer', applicationRoles: ['viewer'] },
      ],
      replacesKeyIds: [],
    },
  ],
  [
    'rotate key ci-ingest',
    {
      kind: 'create-key',
      description: 'ci-ingest',
      expiration: '90d',
      organizationRoleIds: [],
      grants: [],
      likeKeyId: kid('ci-ingest'),
      replacesKeyIds: [kid('ci-ingest')],
    },
  ],
  [
    'revoke keys matching ci-old',
    { kind: 'revoke-keys', pattern: 'ci-old', keyIds: [kid('ci-old-1'), kid('ci-old-2')] },
  ],
  ['delete all keys like ci-*-2', { kind: 'revoke-keys', pattern: 'ci-*-2', keyIds: [kid('ci-old-2')] }],
  // questions
  [
    'who has access to search-prod',
    { kind: 'show-access', subject: { kind: 'project', projectId: pid('search-prod') } },
  ],
  ['who can access sec-prod?', { kind: 'show-access', subject: { kind: 'project', projectId: pid('sec-prod') } }],
  ['what can carol access', { kind: 'show-access', subject: { kind: 'member', userId: uid('carol') } }],
  ['what can deploy do', { kind: 'show-access', subject: { kind: 'key', keyId: kid('deploy') } }],
  ['show access for bob@example.com', { kind: 'show-access', subject: { kind: 'member', userId: uid('bob') } }],
];

describe('parseIntent: sentences and their plans', () => {
  it.each(EXAMPLES)('%s', (sentence, intent) => {
    const result = parseIntent(sentence, context);
    expect(result).toMatchObject({ ok: true });
    if (result.ok === true) expect(result.intent).toEqual(intent);
  });

  it('has at least 30 examples', () => expect(EXAMPLES.length).toBeGreaterThanOrEqual(30));
});

describe('parseIntent: notes', () => {
  const notesOf = (sentence: string) => {
    const result = parseIntent(sentence, context);
    return result.ok === true ? result.notes : [`not ok: ${JSON.stringify(result)}`];
  };

  it('warns when a custom role lands where a predefined role already applies', () => {
    expect(notesOf('give carol marketing-reader on search-prod').join()).toContain('roles combine as a union');
  });
  it('says how a fuzzy project name was read', () => {
    expect(notesOf('please add bob to obs as viewer')).toContain('"obs" read as project obs-prod');
  });
  it('says how months are counted, and that no expiration is risky', () => {
    expect(notesOf('key for x with viewer on obs-prod for 2 months')).toContain('2 months read as 60d');
    expect(notesOf('key for x with viewer on obs-prod').join()).toContain('never expires');
  });
  it('explains that a type-wide removal becomes specific projects', () => {
    expect(notesOf('take away carol access to search-prod').join()).toContain(
      'no longer cover new elasticsearch projects',
    );
  });
  it('notes where a role exists only on some types', () => {
    expect(notesOf('key for ci with developer on all projects for 30d').join()).toContain(
      'exists only on elasticsearch projects',
    );
  });
});

describe('parseIntent: failures and questions', () => {
  it('reports unknown words instead of guessing', () => {
    expect(parseIntent('give bob frobnicate on search-prod quickly', context)).toEqual({
      ok: false,
      error: 'not understood: "frobnicate", "quickly"',
      unknownWords: ['frobnicate', 'quickly'],
    });
  });

  it('reports a sentence without a verb', () => {
    expect(parseIntent('alice search-prod developer', context)).toMatchObject({ ok: false, unknownWords: ['alice'] });
    expect(parseIntent('   ', context)).toMatchObject({ ok: false });
  });

  it('asks which project when a name fits several', () => {
    expect(parseIntent('add alice@example.com to search as developer', context)).toEqual({
      ok: 'ambiguous',
      question: 'Which project did you mean by "search"?',
      choices: [
        { label: 'search-prod (elasticsearch)', text: 'add alice@example.com to search-prod as developer' },
        { label: 'search-staging (elasticsearch)', text: 'add alice@example.com to search-staging as developer' },
      ],
    });
  });

  it('asks which person when a first name fits several members, and the choices parse', () => {
    const result = parseIntent('give sam viewer on obs-prod', context);
    expect(result).toMatchObject({ ok: 'ambiguous', question: 'Which person did you mean by "sam"?' });
    if (result.ok !== 'ambiguous') return;
    expect(result.choices.map((c) => c.text)).toEqual([
      'give sam@example.com viewer on obs-prod',
      'give samj@example.com viewer on obs-prod',
    ]);
    expect(parseIntent(result.choices[1]!.text, context)).toMatchObject({
      ok: true,
      intent: { kind: 'update-member-roles', userId: uid('samj') },
    });
  });

  it('asks on which project when none is named, offering only projects where the role exists', () => {
    const result = parseIntent('add alice@example.com as developer', context);
    expect(result).toMatchObject({ ok: 'ambiguous', question: 'On which project?' });
    if (result.ok === 'ambiguous') {
      expect(result.choices.map((c) => c.label)).toEqual([
        'search-prod (elasticsearch)',
        'search-staging (elasticsearch)',
        'all elasticsearch projects',
      ]);
    }
  });

  it.each([
    [
      'give bob developer on obs-prod',
      '"developer" is not a role on observability projects (obs-prod); roles there: admin, editor, viewer',
    ],
    [
      'give bob marketing-reader on search-staging',
      'custom role "marketing-reader" does not exist in search-staging: create it there first, or leave that project out',
    ],
    [
      'give bob viewer on search-prod for 30 days',
      'role assignments of people do not expire; durations apply to API keys',
    ],
    ['give bob viewer and admin on search-prod', 'one role at a time, please: split the request in several'],
    ['give bob', 'what should Bob Builder get? Name a role, a custom role or a feature'],
    ['make bob an owner on search-prod', 'organization roles apply to the whole organization, not to projects'],
    ['revoke keys matching nothing-like-this', 'no key description matches "nothing-like-this"'],
    [
      'key with developer on search-prod',
      'what is the key for? Say "key for <description>" or quote it: key "CI ingest"',
    ],
    ['key for x with viewer on obs-prod for 2 years', 'keys can live at most 365 days'],
    [
      'remove pending@example.com',
      'pending@example.com is not a member but has a pending invitation: cancel it from the invitations list',
    ],
    ['remove bob from obs-prod', 'Bob Builder has no role on obs-prod'],
    [
      'remove olga from search-prod',
      'olga reaches search-prod through an organization-level role; change that role instead',
    ],
    ['who has access to bob', 'who has access to which project? Name one project'],
    ['key for x with viewer for bob', 'an API key does not take Bob Builder'],
  ])('%s → %s', (sentence, error) => {
    expect(parseIntent(sentence, context)).toMatchObject({ ok: false, error });
  });
});

describe('INTENT_GRAMMAR', () => {
  it('names every verb the parser knows', () => {
    const text = INTENT_GRAMMAR.join('\n');
    for (const verb of [
      'add',
      'invite',
      'give',
      'grant',
      'remove',
      'take away',
      'create key',
      'rotate key',
      'revoke keys matching',
      'who has access',
      'what can',
    ]) {
      expect(text).toContain(verb);
    }
  });
});
