/**
 * Lesson 3, the canonical custom-role flow: a new read-only role for marketing-* in a project, assigned to a
 * person the documented way (Viewer role_id + application_roles) and without a predefined role beside it on that
 * project, which would over-grant.
 */
import type { Project, Role } from '../../api/schemas.js';
import { activePrincipals, principalRef, projectAccess } from '../../domain/access/index.js';
import { fail, pass, type Lesson, type TourState } from '../types.js';

const READ_INDEX = new Set(['read', 'view_index_metadata', 'read_cross_cluster', 'monitor']);
const READ_CLUSTER = new Set(['monitor']);
/** Kibana privileges that only look: `read`, `feature_x.read`, `feature_x.minimal_read`. */
const readOnlyKibana = (privilege: string) => privilege === 'read' || /\.(minimal_)?read$/.test(privilege);

export const PATTERN = 'marketing-*';

/** Undefined when the role is a read-only role on marketing-*, else what disqualifies it. */
export function readOnlyProblem(role: Role): string | undefined {
  const names = role.indices.flatMap((i) => (Array.isArray(i.names) ? i.names : [i.names]));
  if (!names.includes(PATTERN)) return `it does not name the index pattern ${PATTERN}`;
  const writes = role.indices.flatMap((i) => i.privileges).filter((p) => !READ_INDEX.has(p));
  if (writes.length > 0) return `its index privileges include ${writes.join(', ')}, which are not read-only`;
  const cluster = role.cluster.filter((p) => !READ_CLUSTER.has(p));
  if (cluster.length > 0) return `its cluster privileges include ${cluster.join(', ')}`;
  const kibana = role.applications.flatMap((a) => a.privileges).filter((p) => !readOnlyKibana(p));
  if (kibana.length > 0) return `its Kibana privileges include ${kibana.join(', ')}`;
  return undefined;
}

interface NewRole {
  readonly project: Project;
  readonly name: string;
  readonly problem: string | undefined;
}

function newRoles(state: TourState, before: readonly string[]): NewRole[] {
  const known = new Set(before);
  return state.snapshot.projects.flatMap((project) =>
    Object.entries(state.roles.get(project.id) ?? {})
      .filter(([name]) => !known.has(`${project.id}/${name}`))
      .map(([name, role]) => ({ project, name, problem: readOnlyProblem(role) })),
  );
}

export const customRoleLesson: Lesson = {
  id: 'custom-role',
  title: 'A read-only custom role for marketing-*',
  goal: `Create a read-only custom role on ${PATTERN} in a search project and assign it to someone, the documented way.`,
  hints: [
    '3 opens Roles; n creates a custom role',
    'Name it marketing-readonly, enter; enter again skips the description',
    'Projects: space ticks search-prod, enter. Cluster privileges: tick none, enter',
    'Index privileges: type marketing-* → enter → space ticks read and view_index_metadata → enter',
    'enter on Done (field security and DLS stay off); enter again with no Kibana feature ticked',
    'Assign it: space ticks a member not marked "would over-grant" or "organization owner", then enter',
    'enter shows the review: a PUT creates the role, a POST assigns it; enter sends both',
  ],
  concepts: [
    'predefined-vs-custom',
    'index-privileges',
    'role-name-rules',
    'custom-role-per-project',
    'custom-role-assignment',
    'over-grant',
  ],
  check(state, baseline) {
    const roles = newRoles(state, baseline.customRoles);
    const good = roles.filter((r) => r.problem === undefined);
    if (good.length === 0) {
      const bad = roles[0];
      return fail(
        bad ? `${bad.name} in ${bad.project.name} is not it: ${bad.problem}` : `No new custom role for ${PATTERN} yet`,
        [`Create a role whose indices entry names ${PATTERN} with read and view_index_metadata only.`],
      );
    }
    const { snapshot } = state;
    // Every person holding one of the new roles; a single one who holds it the documented way is enough.
    const holders = good.flatMap((role) =>
      activePrincipals(snapshot)
        .filter((p) => p.kind !== 'key')
        .flatMap((principal) => {
          const access = projectAccess(snapshot, principal, role.project);
          if (!access.roles.some((r) => r.name === role.name && r.status === 'granted')) return [];
          const broader = access.roles
            .filter((r) => r.origin === 'predefined' && r.status === 'granted')
            .map((r) => r.name);
          return [{ role, who: principalRef(principal).label, overGrant: access.overGrant, broader }];
        }),
    );
    const right = holders.find((h) => h.broader.length === 0);
    if (right) {
      const {
        role: { name, project },
        who,
      } = right;
      return pass(`${who} now reads ${PATTERN} on ${project.name} through ${name}, and nothing more`, [
        `PUT /_security/role/${name} created the role inside ${project.name} only: other projects do not have it.`,
        `The assignment is role_id ${project.type}-viewer with application_roles [${name}]: the Viewer role_id lets ` +
          `${who} open the project in the console, application_roles decides what they get inside it.`,
      ]);
    }
    const wrong = holders[0];
    if (wrong?.overGrant) {
      return fail(`${wrong.who} has ${wrong.role.name} but also a predefined role on ${wrong.role.project.name}`, [
        'Roles combine as a union at sign-in, so the predefined role defeats the read-only restriction. ' +
          'Remove the predefined assignment on that project (the doctor offers the fix).',
      ]);
    }
    if (wrong) {
      return fail(
        `${wrong.who} has ${wrong.role.name}, but also ${wrong.broader.join(', ')} on ${wrong.role.project.name}`,
        [
          'An organization owner is admin in every project, so a read-only role changes nothing for them. ' +
            'Assign the role to someone whose access it should define.',
        ],
      );
    }
    const role = good[0]!;
    return fail(`${role.name} exists in ${role.project.name} but nobody holds it yet`, [
      `Assign it: role_id ${role.project.type}-viewer with application_roles [${role.name}] on ${role.project.name}.`,
    ]);
  },
};
