import { describe, expect, it } from 'vitest';
import { stringMatching } from '../support/matchers.js';
import {
  KIBANA_APPLICATION,
  KIBANA_FEATURES,
  kibanaFeaturePrivilege,
  SERVERLESS_CLUSTER_PRIVILEGES,
  SERVERLESS_INDEX_PRIVILEGES,
  STACK_ONLY_CLUSTER_PRIVILEGES,
  STACK_ONLY_INDEX_PRIVILEGES,
  validateRoleDescriptor,
} from '../../src/domain/privileges.js';

const issuesOf = (desc: unknown) => {
  const result = validateRoleDescriptor(desc);
  return result.ok ? [] : result.issues;
};

const kibana = (privileges: string[], resources: string[]) => ({
  application: KIBANA_APPLICATION,
  privileges,
  resources,
});

describe('privilege lists', () => {
  it('keep the Serverless and stack-only sets apart', () => {
    expect(SERVERLESS_CLUSTER_PRIVILEGES).toHaveLength(33);
    expect(SERVERLESS_INDEX_PRIVILEGES).toHaveLength(20);
    const serverless = new Set<string>([...SERVERLESS_CLUSTER_PRIVILEGES, ...SERVERLESS_INDEX_PRIVILEGES]);
    // manage_ilm is stack-only at both levels; nothing stack-only is in a Serverless enum.
    expect([...STACK_ONLY_CLUSTER_PRIVILEGES, ...STACK_ONLY_INDEX_PRIVILEGES].filter((p) => serverless.has(p))).toEqual(
      [],
    );
    expect(SERVERLESS_CLUSTER_PRIVILEGES).toContain('read_project_routing');
  });

  it('offer a starter list of Kibana features per project type', () => {
    expect(KIBANA_FEATURES.elasticsearch.map((f) => f.id)).toEqual(
      expect.arrayContaining(['discover_v2', 'dashboard_v2', 'visualize_v2']),
    );
    expect(KIBANA_FEATURES.security.map((f) => f.id)).toContain('siemV2');
    expect(kibanaFeaturePrivilege('discover_v2', 'read')).toBe('feature_discover_v2.read');
  });
});

