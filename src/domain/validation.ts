/**
 * Field-level validation results shared by every parser and builder: one message per offending field, with a path a
 * person can find in the JSON they typed ("indices[0].privileges[1]: …"). Zod's own messages name types in zod's
 * vocabulary ("Invalid input: expected string, received undefined"), so issues are reworded here once.
 */
import type * as z from 'zod';

export interface FieldIssue {
  /** Dotted path into the input ("indices[0].privileges"); "" for the input as a whole. */
  readonly path: string;
  readonly message: string;
}

export type Validated<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: FieldIssue[] };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["indices", 0, "names"]` → `indices[0].names`; keys that are not identifiers are quoted (`metadata["a b"]`). */
export function formatPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

/** Joins a parent path and a child path, so nested validators can report relative to where they were called. */
export function joinPath(parent: string, child: string): string {
  if (parent === '') return child;
  if (child === '') return parent;
  return child.startsWith('[') ? `${parent}${child}` : `${parent}.${child}`;
}

export function issue(path: string, message: string): FieldIssue {
  return { path, message };
}

/** "indices[0].privileges: must not be empty", one issue per line; for CLI output and error panels. */
export function formatIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('\n');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    default:
      return expected;
  }
}

const quoteAll = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Zod 4 per-parse error map: plain wording for the issues people actually hit; zod's default for the rest. */
function friendlyMessage(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined
        ? 'is required'
        : `expected ${describeExpected(iss.expected)}, got ${describeValue(iss.input)}`;
    case 'too_small':
      if (iss.minimum === 1 && (iss.origin === 'array' || iss.origin === 'string')) return 'must not be empty';
      return undefined;
    case 'invalid_value':
      return `must be one of ${quoteAll(iss.values)}`;
    case 'unrecognized_keys':
      return `unknown field${iss.keys.length === 1 ? '' : 's'} ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return undefined;
  }
}

/** A discriminated union's "no matching discriminator" skips per-parse error maps, so it is reworded here. */
function finalMessage(i: z.core.$ZodIssue): string {
  if (i.code !== 'invalid_union' || !('options' in i) || !Array.isArray(i.options) || i.options.length === 0)
    return i.message;
  return `must be one of ${quoteAll(i.options)}`;
}

export function issuesFromZod(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => issue(joinPath(prefix, formatPath(i.path)), finalMessage(i)));
}

/** Parses with friendly messages; `prefix` is prepended to every issue path. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): Validated<z.output<S>> {
  const result = schema.safeParse(input, { error: friendlyMessage });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: issuesFromZod(result.error, prefix) };
}

/** A required text input ("userId", "description"): one issue when it is missing or blank. */
export function requireText(path: string, value: string | undefined): FieldIssue[] {
  return value === undefined || value.trim() === '' ? [issue(path, 'is required')] : [];
}
