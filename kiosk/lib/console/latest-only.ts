import type { ApiResult } from './api';

/**
 * Wraps a GET so that, of loads that overlap, only the latest one's answer comes back (`null` for
 * the others): an older answer arriving after a newer one must not bring back what it did not know.
 */
export function latestOnly<T>(get: () => Promise<ApiResult<T>>): () => Promise<ApiResult<T> | null> {
  let loads = 0;
  return async () => {
    const ticket = ++loads;
    const result = await get();
    return ticket === loads ? result : null;
  };
}
