/**
 * The seeded organization: deterministic for a given seed and start time, realistic enough to practise on, and
 * planted with every case the access views and the doctor must recognise (listed next to each record below).
 * `medium` and `large` keep the small organization and grow it: medium to 1,000 members, 90 projects and 100 active
 * keys (a mid-sized company; the cold-start benchmark's size), large to 10,000 members, 300 projects and exactly 500
 * active keys (the organization limit), built in well under a second. Hosted deployments: seed-deployments.ts.
 */
import { PROJECT_TYPES, type ProjectType, type RoleAssignments } from '../api/schemas.js';
import type {
  SandboxCredentials,
  SandboxData,
  StoredInvitation,
  StoredKey,
  StoredMember,
  StoredProject,
  StoredRole,
} from './model.js';
import { buildProject, type ProjectInput } from './projects.js';
import { REGIONS } from './regions.js';
import { BASE62, createRng, DIGITS, HEX, type Rng } from './rng.js';
import { FIRST_NAMES, LAST_NAMES, PROJECT_WORDS } from './seed-names.js';
import { hashSecret, newSecret } from './secrets.js';
import { DEPLOYMENT_COUNTS, seedDeployments } from './seed-deployments.js';
import { seedProjectKeys } from './seed-project-keys.js';
import { MAX_ACTIVE_KEYS } from './routes/keys.js';
import { isKeyActive } from './wire.js';

export const SCALES = ['small', 'medium', 'large'] as const;
export type Scale = (typeof SCALES)[number];

