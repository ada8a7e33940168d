/**
 * jsonChunks (src/util/json-chunks.ts): the pieces, joined, are JSON.stringify's one-string form, for any JSON value
 * and any batch size; and a large array member really comes in several pieces.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { inertJson, inertStringify } from '../../src/util/inert-text.js';
import { jsonChunks } from '../../src/util/json-chunks.js';

const joined = (value: unknown, space?: number, perPiece?: number) => [...jsonChunks(value, space, perPiece)].join('');

// Any code point (astral ones, so multi-byte characters sit on piece boundaries), controls and bidi marks included.
const anyText = fc.string({ unit: 'binary' });
const anyJson = fc.jsonValue({ stringUnit: 'binary' });

it('joins to JSON.stringify for any JSON value, space and batch size', () => {
  const document = fc.oneof(anyJson, fc.dictionary(anyText, fc.oneof(fc.array(anyJson, { maxLength: 12 }), anyJson)));
  fc.assert(
    fc.property(document, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 5 }), (value, space, per) => {
      expect(joined(value, space, per)).toBe(JSON.stringify(value, null, space));
    }),
  );
});

it('escaped piece by piece, is the one-string inertStringify form', () => {
  const document = fc.dictionary(anyText, fc.array(fc.dictionary(anyText, anyText), { maxLength: 9 }));
  fc.assert(
    fc.property(document, fc.integer({ min: 1, max: 4 }), (value, per) => {
      expect([...jsonChunks(value, 2, per)].map(inertJson).join('')).toBe(inertStringify(value, 2));
    }),
  );
});

it('leaves out what JSON.stringify leaves out, and keeps a member toJSON and null prototype', () => {
  const value: unknown = Object.setPrototypeOf(
    {
      gone: undefined,
      fn: () => 1,
      when: new Date(0),
      list: [undefined, () => 1, new Date(1), { a: [] }, [], {}],
      empty: [],
      nested: { deep: [1, [2, { x: 'y' }]] },
    },
    null,
  );
  for (const per of [1, 2, 100]) expect(joined(value, 2, per)).toBe(JSON.stringify(value, null, 2));
  expect(joined({ gone: undefined })).toBe('{}');
  expect(joined({ toJSON: () => 'self' })).toBe('"self"');
  expect(joined(undefined)).toBe('null');
});

it('splits a large array member into pieces of the batch size', () => {
  const value = { head: 1, rows: Array.from({ length: 1000 }, (_, i) => ({ i, name: `row ${i}` })) };
  const pieces = [...jsonChunks(value, 2, 100)];
  expect(pieces.length).toBeGreaterThanOrEqual(10);
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(JSON.stringify(value, null, 2).length / 5);
});
