/** The members screen's lists: the organization's members and its invitations, both by the organization's id. */
import { INVITATIONS, listEntry, MEMBERS } from '../../src/state/lists.js';

export const MEMBER_LIST = listEntry({
  key: MEMBERS,
  perOrganization: true,
  load: async (ctx) => ctx.cloud.listMembers(await ctx.organizationId()),
});

export const INVITATION_LIST = listEntry({
  key: INVITATIONS,
  perOrganization: true,
  load: async (ctx) => ctx.cloud.listInvitations(await ctx.organizationId()),
});
