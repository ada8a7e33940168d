/**
 * Who a credential is, asked of the projects themselves: `_authenticate` sent *with* that credential. This is how
 * `keys identify` names a leaked value that is not an Elasticsearch key's encoded form (a Cloud key, unified or
 * not). The value goes only into the Authorization header of these requests: no retry, no debug log, no audit.
 */
import type { AuthenticateResponse } from '../api/schemas.js';
import type { Project } from '../api/schemas.js';
import type { Secret } from '../util/secret.js';
import type { EsClientFactory } from './es-access.js';
import { createLimiter } from './limit.js';

export type AuthenticateAs = (project: Project, credential: Secret) => Promise<AuthenticateResponse>;

/** `createEsClient` is told nothing but the project and the credential; the caller's factory adds transport options. */
export function createAuthenticateAs(createEsClient: EsClientFactory): AuthenticateAs {
  return (project, credential) =>
    createEsClient({
      projectId: project.id,
      baseUrl: project.endpoints.elasticsearch,
      apiKey: credential,
    }).authenticate();
}

export interface AuthenticatedKey {
  readonly id: string;
  readonly managedBy: string | undefined;
}

/** Asks each project, a few at a time; the first that knows the credential as an API key answers. */
export async function authenticateAnywhere(
  projects: readonly Project[],
  ask: (project: Project) => Promise<AuthenticateResponse>,
): Promise<AuthenticatedKey | undefined> {
  const limit = createLimiter(4);
  let found: AuthenticatedKey | undefined;
  await Promise.all(
    projects.map((project) =>
      limit(async () => {
        if (found) return;
        try {
          const who = await ask(project);
          const managedBy = typeof who.api_key?.managed_by === 'string' ? who.api_key.managed_by : undefined;
          if (who.api_key?.id) found ??= { id: who.api_key.id, managedBy };
        } catch {
          // 401/403 here only means this project does not accept the value; nothing about it is shown.
        }
      }),
    ),
  );
  return found;
}
