/** The hosted deployments the key can see. */
import { DEPLOYMENTS, listEntry } from '../../src/state/lists.js';

export const DEPLOYMENT_LIST = listEntry({
  key: DEPLOYMENTS,
  // The list is the key's own view and needs no organization id; waiting for the organization anyway sends this
  // after members and invitations, so no opening screen's list queues behind a list no screen opens on.
  load: async (ctx) => {
    await ctx.organizationSettled();
    return ctx.cloud.listDeployments();
  },
});
