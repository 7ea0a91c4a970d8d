import { TokenBuckets, type KeyedRateLimits, type TakeResult, type TokenBucketOptions } from '../platform/token-bucket';
import type { RedisConnection } from './redis';

/**
 * TokenBucket's rule (server/platform/token-bucket.ts) run inside Redis, so that a device's posts
 * spread over several nodes share one bucket. Redis's own clock is read: the nodes' clocks may
 * differ, Redis's is one. A bucket that has refilled expires, as a fresh one would be identical.
 * ARGV: tokens per millisecond, burst, cost. Returns {1, 0} or {0, milliseconds to wait}.
 */
const TAKE_SCRIPT = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local needed = math.min(cost, burst)
if tokens < needed then
  return {0, math.ceil((needed - tokens) / rate)}
end
tokens = tokens - cost
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate) + 1000)
return {1, 0}
`;

/** Longer than a healthy Redis ever takes; past it the post is limited by this node alone. */
const REDIS_ANSWER_MS = 1_000;

/**
 * Per-key token buckets kept in Redis. When Redis is away or slow, each node limits on its own
 * (its in-memory buckets) instead of refusing or holding posts: counting goes on, PostgreSQL holds it.
 */
export class RedisTokenBuckets implements KeyedRateLimits {
  private readonly local: TokenBuckets;

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: TokenBucketOptions & { prefix: string; onError: (error: unknown) => void },
  ) {
    if (!(options.ratePerSecond > 0) || !(options.burst > 0)) throw new RangeError('a token bucket needs a positive rate and burst');
    this.local = new TokenBuckets(options);
  }

  async take(key: string, cost = 1): Promise<TakeResult> {
    if (!this.redis.isReady()) return this.local.take(key, cost);
    try {
      const [ok, retryAfterMs] = (await withTimeout(
        this.redis.client.eval(TAKE_SCRIPT, { keys: [this.options.prefix + key], arguments: [String(this.options.ratePerSecond / 1000), String(this.options.burst), String(cost)] }),
        REDIS_ANSWER_MS,
      )) as [number, number];
      return ok === 1 ? { ok: true } : { ok: false, retryAfterMs };
    } catch (error) {
      this.options.onError(error);
      return this.local.take(key, cost);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  // The late answer (or its error) is dropped, never left as an unhandled rejection.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
