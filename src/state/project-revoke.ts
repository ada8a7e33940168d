/**
 * Invalidating one project's API keys and telling key by key what happened, for `keys revoke` and the keys screen
 * alike. The project's answer says which keys it invalidated; when there is no answer to trust (a 5xx, a reset or
 * a timeout after the request was sent, an unreadable 2xx) each key is read again from the project, and that settles
 * it (src/domain/project-keys.ts). Only a failed re-read leaves a key's outcome unknown.
 */
import { failedWriteOutcome } from '../api/outcome.js';
import { isApiError } from '../api/errors.js';
import {
  GetProjectApiKeysResponse,
  InvalidateApiKeysResponse,
  type ProjectApiKey,
} from '../api/project-key-schemas.js';
import { esRequests, type ApiRequest } from '../api/requests.js';
import type { VerifyResult } from '../audit/index.js';
import { projectRevokeOutcome, settleProjectRevoke, type ProjectKeyOutcome } from '../domain/project-keys.js';

/** Sends a request to the project it names (the CLI session's or the TUI router's `send`). */
export type SendRequest = (request: ApiRequest) => Promise<unknown>;

export interface ProjectRevokeResult {
  readonly outcomes: ProjectKeyOutcome[];
  /** The outcome was unknown and the project was read again to settle it. */
  readonly reread: boolean;
}

/** The keys of `ids` as the project lists them now; undefined when any of them could not be read. */
async function rereadKeys(
  send: SendRequest,
  projectId: string,
  ids: readonly string[],
): Promise<ProjectApiKey[] | undefined> {
  try {
    const found = await Promise.all(
      ids.map((id) =>
        send(esRequests.getApiKey(projectId, id)).then(
          (body) => GetProjectApiKeysResponse.parse(body).api_keys.filter((k) => k.id === id),
          (error: unknown) => {
            // Older Elasticsearch versions answer an unknown id with 404: the key is not listed.
            if (isApiError(error) && error.status === 404) return [];
            throw error;
          },
        ),
      ),
    );
    return found.flat();
  } catch {
    return undefined;
  }
}

/** Sends `request` (an invalidation of `ids` in one project) and judges each key, re-reading when needed. */
export async function revokeProjectKeys(
  send: SendRequest,
  request: ApiRequest,
  ids: readonly string[],
): Promise<ProjectRevokeResult> {
  if (request.target.service !== 'es') throw new Error(`${request.summary}: not a project request`);
  let cause: string;
  try {
    const answer = InvalidateApiKeysResponse.safeParse(await send(request));
    if (answer.success) return { outcomes: projectRevokeOutcome(ids, answer.data), reread: false };
    cause = 'the project answered, but its answer could not be read';
  } catch (error) {
    const message = error instanceof Error ? error.message : 'the request failed';
    // Refused, or never sent: nothing changed, and that is known without a re-read.
    if (failedWriteOutcome(error) === 'failed')
      return { outcomes: ids.map((id) => ({ id, status: 'failed', reason: message })), reread: false };
    cause = message;
  }
  const fresh = await rereadKeys(send, request.target.projectId, ids);
  const open = ids.map((id): ProjectKeyOutcome => ({ id, status: 'unknown' }));
  return { outcomes: settleProjectRevoke(open, fresh, cause), reread: true };
}

/** What a settled invalidation showed overall, for the audit trail's verify line; undefined while still unknown. */
export function verifyResultOf(outcomes: readonly ProjectKeyOutcome[]): VerifyResult | undefined {
  if (outcomes.some((o) => o.status === 'unknown')) return undefined;
  const gone = outcomes.filter((o) => o.status === 'revoked' || o.status === 'already-gone').length;
  return gone === outcomes.length ? 'confirmed' : gone === 0 ? 'not-applied' : 'partial';
}
