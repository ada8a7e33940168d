/**
 * Where a request points (projects, project types, everything) and which role_id / application_roles that takes
 * per project type. Predefined roles differ by type (developer exists only on elasticsearch projects), so a role is
 * checked against each type it is asked for, never silently dropped where it does not exist.
 */
import { PROJECT_TYPES, type Project, type ProjectType } from '../../api/schemas.js';
import { expandProjectRoleId, findRole, predefinedStackRoles, viewerRoleId } from '../catalog.js';
import { roleExistence } from '../access/index.js';
import type { Item } from './classify.js';
import { itemsOf, withSuffix } from './plan-input.js';
import type { IntentChoice, IntentContext, ProjectGrant, ProjectTarget } from './types.js';

export interface Scope {
  readonly projects: readonly Project[];
  readonly types: readonly ProjectType[];
  readonly allProjects: boolean;
}

export function scopeOf(items: readonly Item[]): Scope {
  return {
    projects: [...new Set(itemsOf(items, 'project').map((i) => i.project))],
    types: [...new Set(itemsOf(items, 'type').map((i) => i.type))],
    allProjects: items.some((i) => i.t === 'all-projects'),
  };
}

/** Today's projects the scope names, types and "all projects" expanded. */
export function scopeProjects(scope: Scope, context: IntentContext): Project[] {
  const wide = context.projects.filter((p) => scope.allProjects || scope.types.includes(p.type));
  return [...new Set([...scope.projects, ...wide])];
}

export function isEmptyScope(scope: Scope): boolean {
  return scope.projects.length === 0 && scope.types.length === 0 && !scope.allProjects;
}

/** Specific projects grouped by type, then whole types; "all projects" is every type where `fits` holds. */
function targetsOf(scope: Scope, fits: (type: ProjectType) => boolean): ProjectTarget[] {
  const types = scope.allProjects ? PROJECT_TYPES.filter(fits) : scope.types;
  const specific = PROJECT_TYPES.filter((type) => !types.includes(type)).flatMap((type): ProjectTarget[] => {
    const ids = scope.projects.filter((p) => p.type === type).map((p) => p.id);
    return ids.length > 0 ? [{ kind: 'projects', type, projectIds: ids }] : [];
  });
  return [...specific, ...types.map((type): ProjectTarget => ({ kind: 'all-of-type', type }))];
}

function targetLabel(target: ProjectTarget, projects: readonly Project[]): string {
  return target.kind === 'all-of-type'
    ? `${target.type} projects`
    : target.projectIds.map((id) => projects.find((p) => p.id === id)?.name ?? id).join(', ');
}

/**
 * A predefined stack role on every target. Users need only the role_id (the stack role is mapped from it); keys get
 * it again in application_roles because they never inherit.
 */
export function stackRoleGrants(
  scope: Scope,
  roleName: string,
  forKey: boolean,
  context: IntentContext,
  notes: string[],
): ProjectGrant[] | string {
  const fits = (type: ProjectType) => expandProjectRoleId(type, roleName) !== undefined;
  if (scope.allProjects) {
    const skipped = PROJECT_TYPES.filter((t) => !fits(t));
    if (skipped.length === PROJECT_TYPES.length) return `"${roleName}" is not a project role`;
    if (skipped.length > 0)
      notes.push(
        `"${roleName}" exists only on ${PROJECT_TYPES.filter(fits).join(', ')} projects; all of those are covered`,
      );
  }
  const grants: ProjectGrant[] = [];
  for (const target of targetsOf(scope, fits)) {
    const roleId = expandProjectRoleId(target.type, roleName);
    if (!roleId) {
      const available = predefinedStackRoles(target.type).join(', ');
      return `"${roleName}" is not a role on ${target.type} projects (${targetLabel(target, context.projects)}); roles there: ${available}`;
    }
    grants.push({ target, roleId, ...(forKey ? { applicationRoles: [findRole(roleId)!.stackRole!] } : {}) });
  }
  return grants;
}

/**
 * A custom role exists per project, so it is assigned on named projects only: a type-wide assignment would silently
 * give nothing on projects created later. Types and "all projects" are expanded to today's projects, with a note.
 */
export function customRoleGrants(
  scope: Scope,
  roleName: string,
  context: IntentContext,
  notes: string[],
): ProjectGrant[] | string {
  const projects = scopeProjects(scope, context);
  if (scope.allProjects || scope.types.length > 0) {
    notes.push(
      `custom roles exist per project: "${roleName}" is assigned on today's projects only, not on future ones`,
    );
  }
  const snapshot = { customRoles: context.customRoles ?? new Map() };
  const missing = projects.filter((p) => roleExistence(snapshot, p, roleName) === 'missing');
  if (missing.length > 0) {
    return `custom role "${roleName}" does not exist in ${missing.map((p) => p.name).join(', ')}: create it there first, or leave ${missing.length === 1 ? 'that project' : 'those projects'} out`;
  }
  const unknown = projects.filter((p) => roleExistence(snapshot, p, roleName) === 'unknown');
  if (unknown.length > 0)
    notes.push(
      `could not check that "${roleName}" exists in ${unknown.map((p) => p.name).join(', ')} (roles not loaded)`,
    );
  return customRoleGrantsOn(projects, roleName);
}

/** role_id `<type>-viewer` + application_roles [name]: console access to the project, and only the custom role inside. */
export function customRoleGrantsOn(projects: readonly Project[], roleName: string): ProjectGrant[] {
  return PROJECT_TYPES.flatMap((type): ProjectGrant[] => {
    const ids = projects.filter((p) => p.type === type).map((p) => p.id);
    return ids.length > 0
      ? [
          {
            target: { kind: 'projects', type, projectIds: ids },
            roleId: viewerRoleId(type),
            applicationRoles: [roleName],
          },
        ]
      : [];
  });
}

/** Choices for "on which project?": every project where the role exists, then every type as a whole. */
export function projectChoices(
  sentence: string,
  context: IntentContext,
  fits: (type: ProjectType) => boolean,
): IntentChoice[] {
  const suffix = (s: string) => withSuffix(sentence, `on ${s}`);
  const projects = context.projects
    .filter((p) => fits(p.type))
    .map((p) => ({ label: `${p.name} (${p.type})`, text: suffix(p.name) }));
  const types = PROJECT_TYPES.filter(fits)
    .filter((type) => context.projects.some((p) => p.type === type))
    .map((type) => ({ label: `all ${type} projects`, text: suffix(`all ${type} projects`) }));
  return [...projects, ...types];
}
