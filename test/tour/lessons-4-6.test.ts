/** Lessons 4–6: each check passes on a sandbox that shows the goal and refuses one that does not. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEsClient } from '../../src/api/es-client.js';
import { esRequests } from '../../src/api/requests.js';
import { Secret } from '../../src/util/secret.js';
import { runDoctor } from '../../src/domain/doctor/index.js';
import { captureBaseline } from '../../src/tour/baseline.js';
import { ciKeyLesson } from '../../src/tour/lessons/04-ci-key.js';
import { doctorLesson } from '../../src/tour/lessons/05-doctor.js';
import { leakedKeyLesson } from '../../src/tour/lessons/06-leaked-key.js';
import { lastRequestSeq } from '../../src/tour/sandbox-state.js';
import { sandboxIo } from '../../src/tour/sandbox-io.js';
import { startWorld, type World } from './support.js';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.stop());

describe('lesson 4: CI key with stack access', () => {
  const search = (orgId: string, extra: object = {}) => ({
    project: { elasticsearch: [{ role_id: 'elasticsearch-developer', organization_id: orgId, all: true, ...extra }] },
  });

  it('refuses keys without application_roles and org-scoped ones', async () => {
    expect(ciKeyLesson.check(await world.state(), world.baseline).passed).toBe(false);
    await world.cloud.createApiKey({
      description: 'ci cloud only',
      expiration: '30d',
      role_assignments: search(world.orgId),
    });
    expect(ciKeyLesson.check(await world.state(), world.baseline).summary).toMatch(/no application_roles/);
    await world.cloud.createApiKey({
      description: 'ci org wide',
      expiration: '30d',
      role_assignments: {
        organization: [
          { role_id: 'organization-admin', organization_id: world.orgId, application_roles: ['developer'] },
        ],
      },
    });
    const orgWide = ciKeyLesson.check(await world.state(), world.baseline);
    expect(orgWide.passed).toBe(false);
    expect(orgWide.summary).toMatch(/organization-scoped/);
  });

  it('refuses the right key until its secret was used against Elasticsearch, then passes', async () => {
    const created = await world.cloud.createApiKey({
      description: 'CI pipeline',
      expiration: '30d',
      role_assignments: search(world.orgId, { application_roles: ['developer'] }),
    });
    const unused = ciKeyLesson.check(await world.state(), world.baseline);
    expect(unused.passed).toBe(false);
    expect(unused.summary).toMatch(/use its secret/);
    const project = await world.project('search-prod');
    const answer = await fetch(`${project.endpoints.elasticsearch}/_security/_authenticate`, {
      headers: { authorization: `ApiKey ${created.key}` },
    });
    expect(answer.status).toBe(200);
    const done = ciKeyLesson.check(await world.state(), world.baseline);
    expect(done.passed).toBe(true);
    expect(done.summary).toMatch(/works on Elasticsearch/);
  });
});

describe('lesson 5: doctor', () => {
  const overGranted = async () => {
    const userId = world.baseline.findings.find((f) => f.startsWith('over-grant:member:'))!.split(':')[2]!;
    const member = (await world.state()).snapshot.members.find((m) => m.user_id === userId)!;
    return {
      userId,
      developer: member.role_assignments!.project!.elasticsearch!.find((a) => a.role_id === 'elasticsearch-developer')!,
    };
  };

  it('refuses with nothing fixed, and when the member is removed instead of fixed', async () => {
    expect(doctorLesson.check(await world.state(), world.baseline).passed).toBe(false);
    await world.cloud.removeMembers(world.orgId, [(await overGranted()).userId]);
    const removed = doctorLesson.check(await world.state(), world.baseline);
    expect(removed.passed).toBe(false);
    expect(removed.summary).toMatch(/member was removed/);
  });

  it('refuses a fix that adds a new warning; passes when the over-grant is fixed', async () => {
    const { userId, developer } = await overGranted();
    await world.cloud.createApiKey({
      description: 'org wide',
      expiration: '30d',
      role_assignments: {
        organization: [{ role_id: 'organization-admin', organization_id: world.orgId, application_roles: ['admin'] }],
      },
    });
    await world.cloud.removeRoleAssignments(userId, { project: { elasticsearch: [developer] } });
    expect(doctorLesson.check(await world.state(), world.baseline).summary).toMatch(/new problem/);
    // Counted as there from the start, the fix alone remains: the over-grant is gone.
    const orgWide = runDoctor((await world.state()).snapshot)
      .filter((f) => f.rule === 'org-scoped-application-roles')
      .map((f) => f.id);
    world.baseline = { ...world.baseline, findings: [...world.baseline.findings, ...orgWide] };
    const fixed = doctorLesson.check(await world.state(), world.baseline);
    expect(fixed.passed).toBe(true);
    expect(fixed.summary).toMatch(/over-grant/);
  });
});

describe('lesson 6: leaked key', () => {
  async function plant() {
    const io = sandboxIo(world.sandbox, '/dev/null');
    const leakedKeyId = await io.plantLeakedKey();
    const leakedProjectKey = await io.plantLeakedProjectKey!();
    world.since = await lastRequestSeq(world.sandbox);
    const state = await world.state();
    world.baseline = captureBaseline(state, state.snapshot.now, {
      leakedKeyId,
      leakedProjectKey,
      deadline: new Date(state.snapshot.now.getTime() + 120_000).toISOString(),
    });
    return leakedKeyId;
  }

  it('revoking a bystander project key counts as collateral', async () => {
    const leaked = await plant();
    await world.cloud.deleteApiKeys([leaked]);
    const prod = await world.project('search-prod');
    const es = createEsClient({
      projectId: prod.id,
      baseUrl: prod.endpoints.elasticsearch,
      apiKey: new Secret(world.sandbox.ownerKey),
      env: {},
    });
    const others = (await es.listApiKeys()).filter(
      (k) => !k.invalidated && k.id !== world.baseline.leakedProjectKey!.id,
    );
    await es.send(esRequests.invalidateApiKeys(prod.id, [world.baseline.leakedProjectKey!.id, others[0]!.id]));
    expect(leakedKeyLesson.check(await world.state(), world.baseline).summary).toMatch(/1 other key/);
  });

  it('refuses while the key is active and when other keys went with it', async () => {
    const leaked = await plant();
    expect(leakedKeyLesson.check(await world.state(), world.baseline).summary).toMatch(/still active/);
    const bystander = world.baseline.keyIds.find((id) => id !== leaked && id !== world.sandbox.ownerKeyId)!;
    await world.cloud.deleteApiKeys([leaked, bystander]);
    const result = leakedKeyLesson.check(await world.state(), world.baseline);
    expect(result.passed).toBe(false);
    expect(result.summary).toMatch(/other key/);
  });

  it('passes when exactly the leaked key is revoked in time, refuses the same after the deadline', async () => {
    const leaked = await plant();
    await world.cloud.deleteApiKeys([leaked]);
    // The project key leaked in the same log still works: the Cloud revocation does not reach it.
    const project = world.baseline.leakedProjectKey!;
    expect(leakedKeyLesson.check(await world.state(), world.baseline).summary).toContain(
      `project key ${project.id} still works`,
    );
    const prod = await world.project('search-prod');
    expect(prod.id).toBe(project.projectId);
    await createEsClient({
      projectId: prod.id,
      baseUrl: prod.endpoints.elasticsearch,
      apiKey: new Secret(world.sandbox.ownerKey),
      env: {},
    }).send(esRequests.invalidateApiKeys(prod.id, [project.id]));
    const state = await world.state();
    const passed = leakedKeyLesson.check(state, world.baseline);
    expect(passed.passed).toBe(true);
    expect(passed.summary).toContain(project.id);
    const late = { ...world.baseline, deadline: new Date(state.snapshot.now.getTime() - 1000).toISOString() };
    expect(leakedKeyLesson.check(state, late).summary).toMatch(/after the deadline/);
  });
});