export interface SeedOptions {
  readonly seed: number;
  readonly scale: Scale;
  readonly now: Date;
  /** Keep the sandbox's own keys across a reset, so a client configured with them keeps working. */
  readonly credentials?: Pick<SandboxCredentials, 'ownerKey' | 'viewerKey'>;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DOMAIN = 'acme-analytics.example';

export function seedOrganization(options: SeedOptions): SandboxData {
  const rng = createRng(options.seed);
  const now = options.now.getTime();
  const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
  const orgId = rng.pick(['1', '2', '3', '4', '5', '6', '7', '8', '9']) + rng.chars(11, DIGITS);
  const people = personFactory(rng);

  // ---- projects -----------------------------------------------------------------------------------------------
  const ownerId = people.userId();
  const projects: StoredProject[] = [];
  const project = (type: ProjectType, input: ProjectInput) => {
    const p = buildProject(
      type,
      input,
      { id: rng.chars(32, HEX), suffix: rng.chars(6, HEX) },
      ownerId,
      new Date(now - rng.int(30, 700) * DAY),
    );
    projects.push(p);
    return p.id;
  };
  const searchProd = project('elasticsearch', { name: 'search-prod', region_id: 'aws-us-east-1' });
  const searchStaging = project('elasticsearch', { name: 'search-staging', region_id: 'aws-eu-west-1' });
  const vectorLab = project('elasticsearch', {
    name: 'vector-lab',
    region_id: 'gcp-us-central1',
    optimized_for: 'vector',
  });
  const obsProd = project('observability', { name: 'obs-prod', region_id: 'aws-us-east-1' });
  const obsDev = project('observability', {
    name: 'obs-dev',
    region_id: 'aws-eu-central-1',
    product_tier: 'logs_essentials',
  });
  const socMain = project('security', { name: 'soc-main', region_id: 'aws-us-east-1' });
  const socLab = project('security', { name: 'soc-lab', region_id: 'azure-eastus' });

  const deployments = seedDeployments(options.seed, DEPLOYMENT_COUNTS[options.scale]);
  // Named in a deployment grant below; every scale seeds it first.
  const ecommerceSearch = deployments[0]!.id;

  const customRoles: Record<string, Record<string, StoredRole>> = {
    // marketing-reader exists in search-prod only: keys naming it elsewhere get nothing there.
    [searchProd]: { 'marketing-reader': MARKETING_READER, 'dashboard-reader': DASHBOARD_READER },
    [obsProd]: { 'dashboard-reader': DASHBOARD_READER },
    [socMain]: { 'soc-readonly': SOC_READONLY },
  };

  // ---- role assignment shorthands ----------------------------------------------------------------------------
  const org = (role_id: string, application_roles?: string[]): RoleAssignments => ({
    organization: [{ role_id, organization_id: orgId, ...(application_roles ? { application_roles } : {}) }],
  });
  const dep = (role_id: string, ids: string[] | 'all' = 'all'): RoleAssignments => ({
    deployment: [
      {
        role_id,
        organization_id: orgId,
        ...(ids === 'all' ? { all: true } : { all: false, deployment_ids: ids }),
      },
    ],
  });
  const proj = (
    type: ProjectType,
    short: string,
    ids: string[] | 'all',
    application_roles?: string[],
  ): RoleAssignments => ({
    project: {
      [type]: [
        {
          role_id: `${type}-${short}`,
          organization_id: orgId,
          ...(ids === 'all' ? { all: true } : { all: false, project_ids: ids }),
          ...(application_roles ? { application_roles } : {}),
        },
      ],
    },
  });

  // ---- members ------------------------------------------------------------------------------------------------
  const members: StoredMember[] = [];
  const member = (roles: RoleAssignments[], userId = people.userId()) => {
    const person = people.next();
    members.push({
      user_id: userId,
      ...person,
      member_since: at(-rng.int(5, 900) * DAY),
      role_assignments: combine(roles),
    });
    return userId;
  };
  member([org('organization-admin')], ownerId); // the sandbox owner's user
  const secondOwner = member([org('organization-admin')]);
  member([org('billing-admin')]);
  member([dep('deployment-admin')]);
  member([dep('deployment-viewer', [ecommerceSearch]), proj('elasticsearch', 'viewer', 'all')]);
  member([proj('elasticsearch', 'admin', [searchProd])]);
  member([proj('elasticsearch', 'developer', 'all')]);
  member([proj('elasticsearch', 'developer', [searchStaging, vectorLab])]);
  member([proj('elasticsearch', 'viewer', [searchStaging])]);
  member([proj('observability', 'admin', 'all')]);
  member([proj('observability', 'editor', [obsProd])]);
  member([proj('observability', 'viewer', 'all')]);
  member([proj('security', 'admin', [socMain])]);
  member([proj('security', 't1-analyst', [socMain])]);
  member([proj('security', 'soc-manager', [socMain]), proj('security', 'rule-author', [socLab])]);
  member([proj('security', 'viewer', 'all')]);
  member([proj('elasticsearch', 'viewer', [searchProd], ['marketing-reader'])]); // custom role, the documented way
  // Over-grant: a custom role and a predefined role on the same project; the union defeats the custom role.
  member([
    proj('elasticsearch', 'viewer', [searchProd], ['dashboard-reader']),
    proj('elasticsearch', 'developer', [searchProd]),
  ]);
  member([]); // a member with no role at all
  member([proj('security', 'viewer', [socMain], ['soc-readonly'])]);
  member([proj('observability', 'viewer', [obsProd], ['dashboard-reader'])]);
  member([org('billing-admin'), proj('elasticsearch', 'viewer', 'all')]);
  member([proj('elasticsearch', 'developer', [searchProd]), proj('observability', 'viewer', [obsDev])]);
  member([proj('security', 't2-analyst', [socMain, socLab])]);
  const viewerUser = member([proj('elasticsearch', 'viewer', 'all')]);

  // ---- invitations --------------------------------------------------------------------------------------------
  const invitations: StoredInvitation[] = [];
  const invite = (roles: RoleAssignments[], createdAgo: number, lifetime: number) => {
    const created = now - createdAgo;
    invitations.push({
      token: rng.chars(32, BASE62),
      email: people.next().email,
      created_at: new Date(created).toISOString(),
      expires_at: new Date(created + lifetime).toISOString(),
      role_assignments: combine(roles),
    });
  };
  invite([proj('elasticsearch', 'viewer', [searchProd])], 1 * DAY, 72 * HOUR);
  invite([org('billing-admin')], 2 * HOUR, 72 * HOUR);
  invite([], 67 * HOUR, 72 * HOUR); // expires within the next few hours
  invite([proj('security', 'viewer', 'all')], 10 * DAY, 72 * HOUR); // expired a week ago

  // ---- keys ---------------------------------------------------------------------------------------------------
  const keys: StoredKey[] = [];
  const key = (
    description: string,
    roles: RoleAssignments[],
    expiresIn: number | null,
    opts: { user?: string; secret?: string; age?: number } = {},
  ) => {
    const id = rng.chars(20, BASE62);
    keys.push({
      id,
      description,
      creation_date: at(-(opts.age ?? rng.int(1, 60) * DAY)),
      ...(expiresIn === null ? {} : { expiration_date: at(expiresIn) }),
      user_id: opts.user ?? ownerId,
      role_assignments: combine(roles),
      secret_sha256: hashSecret(opts.secret ?? newSecret()),
    });
    return id;
  };
  const ownerKey = options.credentials?.ownerKey ?? newSecret();
  const viewerKey = options.credentials?.viewerKey ?? newSecret();
  // The app's own key: an owner for the Cloud API, and `admin` in every project through project-scoped
  // `all: true` grants (not org-scoped), so it can manage custom roles everywhere.
  const ownerKeyId = key(
    'ec-access sandbox (owner)',
    [
      org('organization-admin'),
      proj('elasticsearch', 'admin', 'all', ['admin']),
      proj('observability', 'admin', 'all', ['admin']),
      proj('security', 'admin', 'all', ['admin']),
    ],
    80 * DAY,
    { secret: ownerKey, age: 10 * DAY },
  );
  // Not an owner: Cloud writes answer 403; in search projects it reads data but may not read or change roles.
  const viewerKeyId = key('Read-only reporting', [proj('elasticsearch', 'viewer', 'all', ['viewer'])], 60 * DAY, {
    secret: viewerKey,
    user: viewerUser,
  });
  key('Terraform org management', [org('organization-admin')], 45 * DAY, { user: secondOwner }); // Cloud API only
  key('Search ingest pipeline', [proj('elasticsearch', 'developer', [searchProd], ['developer'])], 30 * DAY);
  key('Platform automation', [org('organization-admin', ['admin'])], 20 * DAY); // org-scoped stack access
  key('Marketing ETL', [proj('elasticsearch', 'viewer', 'all', ['marketing-reader'])], 14 * DAY); // role missing in 2 of 3 projects
  key('SOC alert forwarder', [proj('security', 't1-analyst', [socMain], ['t1_analyst'])], 25 * DAY);
  key('Nightly snapshot check', [proj('observability', 'viewer', [obsProd], ['viewer'])], 4 * DAY); // expires within 7 days
  key('Q2 migration', [proj('elasticsearch', 'admin', [searchStaging], ['admin'])], -9 * DAY, { age: 100 * DAY }); // expired
  key('Legacy uptime monitor', [proj('observability', 'viewer', 'all', ['viewer'])], null, { age: 400 * DAY }); // never expires
  key('Grafana dashboards', [proj('observability', 'viewer', 'all', ['viewer'])], 50 * DAY); // duplicate pair
  key('Grafana dashboards', [proj('observability', 'viewer', 'all', ['viewer'])], 52 * DAY);

  // ---- planted after the keys, so every record above keeps its random ids and names ------------------------
  // Over-grant on an invitation: once accepted, developer would defeat the dashboard-reader restriction.
  invite(
    [
      proj('elasticsearch', 'viewer', [searchProd], ['dashboard-reader']),
      proj('elasticsearch', 'developer', [searchProd]),
    ],
    5 * HOUR,
    72 * HOUR,
  );
  invite([proj('observability', 'viewer', [obsDev])], 5 * DAY, 14 * DAY); // open for two weeks, pending past the default 72 hours

  const data: SandboxData = {
    organization: { id: orgId, name: 'Acme Analytics' },
    accountId: rng.chars(32, HEX),
    members,
    invitations,
    keys,
    projects,
    deployments,
    customRoles,
    projectKeys: {},
    credentials: { ownerKey, ownerKeyId, viewerKey, viewerKeyId },
  };
  data.projectKeys = seedProjectKeys(data, options.seed, options.now);
  if (options.scale !== 'small')
    grow(data, SIZES[options.scale], { rng, now: options.now, people, orgId, ownerId, proj, org, member, invite, key });
  return data;
}

interface Builders {
  readonly rng: Rng;
  readonly now: Date;
  readonly people: ReturnType<typeof personFactory>;
  readonly orgId: string;
  readonly ownerId: string;
  readonly proj: (type: ProjectType, short: string, ids: string[] | 'all', app?: string[]) => RoleAssignments;
  readonly org: (roleId: string, app?: string[]) => RoleAssignments;
  readonly member: (roles: RoleAssignments[]) => string;
  readonly invite: (roles: RoleAssignments[], createdAgo: number, lifetime: number) => void;
  readonly key: (description: string, roles: RoleAssignments[], expiresIn: number | null) => string;
}

interface Size {
  readonly members: number;
  readonly projectsPerType: number;
  readonly invitations: number;
  readonly activeKeys: number;
}

const SIZES: Record<Exclude<Scale, 'small'>, Size> = {
  medium: { members: 1_000, projectsPerType: 30, invitations: 20, activeKeys: 100 },
  large: { members: 10_000, projectsPerType: 100, invitations: 60, activeKeys: MAX_ACTIVE_KEYS },
};
const SHORT_ROLES: Record<ProjectType, readonly string[]> = {
  elasticsearch: ['admin', 'developer', 'viewer'],
  observability: ['admin', 'editor', 'viewer'],
  security: ['admin', 'editor', 'viewer', 't1-analyst', 't2-analyst', 'soc-manager', 'rule-author'],
};

function grow(data: SandboxData, size: Size, b: Builders): void {
  const { rng } = b;
  const openRegions = REGIONS.filter((r) => r.project_creation_enabled).map((r) => r.id);
  const byType: Record<ProjectType, string[]> = { elasticsearch: [], observability: [], security: [] };
  for (const p of data.projects) byType[p.type].push(p.id);
  for (const type of PROJECT_TYPES) {
    for (let n = byType[type].length; n < size.projectsPerType; n++) {
      const name = `${rng.pick(PROJECT_WORDS)}-${type === 'elasticsearch' ? 'search' : type === 'observability' ? 'obs' : 'sec'}-${n}`;
      const p = buildProject(
        type,
        { name, region_id: rng.pick(openRegions) },
        { id: rng.chars(32, HEX), suffix: rng.chars(6, HEX) },
        b.ownerId,
        new Date(b.now.getTime() - rng.int(1, 900) * DAY),
      );
      data.projects.push(p);
      byType[type].push(p.id);
      if (rng.next() < 0.2) data.customRoles[p.id] = { 'dashboard-reader': DASHBOARD_READER };
    }
  }
  const randomGrant = (): RoleAssignments => {
    const type = rng.pick(['elasticsearch', 'observability', 'security'] as const);
    const short = rng.pick(SHORT_ROLES[type]);
    if (rng.next() < 0.15) return b.proj(type, short, 'all');
    const ids = [...new Set([rng.pick(byType[type]), rng.pick(byType[type])])];
    return b.proj(type, short, ids);
  };
  while (data.members.length < size.members) {
    const roll = rng.next();
    b.member(
      roll < 0.01
        ? [b.org('organization-admin')]
        : roll < 0.03
          ? []
          : Array.from({ length: rng.int(1, 3) }, randomGrant),
    );
  }
  for (let i = 0; i < size.invitations; i++)
    b.invite(rng.next() < 0.5 ? [randomGrant()] : [], rng.int(1, 240) * HOUR, 72 * HOUR);
  const now = b.now;
  let active = data.keys.filter((k) => isKeyActive(k, now)).length;
  for (let n = 1; active < size.activeKeys; n++, active++) {
    const grant = randomGrant();
    const type = PROJECT_TYPES.find((t) => grant.project?.[t])!;
    const stack = rng.next() < 0.6 ? SHORT_ROLES[type][rng.int(0, 2)]!.replaceAll('-', '_') : undefined;
    const entry = grant.project![type]![0]!;
    b.key(
      `${rng.pick(PROJECT_WORDS)} automation ${n}`,
      [{ project: { [type]: [{ ...entry, ...(stack ? { application_roles: [stack] } : {}) }] } }],
      rng.int(2, 360) * DAY,
    );
  }
}

/** Concatenates partial assignments into one RoleAssignments. */
function combine(parts: readonly RoleAssignments[]): RoleAssignments {
  const out: RoleAssignments = {};
  for (const part of parts) {
    if (part.organization) out.organization = [...(out.organization ?? []), ...part.organization];
    if (part.deployment) out.deployment = [...(out.deployment ?? []), ...part.deployment];
    for (const type of PROJECT_TYPES) {
      const entries = part.project?.[type];
      if (!entries) continue;
      out.project ??= {};
      out.project[type] = [...(out.project[type] ?? []), ...(entries ?? [])];
    }
  }
  return out;
}

/** Unique people: names from the word lists, emails derived from them, numeric user ids as Cloud has. */
function personFactory(rng: Rng) {
  const emails = new Set<string>();
  const ids = new Set<string>();
  return {
    next(): { name: string; email: string } {
      for (;;) {
        const first = rng.pick(FIRST_NAMES);
        const last = rng.pick(LAST_NAMES);
        const base = `${first}.${last}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z.]/g, '');
        const email = emails.has(`${base}@${DOMAIN}`) ? `${base}${rng.int(2, 9999)}@${DOMAIN}` : `${base}@${DOMAIN}`;
        if (emails.has(email)) continue;
        emails.add(email);
        return { name: `${first} ${last}`, email };
      }
    },
    userId(): string {
      for (;;) {
        const id = rng.pick(['1', '2', '3', '4', '5', '6', '7', '8', '9']) + rng.chars(9, DIGITS);
        if (!ids.has(id)) {
          ids.add(id);
          return id;
        }
      }
    },
  };
}

const role = (description: string, body: Pick<StoredRole, 'cluster' | 'indices' | 'applications'>): StoredRole => ({
  ...body,
  metadata: {},
  run_as: [],
  transient_metadata: { enabled: true },
  description,
});

const MARKETING_READER = role('Read-only access to marketing indices', {
  cluster: [],
  indices: [{ names: ['marketing-*'], privileges: ['read', 'view_index_metadata'] }],
  applications: [],
});
const DASHBOARD_READER = role('View dashboards, nothing else', {
  cluster: [],
  indices: [],
  applications: [{ application: 'kibana-.kibana', privileges: ['feature_dashboard.read'], resources: ['*'] }],
});
const SOC_READONLY = role('Read alerts and cases in the SOC', {
  cluster: [],
  indices: [{ names: ['.alerts-security*', 'logs-*'], privileges: ['read', 'view_index_metadata'] }],
  applications: [
    {
      application: 'kibana-.kibana',
      privileges: ['feature_siemV2.read', 'feature_securitySolutionCasesV2.read'],
      resources: ['*'],
    },
  ],
});
