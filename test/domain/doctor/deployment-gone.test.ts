/** The doctor's `deployment-gone`: what it finds, the fix each holder gets, and when it must stay quiet. */
import { describe, expect, it } from 'vitest';
import type { Deployment, RoleAssignments } from '../../../src/api/schemas.js';
import { RULES } from '../../../src/domain/doctor/index.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import { kid, ORG_ID, orgRole, orgWith, roles } from '../../fixtures/org.js';

const rule = RULES.find((r) => r.id === 'deployment-gone')!;
const LIVE: Deployment = { id: 'dep-live', name: 'live', resources: [] };
const viewerOn = (...ids: string[]): RoleAssignments => ({
  deployment: [{ role_id: 'deployment-viewer', organization_id: ORG_ID, all: false, deployment_ids: ids }],
});
const editorOnAll: RoleAssignments = {
  deployment: [{ role_id: 'deployment-editor', organization_id: ORG_ID, all: true }],
};

const org = () =>
  orgWith()
    .owner('olga')
    .member('dee', roles(viewerOn('dep-live', 'dep-gone'), editorOnAll))
    .invitation('new@example.com', { roles: viewerOn('dep-gone') })
    .key('ci', { roles: viewerOn('dep-gone', 'dep-also-gone') })
    .key('owner-key', { roles: orgRole('organization-admin') })
    .key('narrow-key', { roles: viewerOn('dep-live') });
const withDeployments = (snapshot: OrgSnapshot, deployments: readonly Deployment[] | undefined): OrgSnapshot =>
  deployments ? { ...snapshot, deployments } : snapshot;

describe('deployment-gone', () => {
  it('finds each holder of a gone id once, members, invitations and keys', () => {
    const findings = rule.check({ snapshot: withDeployments(org().build(), [LIVE]) });
    expect(findings.map((f) => [f.principal?.kind, f.principal?.label, f.title])).toEqual([
      ['member', 'dee', 'dee holds a deployment role on 1 deployment that no longer exists'],
      [
        'invitation',
        'new@example.com',
        'new@example.com holds a deployment role on 1 deployment that no longer exists',
      ],
      ['key', 'ci', 'ci holds a deployment role on 2 deployments that no longer exist'],
    ]);
    expect(findings[2]!.why).toContain('dep-gone, dep-also-gone');
  });

  it('removes exactly the gone ids: the live id and the all: true role stay', () => {
    const [member, invitation, key] = rule.check({ snapshot: withDeployments(org().build(), [LIVE]) });
    const remove = {
      deployment: [{ role_id: 'deployment-viewer', organization_id: ORG_ID, all: false, deployment_ids: ['dep-gone'] }],
    };
    expect(member!.fix).toEqual({ kind: 'edit-member-roles', userId: 'user-dee', remove });
    expect(invitation!.fix).toEqual({
      kind: 'replace-invitation',
      token: 'inv-new@example.com',
      email: 'new@example.com',
      remove,
    });
    // Keys cannot be edited; a wizard copy would drop their deployment roles, so they are sent to review.
    expect(key!.fix).toEqual({ kind: 'review-keys' });
  });

  it('says nothing when deployments were not loaded, or when the calling key cannot see them all', () => {
    expect(rule.check({ snapshot: org().build() })).toEqual([]);
    const snapshot = withDeployments(org().build(), [LIVE]);
    expect(rule.check({ snapshot, selfKeyId: kid('narrow-key') })).toEqual([]);
    expect(rule.check({ snapshot, selfKeyId: kid('owner-key') })).toHaveLength(3);
  });

  it('says nothing about all: true roles, even with no deployment left', () => {
    const snapshot = withDeployments(orgWith().owner('olga').member('ada', editorOnAll).build(), []);
    expect(rule.check({ snapshot })).toEqual([]);
  });
});
