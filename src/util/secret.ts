/**
 * A credential that cannot leak by accident: printing, string interpolation, JSON and util.inspect all yield a
 * placeholder. Only `reveal()` returns the value, so every place a secret is really used is easy to find.
 */
import { inspect } from 'node:util';

export const REDACTED = '[redacted]';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  /** Last four characters, for telling two keys apart without showing either. */
  hint(): string {
    return this.#value.length > 12 ? `…${this.#value.slice(-4)}` : REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}
