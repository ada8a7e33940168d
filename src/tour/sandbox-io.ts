/** The runner's connection to a running sandbox, and the one write the tour makes itself (lesson 6's leaked key). */
import { createCloudClient } from '../api/cloud-client.js';
import { SANDBOX_HTTP2 } from '../sandbox/protocol.js';
import { Secret } from '../util/secret.js';
import * as z from 'zod';
import { createEsClient } from '../api/es-client.js';
import { LEAKED_DESCRIPTION, LEAKED_PROJECT } from './lessons/06-leaked-key.js';
import { saveProgress } from './progress.js';
import type { TourIo } from './runner.js';
import { lastRequestSeq, loadTourState, type TourSandbox } from './sandbox-state.js';

/** Only the id is kept from the create answer; the secret halves are dropped unread. */
const CreatedKey = z.object({ id: z.string() });

export function sandboxIo(sandbox: TourSandbox, progressFile: string): TourIo {
  return {
    load: (since) => loadTourState(sandbox, since),
    lastSeq: () => lastRequestSeq(sandbox),
    async plantLeakedKey() {
      // Left open: its pool is the TUI's too (see loadTourState).
      const cloud = createCloudClient({
        baseUrl: sandbox.baseUrl,
        apiKey: new Secret(sandbox.ownerKey),
        env: {},
        http2: SANDBOX_HTTP2,
      });
      const created = await cloud.createApiKey({
        description: LEAKED_DESCRIPTION,
        expiration: '30d',
        role_assignments: {
          project: {
            elasticsearch: [
              {
                role_id: 'elasticsearch-developer',
                organization_id: sandbox.organizationId,
                all: true,
                application_roles: ['developer'],
              },
            ],
          },
        },
      });
      // The secret is the leak in the story; nobody needs it, so it is dropped here.
      return created.id;
    },
    async plantLeakedProjectKey() {
      const cloud = createCloudClient({
        baseUrl: sandbox.baseUrl,
        apiKey: new Secret(sandbox.ownerKey),
        env: {},
        http2: SANDBOX_HTTP2,
      });
      const project = (await cloud.listProjects('elasticsearch')).find((p) => p.name === LEAKED_PROJECT);
      if (!project) throw new Error(`the tour's sandbox has no project ${LEAKED_PROJECT}`);
      const es = createEsClient({
        projectId: project.id,
        baseUrl: project.endpoints.elasticsearch,
        apiKey: new Secret(sandbox.ownerKey),
        env: {},
        http2: SANDBOX_HTTP2,
      });
      const created = CreatedKey.parse(
        await es.send({
          method: 'POST',
          path: '/_security/api_key',
          body: {
            name: LEAKED_DESCRIPTION,
            expiration: '30d',
            role_descriptors: { deploy: { indices: [{ names: ['app-*'], privileges: ['write', 'create_index'] }] } },
          },
          target: { service: 'es', projectId: project.id },
          summary: 'create project API key',
        }),
      );
      // As with the Cloud key, the secret (and `encoded`) is the leak in the story and is dropped here.
      return { projectId: project.id, id: created.id };
    },
    save: (progress) => saveProgress(progressFile, progress),
  };
}
