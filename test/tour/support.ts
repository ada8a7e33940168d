/** A real in-process sandbox for the lesson checks: the state they judge is read exactly as the tour reads it. */
import type { CloudApi } from '../../src/api/client.js';
import { createCloudClient } from '../../src/api/cloud-client.js';
import { createEsClient } from '../../src/api/es-client.js';
import type { Project, RoleDescriptor } from '../../src/api/schemas.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { captureBaseline } from '../../src/tour/baseline.js';
import { lastRequestSeq, loadTourState } from '../../src/tour/sandbox-state.js';
import type { Baseline, TourState } from '../../src/tour/types.js';
import { Secret } from '../../src/util/secret.js';

export interface World {
  readonly sandbox: RunningSandbox;
  readonly cloud: CloudApi;
  readonly orgId: string;
  baseline: Baseline;
  since: number;
  state(): Promise<TourState>;
  project(name: string): Promise<Project>;
  putRole(projectName: string, name: string, body: RoleDescriptor): Promise<void>;
  accept(email: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const sandbox = await startSandbox({ seed: 7 });
  const cloud = createCloudClient({ baseUrl: sandbox.baseUrl, apiKey: new Secret(sandbox.ownerKey), env: {} });
  const since = await lastRequestSeq(sandbox);
  const first = await loadTourState(sandbox, since);
  const world: World = {
    sandbox,
    cloud,
    orgId: sandbox.organizationId,
    baseline: captureBaseline(first, first.snapshot.now),
    since,
    state: () => loadTourState(sandbox, world.since),
    async project(name) {
      const found = (await world.state()).snapshot.projects.find((p) => p.name === name);
      if (!found) throw new Error(`no project ${name}`);
      return found;
    },
    async putRole(projectName, name, body) {
      const p = await world.project(projectName);
      await createEsClient({
        projectId: p.id,
        baseUrl: p.endpoints.elasticsearch,
        apiKey: new Secret(sandbox.ownerKey),
        env: {},
      }).putRole(name, body);
    },
    async accept(email) {
      const invitation = (await cloud.listInvitations(sandbox.organizationId)).find((i) => i.email === email);
      const response = await fetch(`${sandbox.controlUrl}/invitations/${invitation!.token}/_accept`, {
        method: 'POST',
        body: '{}',
      });
      if (!response.ok) throw new Error(`accept answered ${response.status}`);
    },
    async stop() {
      await cloud.close();
      await sandbox.stop();
    },
  };
  return world;
}
