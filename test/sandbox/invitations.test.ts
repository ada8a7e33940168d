import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Invitation, InvitationList } from '../../src/api/schemas.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import { cloudErrorCode, control } from './answers.js';
import {
  withSandbox,
  call,
  cloudClient,
  failure,
  members,
  missingRequired,
  NOW,
  projectNamed,
  SPEC_AVAILABLE,
} from './helpers.js';

let sb: RunningSandbox;
withSandbox('each', (started) => {
  sb = started;
});

const invitationsPath = () => `/api/v1/organizations/${sb.organizationId}/invitations`;
const HOUR = 3_600_000;

describe('listing invitations', () => {
  it('lists open invitations with the spec fields, the whole organization embedded and expired computed', async () => {
    const answer = await call(sb, 'GET', invitationsPath(), { key: sb.viewerKey });
    expect(answer.status).toBe(200);
    if (SPEC_AVAILABLE) expect(missingRequired('OrganizationInvitations', answer.json)).toEqual([]);
    const list = answer.as(InvitationList).invitations;
    expect(list.filter((i) => i.expired)).toHaveLength(1);
    for (const i of list) expect(i.expired).toBe(Date.parse(i.expires_at) <= NOW.getTime());
    expect(list[0]!.organization).toEqual({ id: sb.organizationId, name: 'Acme Analytics' });
  });

  it('marks an invitation expired once the sandbox clock passes its expiry', async () => {
    const [created] = await cloudClient(sb).createInvitations(sb.organizationId, {
      emails: ['late@example.com'],
      expires_in: '1d',
    });
    expect(created!.expired).toBe(false);
    await fetch(`${sb.controlUrl}/clock`, { method: 'POST', body: JSON.stringify({ advance: '25h' }) });
    const later = (await cloudClient(sb).listInvitations(sb.organizationId)).find((i) => i.token === created!.token);
    expect(later!.expired).toBe(true);
  });
});

