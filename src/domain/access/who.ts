/**
 * "Who has access to this project?": every member, open invitation and unexpired key with an assignment that
 * covers it, with the roles they get there and how the assignment reaches it.
 */
import type { OrgSnapshot } from '../org.js';
import { projectAccess, projectRef, type ProjectAccess, type ProjectRef } from './effective.js';
import { activePrincipals, principalRef, type PrincipalRef } from './principal.js';
import type { ReachVia } from './reach.js';

export interface AccessHolder {
  readonly principal: PrincipalRef;
  /** Stack roles in effect there (custom roles of unknown existence are listed in `access.unknownCustomRoles`). */
  readonly stackRoles: readonly string[];
  /** Distinct ways the principal's assignments reach the project: directly, all:true for the type, org-scoped, owner. */
  readonly via: readonly ReachVia[];
  readonly reasons: readonly string[];
  /** Covered, but no stack role results: Cloud API / console only (keys without application_roles there). */
  readonly cloudOnly: boolean;
  readonly access: ProjectAccess;
}

export interface ProjectAudience {
  readonly project: ProjectRef;
  readonly members: readonly AccessHolder[];
  readonly invitations: readonly AccessHolder[];
  readonly keys: readonly AccessHolder[];
}

function holder(principal: PrincipalRef, access: ProjectAccess): AccessHolder {
  const { reaches } = access;
  const stackRoles = access.roles.filter((r) => r.status === 'granted').map((r) => r.name);
  return {
    principal,
    stackRoles,
    via: [...new Set(reaches.map((r) => r.via))],
    reasons: [...new Set(reaches.map((r) => r.text))],
    cloudOnly: access.roles.length === 0,
    access,
  };
}

/** Undefined when the project is not in the snapshot. */
export function whoHasAccess(snapshot: OrgSnapshot, projectId: string): ProjectAudience | undefined {
  const project = snapshot.projects.find((p) => p.id === projectId);
  if (!project) return undefined;
  const holders = activePrincipals(snapshot).flatMap((principal) => {
    const access = projectAccess(snapshot, principal, project);
    return access.reaches.length > 0 ? [holder(principalRef(principal), access)] : [];
  });
  const ofKind = (kind: PrincipalRef['kind']) => holders.filter((h) => h.principal.kind === kind);
  return {
    project: projectRef(project),
    members: ofKind('member'),
    invitations: ofKind('invitation'),
    keys: ofKind('key'),
  };
}
