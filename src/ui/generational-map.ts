/**
 * A Map with a bounded memory: entries live in a current generation; when it is full it becomes the previous
 * one and the one before is dropped. A hit in the previous generation moves the entry forward, so what is still
 * in use survives every turnover. At most 2 × limit entries are held.
 *
 * Used (through scripts/dependency-patches.mjs: ink-output-caches) for Ink's output caches, which Ink keeps per frame: shared across frames, a line drawn in the previous frame is not tokenized
 * and measured again.
 *
 * Values are never undefined, so a get that answers undefined means "not held" (as Ink's caches read it).
 */
export class GenerationalMap<K, V extends NonNullable<unknown> | null> {
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
    if (value !== undefined) return value;
    const moved = this.previous.get(key);
    if (moved === undefined) return undefined;
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
