/**
 * Helpers that scripts/bundle.mjs splices into Ink's dependencies at build time (see INK_PATCHES there); pure and
 * tested here against the code they stand in for.
 */

interface AnsiCode {
  readonly code: string;
  readonly endCode: string;
}

/**
 * Whether two characters' style lists are the same codes in the same order. Turning one into the other then takes
 * no escape codes at all, which @alcalzone/ansi-tokenize's diffAnsiCodes works out with three Sets per character;
 * most neighbouring characters on a screen share their styles.
 */
export function sameStyles(a: readonly AnsiCode[], b: readonly AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
  }
  return true;
}
