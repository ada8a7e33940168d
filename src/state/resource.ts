/**
 * One loadable thing (a list, a role descriptor) with its own loading and error state, so each screen can show its
 * own spinner or error. Data survives a reload: a refresh keeps the old rows on screen (and the selection on them)
 * until the new ones arrive.
 */
export interface ErrorInfo {
  readonly message: string;
  readonly hint?: string;
  readonly status?: number;
}

export type Resource<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly data?: T }
  | { readonly status: 'ready'; readonly data: T; readonly loadedAt: Date }
  | { readonly status: 'error'; readonly error: ErrorInfo; readonly data?: T };

export const IDLE: Resource<never> = { status: 'idle' };

export function dataOf<T>(resource: Resource<T> | undefined): T | undefined {
  return resource && resource.status !== 'idle' ? resource.data : undefined;
}

export function loading<T>(previous: Resource<T> | undefined): Resource<T> {
  const data = dataOf(previous);
  return data === undefined ? { status: 'loading' } : { status: 'loading', data };
}

export function failed<T>(previous: Resource<T> | undefined, error: ErrorInfo): Resource<T> {
  const data = dataOf(previous);
  return data === undefined ? { status: 'error', error } : { status: 'error', error, data };
}

export function ready<T>(data: T, loadedAt: Date): Resource<T> {
  return { status: 'ready', data, loadedAt };
}

/**
 * ApiError (src/api/errors.ts) carries `message`, `hint` and `status`; anything else thrown is reduced to its
 * message. Read structurally so a plain Error from a fake or the network layer reads the same way.
 */
export function describeError(error: unknown): ErrorInfo {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    const hint = 'hint' in error ? error.hint : undefined;
    const status = 'status' in error ? error.status : undefined;
    return {
      message: error.message,
      ...(typeof hint === 'string' && hint ? { hint } : {}),
      ...(typeof status === 'number' ? { status } : {}),
    };
  }
  return { message: String(error) };
}
