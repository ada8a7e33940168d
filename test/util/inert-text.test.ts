/** Server text shown, never obeyed: src/util/inert-text.ts. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { hasHostileText, inertJson, inertLines, inertStringify, inertText } from '../../src/util/inert-text.js';

/** Every code point the terminal could act on or that hides text: C0, DEL, C1, bidi, zero-width, separators. */
const HOSTILE_CODES = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c,
  0x200b,
  0x200c,
  0x200d,
  0x200e,
  0x200f,
  0x2028,
  0x2029,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2060,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0xfeff,
];
const HOSTILE_CHARS = HOSTILE_CODES.map((c) => String.fromCharCode(c));
const containsHostile = (s: string) => HOSTILE_CHARS.some((c) => s.includes(c));

/** Strings mixing ordinary text, hostile characters and whole escape sequences. */
const mixed = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(...HOSTILE_CHARS),
      fc.constantFrom(
        '\x1b]52;c;aGk=\x07',
        '\x1b]0;pwned\x07',
        '\x1b]8;;https://x\x1b\\',
        '\x1b[2J',
        '\x9b2J',
        '\u202e',
      ),
      fc.string({ unit: 'binary' }),
    ),
  )
  .map((parts) => parts.join(''));

it('leaves no hostile character behind, for any input', () => {
  fc.assert(
    fc.property(mixed, (s) => {
      expect(containsHostile(inertText(s))).toBe(false);
      expect(hasHostileText(inertText(s))).toBe(false);
    }),
  );
});

it('is idempotent and leaves clean text exactly as it was', () => {
  fc.assert(
    fc.property(mixed, (s) => {
      const once = inertText(s);
      expect(inertText(once)).toBe(once);
      if (!containsHostile(s)) expect(once).toBe(s);
      expect(hasHostileText(s)).toBe(containsHostile(s));
    }),
  );
});

it('shows controls as \\xNN and bidi or zero-width characters as <U+NNNN>', () => {
  expect(inertText('a\x1b]52;c;aGk=\x07b')).toBe('a\\x1b]52;c;aGk=\\x07b');
  expect(inertText('\x9b2J\x7f')).toBe('\\x9b2J\\x7f');
  expect(inertText('abc\u202edef\u200b\ufeff')).toBe('abc<U+202E>def<U+200B><U+FEFF>');
  expect(inertText('line\nbreak\ttab')).toBe('line\\x0abreak\\x09tab');
  expect(inertText('Zoë 日本 — ok')).toBe('Zoë 日本 — ok');
});

it('inertLines keeps our line breaks and escapes the rest', () => {
  fc.assert(
    fc.property(mixed, (s) => {
      const out = inertLines(s);
      expect(containsHostile(out.replaceAll('\r\n', '').replaceAll('\n', ''))).toBe(false);
      expect(out.split('\n').length).toBe(s.split('\n').length);
    }),
  );
  // CSV rows end in CRLF; a lone CR (which would overwrite the line on a terminal) is still shown.
  expect(inertLines('a,b\r\nc\rd\n')).toBe('a,b\r\nc\\x0dd\n');
});

it('JSON output escapes the whole set as \\uXXXX and still parses to the exact value', () => {
  fc.assert(
    fc.property(mixed, fc.string(), (s, key) => {
      const value = { [key]: s, list: [s, 1, null] };
      const json = inertStringify(value, 2);
      expect(containsHostile(json.replaceAll('\n', ''))).toBe(false);
      expect(JSON.parse(json)).toEqual(value);
    }),
  );
  expect(inertJson(JSON.stringify('\u202e\x9b'))).toBe('"\\u202e\\u009b"');
});

it('leaves nothing in inertStringify output for inertLines to change (JSON output skips the line cleaning)', () => {
  const hostile = fc.constantFrom(
    'a',
    'é',
    '😀',
    '\n',
    '\r',
    '\r\n',
    '\u001b',
    '\u0000',
    '\u0085',
    '\u202e',
    '\u2028',
    '\ufeff',
  );
  const text = fc.array(hostile, { maxLength: 12 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 4 }))), (value) => {
      const json = inertStringify(value, 2);
      expect(inertLines(json)).toBe(json);
      expect(JSON.parse(json)).toEqual(value);
    }),
  );
});
