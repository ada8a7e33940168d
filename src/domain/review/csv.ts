/**
 * CSV per RFC 4180 (CRLF records, fields quoted when they hold a comma, quote, CR or LF, quotes doubled), with
 * formula injection defused: a cell starting with =, +, -, @, tab or CR is what a spreadsheet would evaluate, so
 * it gets a leading apostrophe (OWASP's advice), which spreadsheets show as text.
 */
import type { AccessDiff } from './diff.js';
import type { AccessGrant } from './grants.js';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRecords(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

export const CSV_HEADER = [
  'principal_kind',
  'principal_id',
  'identity',
  'scope_kind',
  'scope_id',
  'scope_name',
  'scope_type',
  'role_id',
  'role',
  'application_roles',
  'stack_roles',
  'missing_roles',
  'via',
  'expires_at',
] as const;

// Lists are joined with ';' so a cell stays one value for a spreadsheet filter.
function fields(g: AccessGrant): string[] {
  return [
    g.principal.kind,
    g.principal.id,
    g.principal.identity,
    g.scope.kind,
    g.scope.id,
    g.scope.name,
    g.scope.type,
    g.role_id,
    g.role,
    g.application_roles.join(';'),
    g.stack_roles.join(';'),
    g.missing_roles.join(';'),
    g.via,
    g.expires_at ?? '',
  ];
}

const RECORDS_PER_PIECE = 1024;

/** The grants' CSV in pieces of whole records (a 10,000-member review is 67 MB), header first. */
export function* grantsCsvPieces(grants: readonly AccessGrant[], perPiece = RECORDS_PER_PIECE): Generator<string> {
  yield csvRecords([CSV_HEADER]);
  for (let start = 0; start < grants.length; start += perPiece)
    yield csvRecords(grants.slice(start, start + perPiece).map(fields));
}

export function grantsCsv(grants: readonly AccessGrant[]): string {
  return csvRecords([[...CSV_HEADER], ...grants.map(fields)]);
}

/**
 * The diff as one table: a `change` column (added, removed, altered-before, altered-after, principal-gone,
 * key-expired) before the grant's fields. Gone principals have no grant fields past their identity.
 */
export function diffCsv(diff: AccessDiff): string {
  const principalOnly = (change: string, p: AccessDiff['principals_gone'][number]['principal'], expires = '') => [
    change,
    p.kind,
    p.id,
    p.identity,
    ...CSV_HEADER.slice(3, -1).map(() => ''),
    expires,
  ];
  return csvRecords([
    ['change', ...CSV_HEADER],
    ...diff.added.map((g) => ['added', ...fields(g)]),
    ...diff.removed.map((g) => ['removed', ...fields(g)]),
    ...diff.altered.flatMap((c) => [
      ...c.before.map((g) => ['altered-before', ...fields(g)]),
      ...c.after.map((g) => ['altered-after', ...fields(g)]),
    ]),
    ...diff.principals_gone.map((g) => principalOnly('principal-gone', g.principal)),
    ...diff.keys_expired.map((k) => principalOnly('key-expired', k.principal, k.expired_at)),
  ]);
}
