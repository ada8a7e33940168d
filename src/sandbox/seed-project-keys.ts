/**
 * The seeded project (Elasticsearch) API keys: the older credential layer every existing project still holds.
 * Planted cases (the doctor and the access views must recognise each):
 * - `logstash-ingest` in search-prod never expires;
 * - `reindex-job` in search-prod was created by someone no longer a member;
 * - `ops-break-glass` in search-prod holds a superuser-like descriptor (`all` on everything);
 * - `metrics-shipper` exists in three projects, created by the same person: one unified key could replace them;
 * - `old-ingest (rotated)` was invalidated a month ago (listed, no longer authenticates).
 * Its own PRNG stream, so the rest of the organization keeps the ids and names it had before these existed.
 */
import { reservedRoles } from './reserved-roles.js';
import type { SandboxData, StoredProjectKey, StoredRole } from './model.js';
import { newProjectKeySecret } from './project-keys.js';
import { BASE62, createRng, DIGITS } from './rng.js';
import { hashSecret } from './secrets.js';

const DAY = 86_400_000;

const descriptor = (body: Pick<StoredRole, 'cluster' | 'indices'> & Partial<StoredRole>): StoredRole => ({
  applications: [],
  metadata: {},
  run_as: [],
  transient_metadata: { enabled: true },
  ...body,
});

const INGEST_LOGS = descriptor({
  cluster: ['monitor'],
  indices: [{ names: ['logs-*'], privileges: ['create_doc', 'create_index'], allow_restricted_indices: false }],
});
const READ_PRODUCTS = descriptor({
  cluster: [],
  indices: [{ names: ['products-*'], privileges: ['read', 'write'], allow_restricted_indices: false }],
});
const SUPERUSER_LIKE = descriptor({
  cluster: ['all'],
  indices: [{ names: ['*'], privileges: ['all'], allow_restricted_indices: true }],
  applications: [{ application: '*', privileges: ['*'], resources: ['*'] }],
});
const SHIP_METRICS = descriptor({
  cluster: ['monitor'],
  indices: [{ names: ['metrics-*'], privileges: ['create_doc', 'auto_configure'], allow_restricted_indices: false }],
});

export function seedProjectKeys(data: SandboxData, seed: number, now: Date): Record<string, StoredProjectKey[]> {
  const rng = createRng((seed * 7919 + 13) >>> 0);
  const at = (days: number) => now.getTime() + days * DAY;
  const byName = (name: string) => data.projects.find((p) => p.name === name);
  const ownerId = data.members[0]!.user_id;
  // The search-prod admin and the observability admin of the seed (members 6 and 10).
  const searchAdmin = data.members[5]?.user_id ?? ownerId;
  const obsAdmin = data.members[9]?.user_id ?? ownerId;
  let removed: string;
  do removed = rng.pick(['1', '2', '3', '4', '5', '6', '7', '8', '9']) + rng.chars(9, DIGITS);
  while (data.members.some((m) => m.user_id === removed));

  const out: Record<string, StoredProjectKey[]> = {};
  const key = (
    projectName: string,
    name: string,
    desc: Record<string, StoredRole>,
    opts: { creator: string; age: number; expiresIn?: number; invalidatedAgo?: number },
  ) => {
    const project = byName(projectName);
    if (!project) return;
    const limitedBy = reservedRoles(project.type)['admin'];
    (out[project.id] ??= []).push({
      id: rng.chars(20, BASE62),
      name,
      creation: at(-opts.age),
      ...(opts.expiresIn !== undefined ? { expiration: at(opts.expiresIn) } : {}),
      invalidated: opts.invalidatedAgo !== undefined,
      ...(opts.invalidatedAgo !== undefined ? { invalidation: at(-opts.invalidatedAgo) } : {}),
      username: opts.creator,
      realm: 'cloud-saml-kibana',
      metadata: {},
      role_descriptors: desc,
      limited_by: limitedBy ? { admin: limitedBy } : {},
      // Random (node:crypto): nobody knows a seeded key's secret, as with the seeded Cloud keys.
      secret_sha256: hashSecret(newProjectKeySecret()),
    });
  };
  key('search-prod', 'logstash-ingest', { ingest: INGEST_LOGS }, { creator: searchAdmin, age: 420 });
  key('search-prod', 'reindex-job', { reindex: READ_PRODUCTS }, { creator: removed, age: 200, expiresIn: 160 });
  key('search-prod', 'ops-break-glass', { superuser: SUPERUSER_LIKE }, { creator: ownerId, age: 90, expiresIn: 275 });
  for (const project of ['search-prod', 'obs-prod', 'obs-dev'])
    key(project, 'metrics-shipper', { ship: SHIP_METRICS }, { creator: obsAdmin, age: 120, expiresIn: 60 });
  key(
    'search-prod',
    'old-ingest (rotated)',
    { ingest: INGEST_LOGS },
    { creator: searchAdmin, age: 300, expiresIn: 65, invalidatedAgo: 30 },
  );
  return out;
}
