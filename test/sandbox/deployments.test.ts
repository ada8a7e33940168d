/**
 * Hosted deployments in the sandbox: `GET /api/v1/deployments` as the ESS spec describes it, seeded per scale and
 * seed, seen by each key as far as its roles reach, and the only ids deployment role assignments may name.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { DeploymentInfo, DeploymentList, type RoleAssignments } from '../../src/api/schemas.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { seedOrganization } from '../../src/sandbox/seed.js';
import { cloudErrorCode, control } from './answers.js';
import {
  call,
  cloudClient,
  makeKey,
  members,
  missingRequired,
  NOW,
  SPEC_AVAILABLE,
  start,
  withSandbox,
} from './helpers.js';

let sb: RunningSandbox;
withSandbox('each', (started) => {
  sb = started;
});

const list = async (key = sb.ownerKey) => (await call(sb, 'GET', '/api/v1/deployments', { key })).as(DeploymentList);
const idsIn = (ra: RoleAssignments | undefined) => (ra?.deployment ?? []).flatMap((e) => e.deployment_ids ?? []);

describe('GET /api/v1/deployments', () => {
  it('answers a DeploymentsListResponse with every field the spec requires', async () => {
    const answer = await call(sb, 'GET', '/api/v1/deployments');
    expect(answer.status).toBe(200);
    if (SPEC_AVAILABLE) expect(missingRequired('DeploymentsListResponse', answer.json, undefined, 'user')).toEqual([]);
    const { deployments } = answer.as(DeploymentList);
    expect(deployments.map((d) => d.name)).toEqual(['ecommerce-search', 'logging-cluster', 'legacy-siem']);
    for (const d of deployments) {
      expect(d.id).toMatch(/^[0-9a-f]{32}$/);
      expect(d.resources.map((r) => r.kind)).toContain('elasticsearch');
      expect(new Set(d.resources.map((r) => r.region)).size).toBe(1);
    }
  });

  it('is what the client reads', async () => {
    expect(await cloudClient(sb).listDeployments()).toEqual((await list()).deployments);
  });

  it('needs a valid key (401)', async () => {
    expect((await call(sb, 'GET', '/api/v1/deployments', { key: null })).status).toBe(401);
  });

  it('shows a key only the deployments its roles reach', async () => {
    const [first, second] = (await list()).deployments;
    // The seeded viewer key holds project roles only.
    expect((await list(sb.viewerKey)).deployments).toEqual([]);
    const named = await makeKey(sb, { deployment: [{ role_id: 'deployment-viewer', deployment_ids: [second!.id] }] });
    expect((await list(named.key)).deployments.map((d) => d.id)).toEqual([second!.id]);
    const all = await makeKey(sb, { deployment: [{ role_id: 'deployment-editor', all: true }] });
    expect((await list(all.key)).deployments.map((d) => d.id)).toContain(first!.id);
    expect((await list(all.key)).deployments).toHaveLength(3);
  });
});

describe('GET /api/v1/deployments/{id}', () => {
  const get = (id: string, key = sb.ownerKey) => call(sb, 'GET', `/api/v1/deployments/${id}`, { key });

  it('answers a DeploymentGetResponse with every field the spec requires, for each seeded deployment', async () => {
    for (const { id, name } of (await list()).deployments) {
      const answer = await get(id);
      expect(answer.status).toBe(200);
      if (SPEC_AVAILABLE) expect(missingRequired('DeploymentGetResponse', answer.json, undefined, 'user')).toEqual([]);
      const info = answer.as(DeploymentInfo);
      expect([info.id, info.name]).toEqual([id, name]);
      expect(info.resources.elasticsearch).toHaveLength(1);
    }
  });

  it('tells each part’s status, health, region and current plan’s version; one deployment is unhealthy', async () => {
    const summary = await Promise.all(
      (await list()).deployments.map(async ({ id }) => {
        const info = (await get(id)).as(DeploymentInfo);
        const [es] = info.resources.elasticsearch;
        return {
          name: info.name,
          healthy: info.healthy,
          region: es!.region,
          status: es!.info.status,
          version: es!.info.plan_info.current?.plan?.elasticsearch?.version,
          kibana: info.resources.kibana.map((k) => [k.info.status, k.info.plan_info.current?.plan?.kibana?.version]),
        };
      }),
    );
    expect(summary).toEqual([
      {
        name: 'ecommerce-search',
        healthy: true,
        region: 'gcp-us-central1',
        status: 'started',
        version: '8.15.1',
        kibana: [['started', '8.15.1']],
      },
      {
        name: 'logging-cluster',
        healthy: true,
        region: 'aws-eu-west-1',
        status: 'started',
        version: '8.17.0',
        kibana: [['started', '8.17.0']],
      },
      {
        name: 'legacy-siem',
        healthy: false,
        region: 'azure-eastus2',
        status: 'started',
        version: '7.17.24',
        kibana: [['started', '7.17.24']],
      },
    ]);
    const siem = (await get((await list()).deployments[2]!.id)).as(DeploymentInfo);
    expect(siem.resources.elasticsearch[0]!.info.healthy).toBe(false);
    expect(siem.resources.integrations_server.map((p) => p.info.healthy)).toEqual([true]);
  });

  it('answers 404 deployments.deployment_not_found for an unknown id, in the BasicFailedReply shape', async () => {
    const answer = await get('f'.repeat(32));
    expect([answer.status, cloudErrorCode(answer)]).toEqual([404, 'deployments.deployment_not_found']);
    expect(answer.headers.get('x-cloud-error-codes')).toBe('deployments.deployment_not_found');
    if (SPEC_AVAILABLE) expect(missingRequired('BasicFailedReply', answer.json, undefined, 'user')).toEqual([]);
  });

  it('answers 404 for a deployment the key’s roles do not reach, and 401 without a key', async () => {
    const [shop] = (await list()).deployments;
    expect((await get(shop!.id, sb.viewerKey)).status).toBe(404);
    expect((await call(sb, 'GET', `/api/v1/deployments/${shop!.id}`, { key: null })).status).toBe(401);
  });

  it('is what the client reads', async () => {
    const [shop] = (await list()).deployments;
    expect(await cloudClient(sb).getDeployment(shop!.id)).toEqual((await get(shop!.id)).as(DeploymentInfo));
  });

  it('shows a stopped deployment at larger scales', async () => {
    const medium = await startSandbox({ seed: 7, scale: 'medium', now: NOW });
    try {
      const client = cloudClient(medium);
      const states = await Promise.all(
        (await client.listDeployments()).map(
          async (d) => (await client.getDeployment(d.id)).resources.elasticsearch[0]!.info.status,
        ),
      );
      expect(states).toContain('stopped');
      expect(states.filter((s) => s === 'started').length).toBeGreaterThan(states.length / 2);
    } finally {
      await medium.stop();
    }
  });
});

describe('the seeded deployments', () => {
  it('are the same for the same seed and differ for another', async () => {
    const again = await start();
    const other = await startSandbox({ seed: 8, now: NOW });
    try {
      const ids = (s: RunningSandbox) => cloudClient(s).listDeployments();
      expect(await ids(again)).toEqual(await ids(sb));
      expect((await ids(other)).map((d) => d.id)).not.toEqual((await ids(sb)).map((d) => d.id));
    } finally {
      await again.stop();
      await other.stop();
    }
  });

  it('grow with the scale, keeping the small ones first', () => {
    const at = (scale: 'small' | 'medium' | 'large') =>
      seedOrganization({ seed: 7, scale, now: NOW }).deployments.map((d) => d.id);
    const [small, medium, large] = [at('small'), at('medium'), at('large')];
    expect([small.length, medium.length, large.length]).toEqual([3, 12, 40]);
    expect(large.slice(0, 3)).toEqual(small);
    expect(new Set(large).size).toBe(large.length);
  });

  it('are what every seeded deployment assignment names', async () => {
    const known = new Set((await list()).deployments.map((d) => d.id));
    const client = cloudClient(sb);
    const named = [
      ...(await members(sb)).flatMap((m) => idsIn(m.role_assignments)),
      ...(await client.listInvitations(sb.organizationId)).flatMap((i) => idsIn(i.role_assignments)),
      ...(await client.listApiKeys()).flatMap((k) => idsIn(k.role_assignments)),
    ];
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('deployment role assignments', () => {
  const target = async () => (await members(sb)).find((m) => Object.keys(m.role_assignments ?? {}).length === 0)!;
  const grant = (ids: string[]) => ({
    deployment: [{ role_id: 'deployment-viewer', all: false, deployment_ids: ids }],
  });

  it('accept a seeded deployment id', async () => {
    const [deployment] = (await list()).deployments;
    const user = await target();
    const answer = await call(sb, 'POST', `/api/v1/users/${user.user_id}/role_assignments`, {
      body: grant([deployment!.id]),
    });
    expect(answer.status).toBe(200);
    const after = (await members(sb)).find((m) => m.user_id === user.user_id)!;
    expect(idsIn(after.role_assignments)).toEqual([deployment!.id]);
  });

  it('refuse an unknown deployment id with each endpoint’s 400 code, naming the field', async () => {
    const [deployment] = (await list()).deployments;
    const user = await target();
    const assign = await call(sb, 'POST', `/api/v1/users/${user.user_id}/role_assignments`, {
      body: grant([deployment!.id, 'f'.repeat(32)]),
    });
    expect([assign.status, cloudErrorCode(assign)]).toEqual([400, 'role_assignments.invalid_role']);
    expect(assign.text).toContain(`deployment ${'f'.repeat(32)} does not exist`);
    expect(assign.text).toContain('deployment[0].deployment_ids');
    // Nothing was added, not even the known id.
    expect(idsIn((await members(sb)).find((m) => m.user_id === user.user_id)!.role_assignments)).toEqual([]);

    const key = await call(sb, 'POST', '/api/v1/users/auth/keys', {
      body: { description: 'x', role_assignments: grant(['nope']) },
    });
    expect([key.status, cloudErrorCode(key)]).toEqual([400, 'api_keys.invalid_input']);
    const invite = await call(sb, 'POST', `/api/v1/organizations/${sb.organizationId}/invitations`, {
      body: { emails: ['new@example.com'], role_assignments: grant(['nope']) },
    });
    expect([invite.status, cloudErrorCode(invite)]).toEqual([400, 'root.invalid_data']);
  });
});

describe('/_sandbox/deployments/{id}', () => {
  it('takes a deployment away and leaves the assignments naming it', async () => {
    const [gone] = (await list()).deployments;
    const holders = async () => (await members(sb)).filter((m) => idsIn(m.role_assignments).includes(gone!.id));
    expect(await holders()).toHaveLength(1);
    expect((await control(sb, 'DELETE', `/deployments/${gone!.id}`)).status).toBe(200);
    expect((await list()).deployments.map((d) => d.id)).not.toContain(gone!.id);
    expect(await holders()).toHaveLength(1);
    const again = await control(sb, 'DELETE', `/deployments/${gone!.id}`);
    expect(again.status).toBe(404);
  });

  it('reads a state file saved before deployments had versions and health as running', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ec-access-deployments-')), 'state.json');
    const first = await startSandbox({ stateFile: file, seed: 3, now: NOW });
    const [shop] = await cloudClient(first).listDeployments();
    await first.stop();
    const Saved = z.looseObject({
      data: z.looseObject({
        deployments: z.array(z.looseObject({ resources: z.array(z.record(z.string(), z.unknown())) })),
      }),
    });
    const saved = Saved.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const d of saved.data.deployments) {
      delete d.version;
      for (const r of d.resources) {
        delete r.status;
        delete r.healthy;
      }
    }
    writeFileSync(file, JSON.stringify(saved));
    const second = await startSandbox({ stateFile: file, seed: 3, now: NOW });
    try {
      const info = await cloudClient(second).getDeployment(shop!.id);
      expect(info.healthy).toBe(true);
      expect(info.resources.elasticsearch[0]?.info.status).toBe('started');
    } finally {
      await second.stop();
    }
  });

  it('survives a restart from the saved state', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ec-access-deployments-')), 'state.json');
    const first = await startSandbox({ stateFile: file, seed: 3, now: NOW });
    const [gone, ...kept] = await cloudClient(first).listDeployments();
    await control(first, 'DELETE', `/deployments/${gone!.id}`);
    await first.stop();
    const second = await startSandbox({ stateFile: file, seed: 99, now: NOW });
    try {
      expect(await cloudClient(second).listDeployments()).toEqual(kept);
    } finally {
      await second.stop();
    }
  });
});
