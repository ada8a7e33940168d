/**
 * `d` on the keys screen: the marked rows (or the current one) of both layers. Only Cloud keys: the Cloud bulk
 * revocation as before. Any project key: one confirmation for all, one request per layer and project.
 */
import type { KeyRow } from './row.js';
import type { LayeredKey } from '../../src/domain/project-keys.js';
import type { AppActions } from '../../src/ui/contexts.js';
import { openConfirmation, openRevokeKeys } from '../../components/confirm/openers.js';
import { revokeLayeredSpec } from '../../components/confirm/specs-layered-keys.js';

export function openRevokeKeyRows(actions: AppActions, rows: readonly KeyRow[]): void {
  const unreadable = rows.filter((r) => r.kind === 'unreadable');
  const keys = rows.flatMap((r): LayeredKey[] =>
    r.kind === 'cloud'
      ? [{ layer: 'cloud', id: r.key.id, name: r.name, key: r.key }]
      : r.kind === 'project'
        ? [{ layer: 'project', id: r.key.id, name: r.name, key: r.key, project: r.project }]
        : [],
  );
  if (unreadable.length > 0) {
    actions.notify(
      `Keys of ${unreadable.map((r) => r.project.name).join(', ')} could not be read, so none of them can be chosen`,
      'warning',
    );
    if (keys.length === 0) return;
  }
  if (keys.every((k) => k.layer === 'cloud')) {
    openRevokeKeys(
      actions,
      keys.flatMap((k) => (k.layer === 'cloud' ? [k.key] : [])),
    );
  } else openConfirmation(actions, revokeLayeredSpec(keys));
}
