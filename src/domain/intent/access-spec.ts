/** The access a request asks for, read from its role, custom-role, feature and level words. One kind at a time. */
import type { Item } from './classify.js';
import { itemsOf } from './plan-input.js';
import type { AccessLevel } from './vocabulary.js';

export type AccessSpec =
  | { readonly kind: 'none' }
  | { readonly kind: 'stack'; readonly name: string }
  | { readonly kind: 'organization'; readonly roleId: string }
  | { readonly kind: 'custom'; readonly name: string }
  | { readonly kind: 'features'; readonly features: readonly string[]; readonly level: AccessLevel };

/** An access spec, or an error sentence. */
export function accessSpecOf(items: readonly Item[]): AccessSpec | string {
  const roles = itemsOf(items, 'role');
  const custom = itemsOf(items, 'custom-role');
  const features = [...new Set(itemsOf(items, 'feature').map((i) => i.feature))];
  const levels = [...new Set(itemsOf(items, 'level').map((i) => i.level))];
  if (levels.length > 1) return 'both read-only and full access were asked for; say one';
  const level = levels[0];

  const specs: AccessSpec[] = [
    ...roles.map((r): AccessSpec =>
      r.role.kind === 'stack' ? { kind: 'stack', name: r.role.name } : { kind: 'organization', roleId: r.role.roleId },
    ),
    ...custom.map((c): AccessSpec => ({ kind: 'custom', name: c.name })),
  ];
  if (features.length > 0) specs.push({ kind: 'features', features, level: level ?? 'read' });
  // "read-only" on its own is the Viewer role; next to a feature it only says how much of the feature.
  else if (level === 'read') specs.push({ kind: 'stack', name: 'viewer' });
  else if (level === 'all')
    return 'full access to what? Name a role (admin, developer, editor…) or a feature (dashboards, discover…)';

  if (specs.length > 1) return 'one role at a time, please: split the request in several';
  return specs[0] ?? { kind: 'none' };
}
