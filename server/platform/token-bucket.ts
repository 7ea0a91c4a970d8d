/** The answer of a bucket: go ahead, or come back after `retryAfterMs`. */
export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * One bucket per key, as the ingest route asks for it: in this process (TokenBuckets) or shared by
 * every node of a cluster (server/cluster/redis-token-buckets.ts).
 */
export interface KeyedRateLimits {
  take(key: string, cost?: number): TakeResult | Promise<TakeResult>;
}

export interface TokenBucketOptions {
  /** Tokens added per second, continuously. */
  ratePerSecond: number;
  /** The most tokens the bucket holds: how much may be spent at once after a quiet time. */
  burst: number;
  now: () => number;
}

/**
 * A token bucket: `burst` tokens at the start, refilled at `ratePerSecond`, spent by `take(cost)`.
 * Pure apart from the injected clock, so it is exact under test and cheap (no timers: the refill
 * is computed from the time elapsed when someone asks).
 *
 * A cost larger than the whole bucket is not refused forever: it is allowed once the bucket is
 * full and leaves the bucket in debt, which the following requests wait out. So a single large
 * request is slowed like many small ones, never starved.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst > 0)) throw new RangeError('a token bucket needs a positive rate and burst');
    this.tokens = options.burst;
    this.updatedAt = options.now();
  }

  /** Spends `cost` tokens if there are enough; otherwise spends nothing and says how long to wait. */
  take(cost = 1): TakeResult {
    this.refill();
    const needed = Math.min(cost, this.options.burst);
    if (this.tokens >= needed) {
      this.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((needed - this.tokens) / this.options.ratePerSecond) * 1000) };
  }

  /** True when the bucket has refilled completely: forgetting it changes nothing. */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.options.burst;
  }

  private refill(): void {
    const now = this.options.now();
    // A clock that steps back (NTP) must not drain the bucket.
    const elapsedMs = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.options.burst, this.tokens + (elapsedMs / 1000) * this.options.ratePerSecond);
    this.updatedAt = now;
  }
}

/**
 * One TokenBucket per key (a device id, a socket id), created on first use. Memory stays bounded:
 * at `maxKeys` the buckets that have refilled completely are forgotten first (a fresh bucket
 * would be identical), then the least recently created ones.
 */
export class TokenBuckets implements KeyedRateLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly options: TokenBucketOptions & { maxKeys?: number }) {}

  take(key: string, cost = 1): TakeResult {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      this.makeRoom();
      bucket = new TokenBucket(this.options);
      this.buckets.set(key, bucket);
    }
    return bucket.take(cost);
  }

  /** Forgets a key (a socket that closed, a device that was revoked). */
  delete(key: string): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  private makeRoom(): void {
    const max = this.options.maxKeys ?? 10_000;
    if (this.buckets.size < max) return;
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
    // Map iteration is insertion order: the oldest keys go first.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < max) break;
      this.buckets.delete(key);
    }
  }
}
