/**
 * Opening the key wizard as a replacement for an existing key: rotation (same access, an expiration) and "a key like
 * it" with the access changed. Shared by the doctor's fixes and the `rotate key …` request.
 */
import type { Note } from '../../../components/wizard/model.js';
import type { ApiKey } from '../../../src/api/schemas.js';
import { formatExpiry } from '../../../src/domain/duration.js';
import type { OrgSnapshot } from '../../../src/domain/org.js';
import type { PanelSpec } from '../../../src/ui/contexts.js';
import { keyValuesFromKey, type FromKeyOptions } from './from-key.js';
import { keyPanel } from './KeyPanel.js';

function lifeOf(key: ApiKey, now: Date): string {
  return key.expiration_date ? `expires ${formatExpiry(new Date(key.expiration_date), now)}` : 'never expires';
}

/** What the pre-fill did, said before the first question. */
function introNotes(key: ApiKey, snapshot: OrgSnapshot, options: FromKeyOptions, caveats: readonly string[]): Note[] {
  const change = [
    ...(options.addStackAccess
      ? ["each project role also becomes the key's stack role (keys never inherit it from role_id)"]
      : []),
    ...(options.projectScoped
      ? [
          'organization-scoped stack access becomes all-projects-of-a-type entries, so it no longer reaches every future project',
        ]
      : []),
  ];
  return [
    {
      tone: 'accent',
      text:
        `Replaces "${key.description}" (${key.id}), which ${lifeOf(key, snapshot.now)}. Pre-filled from it${change.length > 0 ? `, except: ${change.join('; ')}` : ''}. ` +
        'The old key keeps working until you revoke it, which is offered once the new key exists.',
    },
    ...caveats.map((text): Note => ({ tone: 'warning', text })),
  ];
}

/** The wizard for a key like `key`; undefined when the key is no longer in the snapshot. */
export function replaceKeyPanel(
  snapshot: OrgSnapshot,
  keyId: string,
  options: FromKeyOptions = {},
): PanelSpec | undefined {
  const key = snapshot.keys.find((k) => k.id === keyId);
  if (!key) return undefined;
  const { values, caveats } = keyValuesFromKey(key, snapshot, options);
  return keyPanel(values, { replaces: key, intro: introNotes(key, snapshot, options, caveats) });
}
