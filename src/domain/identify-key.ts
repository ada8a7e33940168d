/**
 * Which key a leaked value is. An Elasticsearch key's `encoded` form carries its id (base64 of `id:api_key`), so
 * it is found without sending the value anywhere; any other value (a Cloud key, unified or not) is presented to
 * the projects' `_authenticate`, which names the key it belongs to. Never returns or keeps the value.
 */
import { idFromEncodedKey, type LayeredKey } from './project-keys.js';

export type Identified =
  | { readonly kind: 'found'; readonly row: LayeredKey; readonly method: 'encoded-id' | 'authenticate' }
  | { readonly kind: 'not-found'; readonly reason: string };

export type AskAuthenticate = () => Promise<
  { readonly id: string; readonly managedBy?: string | undefined } | undefined
>;

export async function identifyKey(
  value: string,
  rows: readonly LayeredKey[],
  authenticate: AskAuthenticate,
): Promise<Identified> {
  const encodedId = idFromEncodedKey(value);
  if (encodedId !== undefined) {
    const row = rows.find((r) => r.layer === 'project' && r.id === encodedId);
    if (row) return { kind: 'found', row, method: 'encoded-id' };
    return {
      kind: 'not-found',
      reason: `an Elasticsearch API key with id ${encodedId}, in no project whose keys could be read (see ec-access keys list)`,
    };
  }
  const who = await authenticate();
  if (who) {
    const row = rows.find((r) => r.id === who.id);
    if (row) return { kind: 'found', row, method: 'authenticate' };
    return {
      kind: 'not-found',
      reason: `a project authenticates it as API key ${who.id}${who.managedBy ? ` (managed by ${who.managedBy})` : ''}, which is in no list ec-access can read`,
    };
  }
  return {
    kind: 'not-found',
    reason:
      "not an Elasticsearch key's encoded form, and no project accepted it: it is invalid or already revoked, or a Cloud key without stack access (application_roles), which its value alone cannot name; check the Cloud keys by owner (ec-access keys list)",
  };
}
