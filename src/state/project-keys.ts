/**
 * Reading every project's own API keys, a few projects at a time, each with the credential ec-access already
 * uses there for custom roles. A project that cannot be read comes back "unreadable" with the reason (no
 * credential, 403, network), never left out.
 */
import type { EsApi } from '../api/client.js';
import type { Project } from '../api/schemas.js';
import type { ProjectKeysOf } from '../domain/org.js';
import { createLimiter } from './limit.js';
import { describeError } from './resource.js';

/** The project's client, or why there is none. */
export type ProjectEs = (project: Project) => { readonly api: EsApi } | { readonly missing: string };

const CONCURRENCY = 8;

export async function readProjectKeys(projects: readonly Project[], esOf: ProjectEs): Promise<ProjectKeysOf[]> {
  const limit = createLimiter(CONCURRENCY);
  return Promise.all(
    projects.map((project) =>
      limit(async (): Promise<ProjectKeysOf> => {
        const route = esOf(project);
        if ('missing' in route) return { project, state: { status: 'unreadable', reason: route.missing } };
        try {
          return { project, state: { status: 'loaded', keys: await route.api.listApiKeys() } };
        } catch (error) {
          return { project, state: { status: 'unreadable', reason: describeError(error).message } };
        }
      }),
    ),
  );
}
