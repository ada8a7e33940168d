/**
 * How a command answers. Scripts and agents get one JSON document on stdout; a person at a terminal gets tables.
 * The default follows stdout: JSON when it is not a TTY (a pipe, a file, an agent's subprocess), tables when it
 * is, so `ec-access keys list | jq` works without a flag. `--json` and `--table` force either.
 * Notes, warnings and errors go to stderr in both modes, so stdout stays parseable.
 */
import { UsageError } from '../../args.js';
import { inertJson, inertStringify } from '../../../util/inert-text.js';
import { jsonChunks } from '../../../util/json-chunks.js';
import type { CommandContext } from '../../command-spec.js';
import type { Delivery } from '../../write-pieces.js';

export type Format = 'json' | 'table';

export interface Output {
  readonly format: Format;
  /** The command's answer: `json` as one document in JSON mode, `human()` otherwise. */
  result(json: unknown, human: () => string): void;
  /**
   * A long answer (an access review is 200 MB at 10,000 members) written while it is produced, at the reader's
   * pace, byte for byte what `result` prints. 'reader-gone' when stdout was closed early (`| head`).
   */
  resultPieces(json: unknown, human: () => Iterable<string>): Promise<Delivery>;
  /** A line for the person (stderr) in both modes. */
  note(text: string): void;
}

function formatOf(ctx: CommandContext): Format {
  const json = ctx.values.json === true;
  const table = ctx.values.table === true;
  if (json && table) throw new UsageError('--json and --table contradict each other; use one');
  if (json) return 'json';
  if (table) return 'table';
  return ctx.io.stdoutIsTty ? 'table' : 'json';
}

export function createOutput(ctx: CommandContext): Output {
  const format = formatOf(ctx);
  return {
    format,
    result(json, human) {
      // JSON keeps server values exact, with control, bidi and zero-width characters escaped as \uXXXX.
      ctx.io.stdout(format === 'json' ? `${inertStringify(json, 2)}\n` : ensureNewline(human()));
    },
    async resultPieces(json, human) {
      const pieces = format === 'json' ? inertJsonPieces(json) : endWithNewline(human());
      if (ctx.io.stdoutPieces) return ctx.io.stdoutPieces(pieces, format === 'json' ? 'inert-json' : 'text');
      for (const piece of pieces) ctx.io.stdout(piece);
      return 'written';
    },
    note(text) {
      ctx.io.stderr(`ec-access: ${text}\n`);
    },
  };
}

function* inertJsonPieces(json: unknown): Generator<string> {
  for (const piece of jsonChunks(json, 2)) yield inertJson(piece);
  yield '\n';
}

function* endWithNewline(pieces: Iterable<string>): Generator<string> {
  let last = '';
  for (const piece of pieces) {
    if (piece !== '') last = piece;
    yield piece;
  }
  if (!last.endsWith('\n')) yield '\n';
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Left-aligned columns; the last column is not padded so long values do not leave trailing spaces. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, empty = '(none)'): string {
  if (rows.length === 0) return empty;
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** Short dates for tables (`2026-03-01`); JSON keeps the API's full timestamps. */
export function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '-';
}
