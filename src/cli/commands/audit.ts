/**
 * `ec-access audit [--limit N] [--json]`: the most recent audit entries, as a table or as JSON. Entries are already
 * redacted on disk, so nothing here needs to hide anything.
 */
import { auditPath, readAuditEntries, type AuditEntry } from '../../audit/index.js';
import { inertStringify } from '../../util/inert-text.js';
import type { CliIo, CommandContext } from '../command-spec.js';
import { errorCode, errorMessage } from '../../util/errors.js';

export type AuditCommandIo = Pick<CliIo, 'stdout' | 'stderr' | 'env'>;

const DEFAULT_LIMIT = 20;

const USAGE = `Usage: ec-access audit [--limit N] [--json]

Shows the most recent writes ec-access made (newest last), from the audit trail.
  --limit N   how many entries (default ${DEFAULT_LIMIT})
  --json      print the entries as a JSON array
`;

type Parsed = { help: true } | { help: false; limit: number; json: boolean } | { error: string };

function parseArgs(argv: readonly string[]): Parsed {
  let limit = DEFAULT_LIMIT;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--json') {
      json = true;
      continue;
    }
    const inline = arg.startsWith('--limit=') ? arg.slice('--limit='.length) : undefined;
    if (arg === '--limit' || inline !== undefined) {
      const value = inline ?? argv[++i];
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) {
        return { error: '--limit needs a whole number of at least 1' };
      }
      limit = Number(value);
      continue;
    }
    return { error: `unknown argument: ${arg}` };
  }
  return { help: false, limit, json };
}

/** Seconds are enough to line entries up with what the user remembers doing. */
const shortTime = (iso: string) => iso.replace(/\.\d+Z$/, 'Z');

function row(entry: AuditEntry): string[] {
  if (entry.type === 'write') {
    const why = entry.advice ?? entry.note;
    const outcome = why ? `${entry.outcome} (${why})` : entry.outcome;
    return [
      shortTime(entry.time),
      entry.mode,
      entry.method,
      entry.path,
      entry.status === null ? '-' : String(entry.status),
      outcome,
    ];
  }
  const outcome = `verified: ${entry.result}${entry.detail ? ` (${entry.detail})` : ''}`;
  return [shortTime(entry.time), entry.mode, entry.method, entry.path, '', outcome];
}

function table(entries: readonly AuditEntry[]): string {
  const rows = [['TIME', 'MODE', 'METHOD', 'PATH', 'STATUS', 'OUTCOME'], ...entries.map(row)];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)));
  return (
    rows
      .map((r) => r.map((cell, column) => (column === r.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '))
      .join('\n') + '\n'
  );
}

export function runAuditCommand(argv: string[], io: AuditCommandIo): Promise<number> {
  return new Promise((resolve) => resolve(auditCommand(argv, io)));
}

function auditCommand(argv: string[], io: AuditCommandIo): number {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    io.stderr(`ec-access audit: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
  let entries: AuditEntry[];
  try {
    entries = readAuditEntries({ limit: parsed.limit, env: io.env });
  } catch (error) {
    io.stderr(`ec-access audit: cannot read ${auditPath(io.env)}: ${errorCode(error) ?? errorMessage(error)}\n`);
    return 1;
  }
  if (parsed.json) {
    io.stdout(`${inertStringify(entries, 2)}\n`);
  } else if (entries.length === 0) {
    io.stdout(`No writes recorded yet (${auditPath(io.env)}).\n`);
  } else {
    io.stdout(table(entries));
  }
  return 0;
}

/** The dispatcher's entry point; the command takes its own flags, so it is registered as pass-through. */
export function runAudit(ctx: CommandContext): Promise<number> {
  return runAuditCommand([...ctx.args], ctx.io);
}