describe('creating invitations', () => {
  it('creates one invitation per email with 201, default expiry 72 h and the given roles in wire form', async () => {
    const prod = await projectNamed(sb, 'search-prod');
    const answer = await call(sb, 'POST', invitationsPath(), {
      body: {
        emails: ['a@example.com', 'b@example.com'],
        role_assignments: { project: { elasticsearch: [{ role_id: 'viewer', all: false, project_ids: [prod.id] }] } },
      },
    });
    expect(answer.status).toBe(201);
    if (SPEC_AVAILABLE) expect(missingRequired('OrganizationInvitations', answer.json)).toEqual([]);
    const { invitations } = answer.as(InvitationList);
    expect(invitations.map((i) => i.email)).toEqual(['a@example.com', 'b@example.com']);
    const first = invitations[0]!;
    expect(Date.parse(first.expires_at) - Date.parse(first.created_at)).toBe(72 * HOUR);
    expect(first.role_assignments?.project?.elasticsearch?.[0]).toEqual({
      role_id: 'elasticsearch-viewer',
      organization_id: sb.organizationId,
      all: false,
      project_ids: [prod.id],
    });
  });

  it('takes expires_in as a duration or as an ISO date-time', async () => {
    const [byDuration] = await cloudClient(sb).createInvitations(sb.organizationId, {
      emails: ['d1@example.com'],
      expires_in: '3d',
    });
    expect(Date.parse(byDuration!.expires_at) - NOW.getTime()).toBe(72 * HOUR);
    const at = '2026-03-10T00:00:00.000Z';
    const [byDate] = await cloudClient(sb).createInvitations(sb.organizationId, {
      emails: ['d2@example.com'],
      expires_in: at,
    });
    expect(byDate!.expires_at).toBe(at);
    const bad = await call(sb, 'POST', invitationsPath(), { body: { emails: ['d3@example.com'], expires_in: 'soon' } });
    expect([bad.status, cloudErrorCode(bad)]).toEqual([400, 'root.invalid_data']);
    const past = await call(sb, 'POST', invitationsPath(), {
      body: { emails: ['d3@example.com'], expires_in: '2020-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
  });

  it.each([
    [{ emails: ['not-an-email'] }, 'organization.invitation_invalid_email'],
    [{ emails: [] }, 'root.invalid_data'],
    [
      {
        emails: ['x@example.com'],
        role_assignments: { project: { elasticsearch: [{ role_id: 't1_analyst', all: true }] } },
      },
      'root.invalid_data',
    ],
  ])('refuses %j with 400 %s', async (body, code) => {
    const answer = await call(sb, 'POST', invitationsPath(), { body });
    expect([answer.status, cloudErrorCode(answer)]).toEqual([400, code]);
  });

  it('refuses a member email with organization.user_organization_already_belongs', async () => {
    const [member] = await members(sb);
    const error = await failure(
      cloudClient(sb).createInvitations(sb.organizationId, { emails: [member!.email!.toUpperCase()] }),
    );
    expect([error.status, error.code]).toEqual([400, 'organization.user_organization_already_belongs']);
  });

  it('refuses a pending invitation with invitation_already_exists, and creates none of the batch', async () => {
    const pending = (await cloudClient(sb).listInvitations(sb.organizationId)).find((i) => !i.expired)!;
    const error = await failure(
      cloudClient(sb).createInvitations(sb.organizationId, { emails: ['fresh@example.com', pending.email] }),
    );
    expect([error.status, error.code]).toEqual([400, 'organization.invitation_already_exists']);
    expect(
      (await cloudClient(sb).listInvitations(sb.organizationId)).some((i) => i.email === 'fresh@example.com'),
    ).toBe(false);
  });

  it('refreshes an expired invitation: new token and expiry, the old one gone', async () => {
    const expired = (await cloudClient(sb).listInvitations(sb.organizationId)).find((i) => i.expired)!;
    const [fresh] = await cloudClient(sb).createInvitations(sb.organizationId, { emails: [expired.email] });
    expect(fresh!.token).not.toBe(expired.token);
    expect(fresh!.expired).toBe(false);
    const list = await cloudClient(sb).listInvitations(sb.organizationId);
    expect(list.filter((i) => i.email === expired.email)).toHaveLength(1);
  });

  it('lets only owners invite (403 organization.invalid_access)', async () => {
    const answer = await call(sb, 'POST', invitationsPath(), {
      key: sb.viewerKey,
      body: { emails: ['x@example.com'] },
    });
    expect([answer.status, cloudErrorCode(answer)]).toEqual([403, 'organization.invalid_access']);
  });
});

describe('cancelling and accepting invitations', () => {
  it('cancels several comma-separated tokens, through the core client', async () => {
    const created = await cloudClient(sb).createInvitations(sb.organizationId, {
      emails: ['c1@example.com', 'c2@example.com'],
    });
    await cloudClient(sb).cancelInvitations(
      sb.organizationId,
      created.map((i) => i.token),
    );
    const tokens = (await cloudClient(sb).listInvitations(sb.organizationId)).map((i) => i.token);
    expect(tokens).not.toContain(created[0]!.token);
    expect(tokens).not.toContain(created[1]!.token);
  });

  it('answers 404 organization.invitation_not_found for an unknown token and 400 root.invalid_data for none', async () => {
    const unknown = await call(sb, 'DELETE', `${invitationsPath()}/nope`);
    expect([unknown.status, cloudErrorCode(unknown)]).toEqual([404, 'organization.invitation_not_found']);
    const none = await call(sb, 'DELETE', `${invitationsPath()}/,`);
    expect([none.status, cloudErrorCode(none)]).toEqual([400, 'root.invalid_data']);
  });

  it('lets only owners cancel', async () => {
    const [pending] = await cloudClient(sb).listInvitations(sb.organizationId);
    const answer = await call(sb, 'DELETE', `${invitationsPath()}/${pending!.token}`, { key: sb.viewerKey });
    expect(answer.status).toBe(403);
  });

  it('turns an accepted invitation into a member with its role assignments (control route)', async () => {
    const [invitation] = await cloudClient(sb).createInvitations(sb.organizationId, {
      emails: ['new.person@example.com'],
      role_assignments: { organization: [{ role_id: 'billing-admin', organization_id: sb.organizationId }] },
    });
    const accepted = await control(sb, 'POST', `/invitations/${invitation!.token}/_accept`, {});
    expect(accepted.status).toBe(200);
    const member = accepted.as(z.object({ user_id: z.string() }));
    const found = (await members(sb)).find((m) => m.user_id === member.user_id)!;
    expect(found.email).toBe('new.person@example.com');
    expect(found.role_assignments).toEqual({
      organization: [{ role_id: 'billing-admin', organization_id: sb.organizationId }],
    });
    expect((await cloudClient(sb).listInvitations(sb.organizationId)).some((i) => i.token === invitation!.token)).toBe(
      false,
    );
  });

  it('refuses to accept an expired invitation', async () => {
    const expired = (await cloudClient(sb).listInvitations(sb.organizationId)).find((i) => i.expired)!;
    const answer = await fetch(`${sb.controlUrl}/invitations/${expired.token}/_accept`, { method: 'POST' });
    expect(answer.status).toBe(400);
  });

  it('serves the invitee-side lookup by token without a key', async () => {
    const [invitation] = await cloudClient(sb).listInvitations(sb.organizationId);
    const answer = await call(sb, 'GET', `/api/v1/organizations/invitations/${invitation!.token}`, { key: null });
    expect([answer.status, answer.as(Invitation).email]).toEqual([200, invitation!.email]);
  });
});
