/** Effective access: what each member, invitation and key can do, project by project, and why. */
export { effectiveAccess, projectAccess, projectRef } from './effective.js';
export type { CloudRole, EffectiveAccess, ProjectAccess, ProjectRef, RoleStatus, StackRoleGrant } from './effective.js';
export { whoHasAccess } from './who.js';
export type { AccessHolder, ProjectAudience } from './who.js';
export { accessMatrix, accessMatrixSteps, projectKeyMatrix } from './matrix.js';
export type { AccessMatrix, MatrixCell, MatrixCellKind } from './matrix.js';
export { activePrincipals, isInvitationOpen, isKeyExpired, principalRef, roleAssignmentsOf } from './principal.js';
export type { Principal, PrincipalKind, PrincipalRef } from './principal.js';
export { allApplicationRoles, futureReachesOf, organizationReaches, reachesOf } from './reach.js';
export type { FutureReach, Reach, ReachVia, StackRoleSource } from './reach.js';
export { roleExistence } from './role-existence.js';
export type { RoleExistence } from './role-existence.js';
export { activeProjectKeys, grantingDescriptors, projectKeyPrivileges, projectKeyRef } from './project-key.js';
export type { ProjectKeyHolder, ProjectKeyPrivileges } from './project-key.js';
export { coveredPositions, projectIndex } from './project-index.js';
export type { ProjectIndex } from './project-index.js';
