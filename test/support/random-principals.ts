/**
 * A seeded organization plus members, open invitations and active keys with random role assignments of every shape
 * the access model knows: the doctor's and the access matrix's at-scale tests compare against recorded results.
 */
import type { ProjectType, RoleAssignments } from '../../src/api/schemas.js';
import type { OrgSnapshot } from '../../src/domain/org.js';
import { createRng, HEX, type Rng } from '../../src/sandbox/rng.js';

const ROLE_SHORT: Record<ProjectType, readonly string[]> = {
  elasticsearch: ['admin', 'developer', 'viewer'],
  observability: ['admin', 'editor', 'viewer'],
  security: ['admin', 'viewer', 't1-analyst'],
};
/** Predefined in some types only, custom in some seeded projects, or nowhere at all. */
const APPLICATION_ROLES = ['dashboard-reader', 'marketing-reader', 'ghost-role', 'developer', 'viewer', 'editor'];
const TYPES: readonly ProjectType[] = ['elasticsearch', 'observability', 'security'];

/**
 * Assignments of every shape the access model knows, drawn at random: organization roles with and without
 * application_roles, `all: true`, explicit project ids (some of another type, some of no project), role_ids of
 * another type. The seed alone plants one or two over-grants and missing roles; these make hundreds.
 */
function randomAssignments(rng: Rng, snapshot: OrgSnapshot): RoleAssignments {
  const orgId = snapshot.organization.id;
  const assignments: RoleAssignments = {};
  const appRoles = () => (rng.next() < 0.5 ? { application_roles: [rng.pick(APPLICATION_ROLES)] } : {});
  if (rng.next() < 0.08) {
    const roleId = rng.pick(['organization-admin', 'billing-admin']);
    assignments.organization = [{ role_id: roleId, organization_id: orgId, ...appRoles() }];
  }
  const project: NonNullable<RoleAssignments['project']> = {};
  for (let n = rng.int(1, 3); n > 0; n--) {
    const type = rng.pick(TYPES);
    const roleType = rng.next() < 0.1 ? rng.pick(TYPES) : type;
    const scope =
      rng.next() < 0.2
        ? { all: true }
        : {
            project_ids: Array.from({ length: rng.int(1, 4) }, () =>
              rng.next() < 0.05 ? rng.chars(32, HEX) : rng.pick(snapshot.projects).id,
            ),
          };
    const entry = { role_id: `${roleType}-${rng.pick(ROLE_SHORT[roleType])}`, organization_id: orgId, ...scope };
    project[type] = [...(project[type] ?? []), { ...entry, ...appRoles() }];
  }
  return { ...assignments, project };
}

/** The seeded organization plus `count` members, open invitations and active keys with random assignments. */
export function withRandomPrincipals(snapshot: OrgSnapshot, count: number, seed: number, now: Date): OrgSnapshot {
  const rng = createRng(seed);
  const later = new Date(now.getTime() + 30 * 86_400_000).toISOString();
  const earlier = new Date(now.getTime() - 86_400_000).toISOString();
  const organization = snapshot.organization;
  const pad = (i: number) => String(i).padStart(5, '0');
  return {
    ...snapshot,
    members: [
      ...snapshot.members,
      ...Array.from({ length: count }, (_, i) => ({
        organization_id: organization.id,
        user_id: `random-user-${pad(i)}`,
        member_since: earlier,
        email: `random.${pad(i)}@example.com`,
        role_assignments: randomAssignments(rng, snapshot),
      })),
    ],
    invitations: [
      ...snapshot.invitations,
      ...Array.from({ length: Math.ceil(count / 10) }, (_, i) => ({
        token: `random-token-${pad(i)}`,
        email: `invitee.${pad(i)}@example.com`,
        created_at: earlier,
        expires_at: later,
        expired: false,
        organization,
        role_assignments: randomAssignments(rng, snapshot),
      })),
    ],
    keys: [
      ...snapshot.keys,
      ...Array.from({ length: Math.ceil(count / 10) }, (_, i) => ({
        id: `random-key-${pad(i)}`,
        description: `random key ${pad(i)}`,
        creation_date: earlier,
        expiration_date: later,
        organization_id: organization.id,
        role_assignments: randomAssignments(rng, snapshot),
      })),
    ],
  };
}
