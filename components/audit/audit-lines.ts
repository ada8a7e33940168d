/**
 * The audit trail as lines, newest first: one line per write (time, mode, method, path, status, outcome) and one
 * per verification. An unknown outcome is the line that matters most (a write that may or may not have happened),
 * so it is spelled out and highlighted. Pure.
 */
import type { AuditEntry } from '../../src/audit/index.js';
import { line, tone, type Line, type Segment } from '../../src/ui/lines.js';
import type { Symbols } from '../../src/ui/theme.js';

const time = (iso: string) => iso.slice(0, 19).replace('T', ' ');

function outcome(entry: Extract<AuditEntry, { type: 'write' }>, symbols: Symbols): Segment {
  switch (entry.outcome) {
    case 'done':
      return tone('success', `${symbols.ok} done${entry.note ? ` (${entry.note})` : ''}`);
    case 'failed':
      return tone('danger', `${symbols.fail} failed${entry.errorMessage ? `: ${entry.errorMessage}` : ''}`);
    case 'unknown':
      return tone('warning', `${symbols.warn} unknown outcome — refresh and check`, true);
  }
}

function auditEntryLine(entry: AuditEntry, symbols: Symbols): Line {
  const head: Segment[] = [tone('muted', `${time(entry.time)} `), { text: `${entry.mode.padEnd(8)}` }];
  if (entry.type === 'verify') {
    const result =
      entry.result === 'confirmed'
        ? tone('success', `${symbols.ok} verified`)
        : tone('warning', `${symbols.warn} verified: ${entry.result}`);
    return line(
      ...head,
      tone('muted', `${entry.method.padEnd(7)}${entry.path} `),
      result,
      entry.detail ? tone('muted', ` — ${entry.detail}`) : '',
    );
  }
  const status = entry.status === null ? 'no answer' : String(entry.status);
  return line(
    ...head,
    tone(entry.method === 'DELETE' ? 'danger' : 'accent', entry.method.padEnd(7)),
    `${entry.path} `,
    tone('muted', `${status.padEnd(4)} `),
    outcome(entry, symbols),
  );
}

export function auditLines(entries: readonly AuditEntry[], symbols: Symbols): Line[] {
  if (entries.length === 0) return [line(tone('muted', 'No writes recorded yet.'))];
  return [...entries].reverse().map((e) => auditEntryLine(e, symbols));
}

/**
 * Which entries the view shows: by default the writes to the organization in use (the trail is shared by every
 * session on this machine, whatever organization it managed), else all of them. Without a known organization, all.
 */
export function entriesInScope(
  entries: readonly AuditEntry[],
  organizationId: string | undefined,
  allOrganizations: boolean,
): { shown: AuditEntry[]; elsewhere: number } {
  if (allOrganizations || organizationId === undefined) return { shown: [...entries], elsewhere: 0 };
  const shown = entries.filter((e) => e.organizationId === organizationId);
  return { shown, elsewhere: entries.length - shown.length };
}
