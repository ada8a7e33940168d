/** The rejection of an API call, checked to be an ApiError so tests read its fields without casts. */
import { ApiError } from '../../../src/api/errors.js';

/** The promise's rejection; a resolved promise or anything but an ApiError fails the test. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw new Error('expected an ApiError', { cause: error });
  }
  throw new Error('expected the call to fail');
}
