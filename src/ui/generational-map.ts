/**
 * A Map with a bounded memory: entries live in a current generation; when it is full it becomes the previous
 * one and the one before is dropped. A hit in the previous generation moves the entry forward, so what is still
 * in use survives every turnover. At most 2 × limit entries are held.
 *
 * Used (through scripts/bundle.mjs) for Ink's output caches, which Ink keeps per frame: shared across frames, a
 * line drawn in the previous frame is not tokenized and measured again.
 */
export class GenerationalMap<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`GenerationalMap limit must be at least 1, not ${limit}`);
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined || this.current.has(key)) return value;
    if (!this.previous.has(key)) return undefined;
    const moved = this.previous.get(key) as V;
    this.previous.delete(key);
    this.set(key, moved);
    return moved;
  }

  has(key: K): boolean {
    return this.current.has(key) || this.previous.has(key);
  }

  set(key: K, value: V): this {
    if (!this.current.has(key) && this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
    return this;
  }
}

/** `fn` with its answers remembered in a GenerationalMap (for pure functions of one argument). */
export function memoizeBounded<K, V>(fn: (key: K) => V, limit: number): (key: K) => V {
  const answers = new GenerationalMap<K, V>(limit);
  return (key) => {
    let value = answers.get(key);
    if (value === undefined && !answers.has(key)) {
      value = fn(key);
      answers.set(key, value);
    }
    return value as V;
  };
}
