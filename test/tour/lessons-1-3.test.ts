/** Lessons 1–3: each check passes on a sandbox that shows the goal and refuses one that does not. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectRoleAssignment } from '../../src/api/schemas.js';
import { customOnlyMembers, whoHasAccessLesson } from '../../src/tour/lessons/01-who-has-access.js';
import { inviteViewerLesson } from '../../src/tour/lessons/02-invite-viewer.js';
import { customRoleLesson } from '../../src/tour/lessons/03-custom-role.js';
import { startWorld, type World } from './support.js';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.stop());

describe('lesson 1: who has access', () => {
  it('accepts the member who reaches search-prod through a custom role only, by email or name', async () => {
    const state = await world.state();
    const project = state.snapshot.projects.find((p) => p.name === 'search-prod')!;
    // Independently of the check: the seeded member whose only search-prod grant is application_roles [marketing-reader].
    const expected = state.snapshot.members.find((m) =>
      (m.role_assignments?.project?.elasticsearch ?? []).some(
        (a) => a.application_roles?.includes('marketing-reader') && a.project_ids?.includes(project.id),
      ),
    )!;
    expect(customOnlyMembers(state.snapshot).map((c) => c.email)).toEqual([expected.email]);
    expect(whoHasAccessLesson.check(state, world.baseline, expected.email!.toUpperCase()).passed).toBe(true);
    expect(whoHasAccessLesson.check(state, world.baseline, expected.name).passed).toBe(true);
  });

  it('refuses a wrong answer, the over-granted member and no answer', async () => {
    const state = await world.state();
    const overGranted = state.snapshot.members.find((m) =>
      (m.role_assignments?.project?.elasticsearch ?? []).some((a) => a.application_roles?.includes('dashboard-reader')),
    )!;
    expect(whoHasAccessLesson.check(state, world.baseline, overGranted.email).passed).toBe(false);
    expect(whoHasAccessLesson.check(state, world.baseline, state.snapshot.members[0]!.email).passed).toBe(false);
    expect(whoHasAccessLesson.check(state, world.baseline, '').passed).toBe(false);
    expect(whoHasAccessLesson.check(state, world.baseline).passed).toBe(false);
  });
});

describe('lesson 2: invite a Viewer and accept', () => {
  const viewerOn = (orgId: string, projectId: string) => ({
    project: {
      elasticsearch: [
        { role_id: 'elasticsearch-viewer', organization_id: orgId, all: false, project_ids: [projectId] },
      ],
    },
  });

  it('refuses before anything happened, and while the invitation is pending; passes once accepted', async () => {
    expect(inviteViewerLesson.check(await world.state(), world.baseline).passed).toBe(false);
    const project = await world.project('search-staging');
    await world.cloud.createInvitations(world.orgId, {
      emails: ['newbie@example.com'],
      role_assignments: viewerOn(world.orgId, project.id),
    });
    const pending = inviteViewerLesson.check(await world.state(), world.baseline);
    expect(pending.passed).toBe(false);
    expect(pending.summary).toMatch(/not accepted/);
    await world.accept('newbie@example.com');
    const done = inviteViewerLesson.check(await world.state(), world.baseline);
    expect(done.passed).toBe(true);
    expect(done.summary).toMatch(/newbie@example.com joined with elasticsearch-viewer/);
  });

  it('refuses a new member who joined with another role', async () => {
    const project = await world.project('search-staging');
    await world.cloud.createInvitations(world.orgId, {
      emails: ['dev@example.com'],
      role_assignments: {
        project: {
          elasticsearch: [
            { role_id: 'elasticsearch-developer', organization_id: world.orgId, all: false, project_ids: [project.id] },
          ],
        },
      },
    });
    await world.accept('dev@example.com');
    expect(inviteViewerLesson.check(await world.state(), world.baseline).passed).toBe(false);
  });
});

describe('lesson 3: read-only custom role for marketing-*', () => {
  const readOnly = { cluster: [], indices: [{ names: ['marketing-*'], privileges: ['read', 'view_index_metadata'] }] };
  const assign = async (userId: string, projectId: string, extra: ProjectRoleAssignment[] = []) =>
    world.cloud.addRoleAssignments(userId, {
      project: {
        elasticsearch: [
          {
            role_id: 'elasticsearch-viewer',
            organization_id: world.orgId,
            all: false,
            project_ids: [projectId],
            application_roles: ['marketing-ro'],
          },
          ...extra,
        ],
      },
    });

  it('refuses the seeded marketing-reader (not new), a writable role, and an unassigned role', async () => {
    expect(customRoleLesson.check(await world.state(), world.baseline).passed).toBe(false);
    await world.putRole('search-staging', 'marketing-rw', {
      indices: [{ names: ['marketing-*'], privileges: ['read', 'write'] }],
    });
    const writable = customRoleLesson.check(await world.state(), world.baseline);
    expect(writable.passed).toBe(false);
    expect(writable.summary).toMatch(/write/);
    await world.putRole('search-staging', 'marketing-ro', readOnly);
    const unassigned = customRoleLesson.check(await world.state(), world.baseline);
    expect(unassigned.passed).toBe(false);
    expect(unassigned.summary).toMatch(/nobody holds it/);
  });

  it('refuses an assignment with a predefined role beside it (over-grant), passes the documented assignment', async () => {
    await world.putRole('search-staging', 'marketing-ro', readOnly);
    const project = await world.project('search-staging');
    const state = await world.state();
    const [first, second] = state.snapshot.members.filter(
      (m) => !m.role_assignments?.organization && !m.role_assignments?.project,
    );
    await assign(first!.user_id, project.id, [
      { role_id: 'elasticsearch-developer', organization_id: world.orgId, all: false, project_ids: [project.id] },
    ]);
    const over = customRoleLesson.check(await world.state(), world.baseline);
    expect(over.passed).toBe(false);
    expect(over.summary).toMatch(/also a predefined role/);
    await world.cloud.removeMembers(world.orgId, [first!.user_id]);
    expect(second).toBeDefined();
    await assign(second!.user_id, project.id);
    const done = customRoleLesson.check(await world.state(), world.baseline);
    expect(done.passed).toBe(true);
    expect(done.details.join(' ')).toMatch(/application_roles \[marketing-ro\]/);
  });

  it('refuses the role given to an organization owner: they are admin everywhere, so it restricts nothing', async () => {
    await world.putRole('search-staging', 'marketing-ro', readOnly);
    const project = await world.project('search-staging');
    const owner = (await world.state()).snapshot.members.find((m) =>
      m.role_assignments?.organization?.some((a) => a.role_id === 'organization-admin'),
    )!;
    await assign(owner.user_id, project.id);
    const result = customRoleLesson.check(await world.state(), world.baseline);
    expect(result.passed).toBe(false);
    expect(result.summary).toMatch(/but also admin on search-staging/);
  });
});
