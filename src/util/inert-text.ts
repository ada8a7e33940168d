/**
 * Server text made inert before it can reach a terminal. A name, an email or an error message chosen by someone
 * else must never drive the admin's terminal: an OSC 52 sequence sets the clipboard, OSC 0/2 the window title,
 * OSC 8 a hyperlink, and a bidi override makes `evil.com` read as `moc.live`. Ink strips cursor movement only.
 *
 * The characters that can act on a terminal or hide what a text says are shown instead of obeyed: C0 and C1
 * controls and DEL as `\x1b`, bidi controls and zero-width characters as `<U+202E>`. JSON output escapes the
 * same set as `\uXXXX` (lossless: a script reading it gets the server's exact value back). Pure.
 */

/**
 * C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F); bidi marks and overrides (U+061C, U+200E–U+200F,
 * U+202A–U+202E, U+2066–U+2069); zero-width characters (U+200B–U+200D, U+2060, U+FEFF); and the line and
 * paragraph separators (U+2028–U+2029), which some terminals and JavaScript parsers treat as line breaks.
 */
// Matching control characters is this pattern's whole job.
// eslint-disable-next-line no-control-regex
const HOSTILE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/g;
const HOSTILE_ONE = new RegExp(HOSTILE.source);

/**
 * The same set for inertLines, minus `\n` and the `\r` of a `\r\n`: one pass over the text, since a 10,000-member
 * export (200 MB) split into lines and joined again took seconds.
 */
// The class comes first so the engine can skip ahead to a candidate; the lookarounds then let a break through.
const HOSTILE_IN_LINES = new RegExp(`${HOSTILE.source}(?<!\\n)(?:(?<!\\r)|(?!\\n))`, 'g');
/**
 * The set minus `\n` and `\r`, and a `\r` not starting a `\r\n`: two plain scans that clear the usual text (JSON,
 * CSV, tables: breaks and nothing else) faster than the lookarounds above, which stop at every line break.
 */
const HOSTILE_BUT_BREAKS =
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole job
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;
const LONE_CR = /\r(?!\n)/;

/** The set JSON.stringify leaves unescaped (it escapes C0 itself). */
const JSON_UNESCAPED = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/g;

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0x9f ? `\\x${hex(code, 2).toLowerCase()}` : `<U+${hex(code, 4)}>`;
}

/** Whether `text` holds a character that `inertText` would rewrite. */
export function hasHostileText(text: string): boolean {
  return HOSTILE_ONE.test(text);
}

/** `text` with every control, bidi and zero-width character shown as a visible escape. Idempotent. */
export function inertText(text: string): string {
  return HOSTILE_ONE.test(text) ? text.replace(HOSTILE, visible) : text;
}

/**
 * For text we lay out ourselves (CLI tables, help, messages, CSV) that may also carry server text: line breaks
 * (`\n`, and `\r\n` as CSV requires) are ours and kept; everything else in the set, a lone `\r` included, is
 * shown as an escape.
 */
export function inertLines(text: string): string {
  return HOSTILE_BUT_BREAKS.test(text) || LONE_CR.test(text) ? text.replace(HOSTILE_IN_LINES, visible) : text;
}

/**
 * JSON text (as JSON.stringify writes it) with the rest of the set escaped as `\uXXXX`. Those characters can only
 * occur inside string literals there, so the document still parses to the same value.
 */
export function inertJson(json: string): string {
  return json.replace(JSON_UNESCAPED, (char) => `\\u${hex(char.charCodeAt(0), 4).toLowerCase()}`);
}

/** `JSON.stringify` whose output is safe to print. */
export function inertStringify(value: unknown, space?: number): string {
  return inertJson(JSON.stringify(value, null, space) ?? 'null');
}
