/**
 * Names of custom roles inside a Serverless project (cloud-api.md §7; put_role `name` doc): they begin with a letter
 * or digit and contain only letters, digits, `_`, `-` and `.`. Names starting with `_` (ES's reserved prefix) are
 * therefore already excluded by the pattern.
 *
 * Decisions the references leave open:
 * - Length: at most 507 characters, the limit Elasticsearch documents for native role names (a role is stored as
 *   the document id `role-<name>`, and ids are capped at 512 bytes). Only ASCII is allowed, so characters are bytes.
 * - Reserved names: the predefined stack roles of every project type (`admin`, `developer`, `viewer`, `editor`,
 *   `t1_analyst`, …) plus Elasticsearch's `superuser`. They are refused case-insensitively although ES compares
 *   names exactly: a custom `Viewer` next to the predefined `viewer` is a trap in `application_roles`.
 */
import { PROJECT_TYPES } from '../api/schemas.js';
import { predefinedStackRoles } from './catalog.js';

export const ROLE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const ROLE_NAME_MAX_LENGTH = 507;

export const RESERVED_ROLE_NAMES: ReadonlySet<string> = new Set([
  ...PROJECT_TYPES.flatMap((type) => predefinedStackRoles(type)),
  'superuser',
]);

const ALLOWED = /[A-Za-z0-9_.-]/;
const ALPHANUMERIC = /[A-Za-z0-9]/;

function describeChar(char: string): string {
  if (char === ' ') return 'a space';
  const code = char.codePointAt(0)!;
  if (code > 0x20 && code < 0x7f) return `"${char}"`;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  // Invisible characters get only their code point, non-ASCII ones both (so "é" and "e" can be told apart).
  return code < 0x20 || code === 0x7f || /\s/u.test(char) ? `the invisible character ${hex}` : `"${char}" (${hex})`;
}

/**
 * The syntax rule alone (pattern and length). For names that may legitimately be predefined, such as the entries of
 * `application_roles`. Undefined when valid, else a message naming the first offending character and its position.
 */
export function validateRoleNameSyntax(name: string): string | undefined {
  if (name === '') return 'Enter a role name';
  const chars = Array.from(name);
  const first = chars[0]!;
  if (!ALPHANUMERIC.test(first)) return `A role name must begin with a letter or digit, not ${describeChar(first)}`;
  const bad = chars.findIndex((c) => !ALLOWED.test(c));
  if (bad >= 0) {
    return `${describeChar(chars[bad]!)} at position ${bad + 1} is not allowed: use only letters, digits, "_", "-" and "."`;
  }
  if (name.length > ROLE_NAME_MAX_LENGTH) {
    return `A role name may be at most ${ROLE_NAME_MAX_LENGTH} characters; this one has ${name.length}`;
  }
  return undefined;
}

export function isReservedRoleName(name: string): boolean {
  return RESERVED_ROLE_NAMES.has(name.toLowerCase());
}

/** A name for a new or edited custom role: the syntax rule, and not a predefined role's name. */
export function validateRoleName(name: string): string | undefined {
  const syntax = validateRoleNameSyntax(name);
  if (syntax) return syntax;
  if (isReservedRoleName(name)) {
    return `"${name}" is the name of a predefined role; choose another name`;
  }
  return undefined;
}
