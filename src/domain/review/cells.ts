/** How a grant's fields read as text, shared by the table, CSV and Markdown formats. */
import type { AccessGrant, GrantedVia } from './grants.js';
import { kindLabel } from './principals.js';

export const VIA_LABEL: Record<GrantedVia, string> = {
  direct: 'direct',
  all: 'all: true',
  organization: 'organization-wide',
  owner: 'owner',
};

export const scopeCell = (g: AccessGrant): string =>
  g.scope.kind === 'organization' ? `organization ${g.scope.name}` : `${g.scope.name} (${g.scope.type})`;

// A project key has no Cloud role: its `role` spells out what its descriptors allow.
export const roleCell = (g: AccessGrant): string =>
  g.privileges
    ? g.role
    : g.application_roles.length > 0
      ? `${g.role_id} + application_roles [${g.application_roles.join(', ')}]`
      : g.role_id;

export const stackRolesCell = (g: AccessGrant): string =>
  g.stack_roles.map((name) => (g.missing_roles.includes(name) ? `${name} (missing)` : name)).join(', ') || '-';

export const expiresCell = (g: AccessGrant): string => (g.expires_at ? g.expires_at.slice(0, 10) : '-');

export const principalCell = (g: AccessGrant): string => kindLabel(g.principal.kind);

/** The columns of the table and Markdown formats (CSV has one field per value instead). */
export const GRANT_COLUMNS: ReadonlyArray<readonly [header: string, cell: (g: AccessGrant) => string]> = [
  ['PRINCIPAL', principalCell],
  ['IDENTITY', (g) => g.principal.identity],
  ['SCOPE', scopeCell],
  ['ROLE', roleCell],
  ['STACK ROLES', stackRolesCell],
  ['VIA', (g) => VIA_LABEL[g.via]],
  ['EXPIRES', expiresCell],
];

/** Left-aligned columns measured in code points (as the TUI measures); the last column is not padded. */
export function textTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const width = (s: string) => Array.from(s).length;
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c))))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
