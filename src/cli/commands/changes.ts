/**
 * The commands that change the organization, loaded as one module: each is a few kilobytes once bundled, and as
 * separate entry points they split the code they share into many tiny chunks (the package keeps to 80 files).
 */
export { membersInvite } from './members-invite.js';
export { rolesAssign, rolesAssignCustom, rolesUnassign, rolesUnassignCustom } from './roles-assign.js';
export { rolesCreate, rolesDelete } from './roles-write.js';
export { keysCreate } from './keys-create.js';
export { keysRevoke } from './keys-revoke.js';
