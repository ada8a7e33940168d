/**
 * `JSON.stringify(value, null, space)` in pieces, so a large document (a 10,000-member access review is 200 MB)
 * can be written while it is serialized instead of being built as one string first. Concatenated, the pieces are
 * exactly the one-string form. Pure.
 *
 * Only a plain object at the top is split: each member on its own, and an array member in batches of elements,
 * each batch stringified by JSON.stringify at its final depth (so indentation and escaping are the engine's own).
 * Anything else is one piece. The one difference: an element's `toJSON(key)` is handed its index within the batch,
 * not within the array (no value written this way has a `toJSON` that reads its key).
 */

const ELEMENTS_PER_PIECE = 256;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !('toJSON' in value);
}

export function* jsonChunks(value: unknown, space = 2, elementsPerPiece = ELEMENTS_PER_PIECE): Generator<string> {
  const gap = ' '.repeat(Math.min(10, Math.max(0, Math.floor(space))));
  if (gap === '' || !isPlainObject(value)) {
    yield JSON.stringify(value, null, space) ?? 'null';
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = value[key];
    const name = JSON.stringify(key);
    const lead = first ? '{\n' : ',\n';
    if (Array.isArray(member) && member.length > 0) {
      first = false;
      yield `${lead}${gap}${name}: [\n`;
      yield* elementPieces(member, gap, elementsPerPiece);
      yield `\n${gap}]`;
      continue;
    }
    // Stringified as the only member of an object, so it is left out (undefined, a function) or given its
    // `toJSON(key)` exactly as in the whole document.
    const wrapped = JSON.stringify({ [key]: member }, null, gap);
    if (wrapped === '{}') continue;
    first = false;
    yield `${lead}${wrapped.slice(2, -2)}`;
  }
  yield first ? '{}' : '\n}';
}

/** An array member's elements at depth 2, comma-separated, `perPiece` at a time; no brackets, no final newline. */
function* elementPieces(array: readonly unknown[], gap: string, perPiece: number): Generator<string> {
  // Nested twice, a batch's elements come out at depth 2: `[\n<gap>[\n<el>,\n<el>\n<gap>]\n]`.
  const head = 2 + gap.length + 2;
  const tail = 1 + gap.length + 3;
  for (let start = 0; start < array.length; start += perPiece) {
    const text = JSON.stringify([array.slice(start, start + perPiece)], null, gap);
    yield `${start === 0 ? '' : ',\n'}${text.slice(head, -tail)}`;
  }
}
