/**
 * A seeded, reproducible stream of random key presses for the monkey test. The same seed always gives the same
 * keys, so a failure report ("seed 42, key #5130") can be replayed exactly.
 *
 * The vocabulary is the app's own binding table (so new bindings are exercised without touching this file) plus
 * printable characters for the filter and form fields. Escape is drawn often so the monkey does not spend the
 * whole run typing into a text field. Keys that legitimately end the session are never drawn: `q` (quit) and
 * `ctrl+c` (interrupt, which quits or asks and then quits on `y`), nor control characters a terminal would turn
 * into job control (ctrl+z, ctrl+\) if raw mode ever slipped.
 */
import { BINDINGS } from '../../src/ui/bindings.js';

/** mulberry32: a tiny, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bindings whose keys end the program. Their keys are left out entirely, even where they mean something else. */
const QUITTING_BINDINGS: ReadonlySet<string> = new Set(['app.quit', 'app.interrupt']);

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  ...BINDINGS.filter((b) => QUITTING_BINDINGS.has(b.id)).flatMap((b) => [...b.keys]),
  'ctrl+c',
  'ctrl+d',
  'ctrl+z',
  'ctrl+\\',
]);

/** Every key the binding table names, minus the quitting ones. */
export function bindingVocabulary(): string[] {
  const keys = new Set<string>(BINDINGS.flatMap((b) => [...b.keys]));
  // Keys the table may not name yet but a user presses anyway.
  for (const extra of ['left', 'right', 'delete', 'space', 'home', 'end']) keys.add(extra);
  return [...keys].filter((k) => !FORBIDDEN_KEYS.has(k)).sort();
}

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter(
  (c) => !FORBIDDEN_KEYS.has(c),
);

export interface MonkeyMix {
  /** Share of escape presses (get out of inputs, overlays and details). */
  readonly escape: number;
  /** Share of keys from the binding vocabulary. The rest are printable characters. */
  readonly binding: number;
}

export const DEFAULT_MIX: MonkeyMix = { escape: 0.2, binding: 0.5 };

/** `count` key names (as `press()`/`keyBytes()` understand them) drawn from `seed`. */
export function monkeyKeys(seed: number, count: number, mix: MonkeyMix = DEFAULT_MIX): string[] {
  const random = mulberry32(seed);
  const vocabulary = bindingVocabulary();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    keys.push(r < mix.escape ? 'escape' : r < mix.escape + mix.binding ? pick(vocabulary) : pick(PRINTABLE));
  }
  return keys;
}
