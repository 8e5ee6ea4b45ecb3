// The API server's refusal of a request, for tests that assert its exact status and message.
import { ApiError } from '../../../src/engine/apiserver/errors';

export function reject(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the API server to reject the request');
}
