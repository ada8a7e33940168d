/**
 * `ec-access doctor` on the sandbox after a hosted deployment is shut down: the member whose deployment role named it
 * is reported under `deployment-gone`, and the fix's DELETE body clears the finding without touching anything else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RoleAssignments } from '../../src/api/schemas.js';
import { cloudClient } from '../sandbox/helpers.js';
import { DeploymentsDoc, DoctorDoc } from '../support/cli-docs.js';
import { parseAs } from '../support/json.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const goneFindings = async () =>
  (await h.run(['doctor', '--json'])).doc(DoctorDoc).findings.filter((f) => f.rule === 'deployment-gone');
const EditFix = z.object({ kind: z.literal('edit-member-roles'), userId: z.string(), remove: RoleAssignments });

describe('the doctor and a deployment that no longer exists', () => {
  it('is quiet while every named deployment exists, then finds the holder, and the fix clears it', async () => {
    expect(await goneFindings()).toEqual([]);

    const { deployments } = (await h.run(['deployments', 'list', '--access'])).doc(DeploymentsDoc);
    const shop = deployments.find((d) => d.name === 'ecommerce-search')!;
    const viewer = shop.access!.find((a) => a.via === 'direct')!;
    expect(await h.control('DELETE', `/deployments/${shop.id}`)).toEqual({});

    const [finding, ...others] = await goneFindings();
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: 'info', principal: { kind: 'member', id: viewer.principal.id } });
    expect(finding!.why).toContain(shop.id);
    const fix = parseAs(EditFix, finding!.fix, 'the deployment-gone fix');
    expect(fix.remove.deployment?.map((e) => e.deployment_ids)).toEqual([[shop.id]]);

    const cloud = cloudClient(h.sandbox);
    const before = (await cloud.listMembers(h.sandbox.organizationId)).find((m) => m.user_id === fix.userId)!;
    await cloud.removeRoleAssignments(fix.userId, fix.remove);
    expect(await goneFindings()).toEqual([]);
    const after = (await cloud.listMembers(h.sandbox.organizationId)).find((m) => m.user_id === fix.userId)!;
    // Only the gone deployment role went; the member's project role stayed.
    expect(after.role_assignments?.deployment).toBeUndefined();
    expect(after.role_assignments?.project).toEqual(before.role_assignments?.project);
  });
});
