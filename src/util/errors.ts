/**
 * What a caught value says about itself. `catch` gives `unknown`, and a thrown value need not be an Error, so these
 * look before they read instead of asserting a type.
 */

/** Node's error code (`ENOENT`, `EACCES`, …), when the value carries one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** An Error's message, or the value itself as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
