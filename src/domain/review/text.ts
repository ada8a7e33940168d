/** The table format (a person at a terminal) for an export and for a diff. */
import { GRANT_COLUMNS, roleCell, scopeCell, textTable, VIA_LABEL } from './cells.js';
import type { AccessDiff } from './diff.js';
import type { AccessExport } from './document.js';
import type { AccessGrant } from './grants.js';
import { kindLabel } from './principals.js';

export function grantsTable(grants: readonly AccessGrant[]): string {
  if (grants.length === 0) return '(no grants)';
  return textTable(
    GRANT_COLUMNS.map(([header]) => header),
    grants.map((g) => GRANT_COLUMNS.map(([, cell]) => cell(g))),
  );
}

export function exportText(doc: AccessExport): string {
  const p = doc.summary.principals;
  const who = Object.entries(p)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return `${grantsTable(doc.grants)}\n\n${doc.summary.grants} grants (${who}) in ${doc.organization.name}, as of ${doc.generated_at}\n`;
}

const changeRow = (mark: string, g: AccessGrant) => [
  mark,
  kindLabel(g.principal.kind),
  g.principal.identity,
  scopeCell(g),
  roleCell(g),
  VIA_LABEL[g.via],
];
const grantsText = (grants: readonly AccessGrant[]) =>
  grants.map((g) => `${roleCell(g)} (${VIA_LABEL[g.via]})`).join('; ');

export function diffText(diff: AccessDiff): string {
  const s = diff.summary;
  const head = `Changes in ${diff.organization.name} from ${diff.since} to ${diff.until}: ${s.added} added, ${s.removed} removed, ${s.altered} altered, ${s.principals_gone} principal(s) gone, ${s.keys_expired} key(s) expired`;
  const grantRows = [...diff.added.map((g) => changeRow('+', g)), ...diff.removed.map((g) => changeRow('-', g))];
  const blocks = [
    head,
    grantRows.length > 0 ? textTable(['', 'PRINCIPAL', 'IDENTITY', 'SCOPE', 'ROLE', 'VIA'], grantRows) : '',
    diff.altered
      .map(
        (c) =>
          `~ ${kindLabel(c.principal.kind)} ${c.principal.identity} on ${scopeCell(c.after[0]!)}\n    before: ${grantsText(c.before)}\n    after:  ${grantsText(c.after)}`,
      )
      .join('\n'),
    diff.principals_gone
      .map((p) => `gone: ${kindLabel(p.principal.kind)} ${p.principal.identity} (${p.grants} grant(s))`)
      .join('\n'),
    diff.keys_expired
      .map(
        (k) => `expired: ${kindLabel(k.principal.kind)} ${k.principal.identity} (${k.principal.id}) on ${k.expired_at}`,
      )
      .join('\n'),
  ];
  const total = s.added + s.removed + s.altered + s.principals_gone + s.keys_expired;
  return `${blocks.filter(Boolean).join('\n\n')}${total === 0 ? '\n\nNo changes.' : ''}\n`;
}
