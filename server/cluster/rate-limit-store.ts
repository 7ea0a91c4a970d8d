import type { Options } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { RedisConnection } from './redis';

/** What a limiter needs to count in Redis, spread into express-rate-limit's options. */
export type SharedLimitOptions = Pick<Options, 'store' | 'passOnStoreError' | 'logger'>;

/**
 * An express-rate-limit store in Redis, so that every node counts the same failures (a guesser
 * cannot multiply its tries by the number of nodes). While Redis is away the store fails at once
 * instead of queueing, and the limiter lets the request through (passOnStoreError): the console
 * can still be signed into during a Redis outage. Errors go to `onError`, which throttles them.
 */
export function redisRateLimitOptions(redis: RedisConnection, name: string, onError: (error: unknown) => void): SharedLimitOptions {
  const store = new RedisStore({
    prefix: `showfloor:rate-limit:${name}:`,
    sendCommand: async (...command: string[]) => {
      if (!redis.isReady()) throw new Error('Redis is not connected');
      return redis.client.sendCommand<RedisReply>(command);
    },
  });
  return { store, passOnStoreError: true, logger: { error: (error) => onError(error), warn: (error) => onError(error) } };
}
