/**
 * Reading one command's flags after args.ts has checked their names and types. Everything a script can get wrong
 * (an empty value, two flags that exclude each other, JSON that does not parse) is a UsageError, exit code 2, with a
 * message that names the flag.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type FlagValues } from '../../args.js';
import { errorCode, errorMessage } from '../../../util/errors.js';

export function flag(values: FlagValues, name: string): boolean {
  return values[name] === true;
}

/** The flag's value, or undefined when it was not given. A blank value is a mistake, not "absent". */
export function text(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed === '') throw new UsageError(`--${name} needs a non-empty value`);
  return trimmed;
}

export function required(values: FlagValues, name: string, what: string): string {
  const value = text(values, name);
  if (value === undefined) throw new UsageError(`--${name} is required (${what})`);
  return value;
}

/** `a,b, c` → `['a','b','c']`, duplicates dropped in order. */
export function list(values: FlagValues, name: string): string[] | undefined {
  const value = text(values, name);
  if (value === undefined) return undefined;
  const items = [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  if (items.length === 0) throw new UsageError(`--${name} needs at least one value`);
  return items;
}

/** Which of `names` was given; exactly one must be (or at most one, when `optional`). */
export function oneOf<N extends string>(values: FlagValues, names: readonly N[], optional?: false): N;
export function oneOf<N extends string>(values: FlagValues, names: readonly N[], optional: boolean): N | undefined;
export function oneOf<N extends string>(values: FlagValues, names: readonly N[], optional = false): N | undefined {
  const given = names.filter((n) => values[n] !== undefined);
  const spelled = names.map((n) => `--${n}`).join(' or ');
  if (given.length > 1) throw new UsageError(`use only one of ${spelled}`);
  if (given.length === 0 && !optional) throw new UsageError(`one of ${spelled} is required`);
  return given[0];
}

function parseJson(raw: string, source: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON: ${errorMessage(error)}`);
  }
}

/** Far above any role descriptor; stops `/dev/zero` or a FIFO that never ends from being read forever. */
const MAX_JSON_FILE_BYTES = 1024 * 1024;

/** Reads at most `max` bytes; more is an error (code EFBIG). Works for devices and pipes, whose size is unknown. */
function readCapped(path: string, max: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(max + 1);
    let size = 0;
    for (let n = 1; n > 0 && size <= max; size += n) n = readSync(fd, buffer, size, max + 1 - size, null);
    if (size > max) throw Object.assign(new Error(`larger than ${max / 1024} KiB`), { code: 'EFBIG' });
    return buffer.subarray(0, size).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** `--body JSON` or `--body-file PATH`. No `-` for stdin: stdin is where a confirmation is typed. */
export function jsonFromFlagOrFile(values: FlagValues, inline: string, file: string, cwd: string): unknown {
  const which = oneOf(values, [inline, file]);
  if (which === inline) return parseJson(text(values, inline)!, `--${inline}`);
  const path = resolve(cwd, text(values, file)!);
  let raw: string;
  try {
    raw = readCapped(path, MAX_JSON_FILE_BYTES);
  } catch (error) {
    throw new UsageError(`--${file}: cannot read ${path} (${errorCode(error) ?? 'error'})`);
  }
  return parseJson(raw, path);
}