describe('validateRoleDescriptor', () => {
  it('accepts the skill examples', () => {
    const marketing = {
      cluster: [],
      indices: [{ names: ['marketing-*'], privileges: ['read', 'view_index_metadata'] }],
    };
    expect(validateRoleDescriptor(marketing)).toEqual({ ok: true, value: marketing });
    const dashboards = { cluster: [], indices: [], applications: [kibana(['feature_dashboard.read'], ['*'])] };
    expect(validateRoleDescriptor(dashboards)).toEqual({ ok: true, value: dashboards });
    const analyst = {
      cluster: [],
      indices: [{ names: ['marketing-*'], privileges: ['read', 'view_index_metadata'] }],
      applications: [kibana(['feature_discover.read', 'feature_dashboard.read'], ['*'])],
    };
    expect(validateRoleDescriptor(analyst).ok).toBe(true);
  });

  it('accepts everything Serverless allows', () => {
    const full = {
      cluster: ['monitor', 'read_project_routing', 'cluster:monitor/main'],
      indices: [
        {
          names: 'logs-*',
          privileges: ['read'],
          field_security: { grant: ['*'], except: ['secret'] },
          query: '{"term":{"team":"a"}}',
        },
        {
          names: ['metrics-*'],
          privileges: ['read', 'indices:data/read/search'],
          query: { template: { source: '{"term":{"owner":"{{_user.username}}"}}' } },
        },
      ],
      applications: [
        kibana(['space_read'], ['space:marketing', 'space:sales']),
        kibana(['feature_discover_v2.all'], ['space:default']),
      ],
      metadata: { team: 'marketing' },
      description: 'Marketing readers',
      run_as: [],
      transient_metadata: { enabled: true },
    };
    expect(validateRoleDescriptor(full)).toEqual({ ok: true, value: full });
  });

  it('refuses what is not an object', () => {
    expect(issuesOf([])).toEqual([{ path: '', message: 'a role descriptor must be a JSON object' }]);
    expect(issuesOf('{}')).toEqual([{ path: '', message: 'a role descriptor must be a JSON object' }]);
  });

  it('refuses stack-only and unknown fields', () => {
    expect(issuesOf({ global: {}, remote_indices: [], remote_cluster: [], name: 'x' })).toEqual([
      { path: 'global', message: 'global privileges are not available on Serverless (stack only)' },
      { path: 'remote_indices', message: 'remote indices are not available on Serverless (stack only)' },
      { path: 'remote_cluster', message: 'remote cluster privileges are not available on Serverless (stack only)' },
      { path: 'name', message: 'unknown field; Elasticsearch refuses fields it does not know' },
    ]);
    expect(
      issuesOf({
        indices: [
          {
            names: ['a'],
            privileges: ['read'],
            allow_restricted_indices: false,
            implicitly_granted: true,
            field_security: { grant: ['*'], deny: ['x'] },
          },
        ],
      }),
    ).toEqual([
      { path: 'indices[0].allow_restricted_indices', message: 'not available on Serverless (stack only); remove it' },
      { path: 'indices[0].implicitly_granted', message: 'added by GET ?include_implicit=true; remove it before PUT' },
      {
        path: 'indices[0].field_security.deny',
        message: 'unknown field; Elasticsearch refuses fields it does not know',
      },
    ]);
  });

  it('reports shape errors with field paths', () => {
    expect(
      issuesOf({
        cluster: 'all',
        indices: [{ names: ['a'] }],
        applications: [{ application: KIBANA_APPLICATION, privileges: 'all' }],
      }),
    ).toEqual([
      { path: 'cluster', message: 'expected a list, got a string' },
      { path: 'indices[0].privileges', message: 'is required' },
      { path: 'applications[0].privileges', message: 'expected a list, got a string' },
      { path: 'applications[0].resources', message: 'is required' },
    ]);
  });

  it('refuses stack-only privileges and lets action patterns through', () => {
    expect(
      issuesOf({
        cluster: ['monitor', 'manage_ilm', 'manage_slm', 'cluster:monitor/main', 'MONITOR'],
        indices: [{ names: ['a'], privileges: ['read', 'manage_follow_index', 'indices:data/read/*'] }],
      }),
    ).toEqual([
      { path: 'cluster[1]', message: '"manage_ilm" is not available on Serverless (stack only)' },
      { path: 'cluster[2]', message: '"manage_slm" is not available on Serverless (stack only)' },
      {
        path: 'indices[0].privileges[1]',
        message: '"manage_follow_index" is not available on Serverless (stack only)',
      },
    ]);
  });

  it('refuses unknown privilege names with the closest valid ones as a hint', () => {
    expect(
      issuesOf({
        cluster: ['monitr', 'manage_securty', 'xyzzy'],
        indices: [{ names: ['a'], privileges: ['raed', 'view_index_metdata'] }],
      }),
    ).toEqual([
      { path: 'cluster[0]', message: '"monitr" is not a Serverless cluster privilege (did you mean "monitor"?)' },
      {
        path: 'cluster[1]',
        message: '"manage_securty" is not a Serverless cluster privilege (did you mean "manage_security"?)',
      },
      { path: 'cluster[2]', message: '"xyzzy" is not a Serverless cluster privilege' },
      {
        path: 'indices[0].privileges[0]',
        message: '"raed" is not a Serverless index privilege (did you mean "read"?)',
      },
      {
        path: 'indices[0].privileges[1]',
        message: '"view_index_metdata" is not a Serverless index privilege (did you mean "view_index_metadata"?)',
      },
    ]);
  });

  it('refuses empty lists and names', () => {
    expect(
      issuesOf({
        cluster: [''],
        indices: [
          { names: [], privileges: [] },
          { names: '', privileges: ['read'] },
        ],
        applications: [{ application: '', privileges: [], resources: [] }],
      }),
    ).toEqual([
      { path: 'cluster[0]', message: 'must not be empty' },
      { path: 'indices[0].names', message: 'list at least one index name or pattern' },
      { path: 'indices[0].privileges', message: 'list at least one privilege' },
      { path: 'indices[1].names', message: 'must not be empty' },
      { path: 'applications[0].application', message: 'must not be empty; Kibana\'s is "kibana-.kibana"' },
      { path: 'applications[0].privileges', message: 'list at least one privilege' },
      { path: 'applications[0].resources', message: 'list at least one resource ("*" for all Kibana spaces)' },
    ]);
  });

  it('needs a DLS query string to be a JSON object', () => {
    expect(issuesOf({ indices: [{ names: ['a'], privileges: ['read'], query: '{"term": ' }] })).toEqual([
      {
        path: 'indices[0].query',
        message: stringMatching(/^not valid JSON \(.+\); give a Query DSL object or its JSON text$/),
      },
    ]);
    expect(issuesOf({ indices: [{ names: ['a'], privileges: ['read'], query: '[1]' }] })).toEqual([
      { path: 'indices[0].query', message: 'a DLS query string must hold a JSON object' },
    ]);
  });

  it('allows run_as only empty, and keeps "_" metadata keys for the system', () => {
    expect(issuesOf({ run_as: ['bob'], metadata: { _reserved: true, team: 'a', _x: 1 } })).toEqual([
      { path: 'run_as', message: 'run-as is disabled on Serverless; only an empty list [] is accepted' },
      { path: 'metadata._reserved', message: 'keys starting with "_" are reserved for system use' },
      { path: 'metadata._x', message: 'keys starting with "_" are reserved for system use' },
    ]);
  });

  describe('Kibana privileges', () => {
    it('keeps global base privileges to all spaces', () => {
      expect(issuesOf({ applications: [kibana(['read'], ['space:default'])] })).toEqual([
        {
          path: 'applications[0].privileges[0]',
          message: '"read" applies to all spaces and needs resources ["*"]; for listed spaces use "space_read"',
        },
      ]);
    });

    it('keeps space base privileges to listed spaces', () => {
      expect(issuesOf({ applications: [kibana(['space_all'], ['*'])] })).toEqual([
        {
          path: 'applications[0].privileges[0]',
          message: '"space_all" applies to listed spaces and needs "space:<id>" resources; for all spaces use "all"',
        },
      ]);
    });

    it('does not mix base and feature privileges in one entry', () => {
      expect(issuesOf({ applications: [kibana(['read', 'feature_discover_v2.all'], ['*'])] })).toEqual([
        {
          path: 'applications[0].privileges',
          message:
            'base privileges (read) and feature privileges (feature_discover_v2.all) cannot be mixed in one entry; use one or the other',
        },
      ]);
    });

    it('does not mix "*" with spaces, and knows only "*" and space: resources', () => {
      expect(issuesOf({ applications: [kibana(['feature_discover_v2.read'], ['*', 'space:a', 'default'])] })).toEqual([
        {
          path: 'applications[0].resources[2]',
          message: '"default" is not a Kibana resource: use "*" (all spaces) or "space:<space-id>"',
        },
        {
          path: 'applications[0].resources',
          message: '"*" (all spaces) cannot be combined with other resources in one entry',
        },
      ]);
    });

    it('refuses malformed, reserved and unknown privileges', () => {
      expect(
        issuesOf({ applications: [kibana(['feature_discover', 'reserved_ml_user', 'superuser'], ['*'])] }),
      ).toEqual([
        {
          path: 'applications[0].privileges[0]',
          message: '"feature_discover" must name a feature and a privilege, e.g. "feature_discover_v2.read"',
        },
        {
          path: 'applications[0].privileges[1]',
          message: 'reserved privileges are managed by Kibana and cannot be granted by a custom role',
        },
        {
          path: 'applications[0].privileges[2]',
          message:
            '"superuser" is not a Kibana privilege: use all or read (all spaces), space_all or space_read (listed spaces), or feature_<feature>.<privilege>',
        },
      ]);
    });

    it('refuses a resource granted by two Kibana entries', () => {
      expect(
        issuesOf({
          applications: [
            kibana(['space_read'], ['space:a', 'space:b']),
            kibana(['feature_discover_v2.all'], ['space:b']),
          ],
        }),
      ).toEqual([
        {
          path: 'applications[1].resources[0]',
          message: '"space:b" is already granted by applications[0]; merge the two entries',
        },
      ]);
    });

    it('leaves other applications alone', () => {
      expect(
        validateRoleDescriptor({ applications: [{ application: 'myapp', privileges: ['read'], resources: ['doc/*'] }] })
          .ok,
      ).toBe(true);
    });
  });
});

describe('reserved keys in a role body', () => {
  it('refuses __proto__, constructor and prototype keys at any depth with a field error', () => {
    const bodies = [
      '{"cluster":["monitor"],"__proto__":{"polluted":true}}',
      '{"metadata":{"constructor":{"prototype":{"x":1}}}}',
      '{"indices":[{"names":["logs-*"],"privileges":["read"],"query":{"__proto__":{}}}]}',
    ];
    const paths = ['__proto__', 'metadata.constructor', 'indices[0].query.__proto__'];
    bodies.forEach((text, i) => {
      const result = validateRoleDescriptor(JSON.parse(text));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues[0]).toMatchObject({ path: paths[i] });
      expect(result.issues[0]!.message).toMatch(/is not allowed as a key/);
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
