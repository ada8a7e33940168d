/**
 * The inventory commands, loaded as one module: the lists (members, invitations, projects, deployments, keys,
 * roles) and the two small writes that live beside their lists. Each is a few hundred bytes once bundled; as
 * separate entry points they split the shared code into dozens of tiny chunks (the package keeps to 80 files).
 */
export { membersList, membersRemove } from './members.js';
export { invitationsCancel, invitationsList } from './invitations.js';
export { projectsList } from './projects.js';
export { deploymentsList } from './deployments.js';
export { keysList } from './keys.js';
export { rolesList } from './roles-read.js';
