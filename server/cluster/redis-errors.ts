/** Redis could not be reached at start (its own module, so main.ts can name it without loading the Redis client). */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}
