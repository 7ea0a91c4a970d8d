import { describe, expect, it } from 'vitest';
import { TokenBucket, TokenBuckets } from '../../server/platform/token-bucket';

const clock = (start = 1_000_000) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('token bucket', () => {
  it('allows a burst at once, then refuses and says how long until enough has refilled', () => {
    const c = clock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 50, now: c.now });
    expect(bucket.take(50)).toEqual({ ok: true });
    expect(bucket.take(1)).toEqual({ ok: false, retryAfterMs: 100 });
    expect(bucket.take(20)).toEqual({ ok: false, retryAfterMs: 2_000 });
    c.advance(1_999);
    expect(bucket.take(20).ok).toBe(false);
    c.advance(1);
    expect(bucket.take(20)).toEqual({ ok: true });
  });

  it('spends nothing on a refused take, and never holds more than the burst', () => {
    const c = clock();
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 500, now: c.now });
    expect(bucket.take(400).ok).toBe(true);
    expect(bucket.take(200).ok).toBe(false);
    expect(bucket.take(100).ok).toBe(true);
    c.advance(60 * 60_000);
    expect(bucket.take(500).ok).toBe(true);
    expect(bucket.take(1).ok).toBe(false);
  });

  it('lets a cost larger than the bucket through once full, leaving a debt the next takes wait out', () => {
    const c = clock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 100, now: c.now });
    expect(bucket.take(250)).toEqual({ ok: true });
    // 150 in debt, and one more event needs one token: 15.1 s.
    expect(bucket.take(1)).toEqual({ ok: false, retryAfterMs: 15_100 });
    c.advance(25_000);
    expect(bucket.take(250)).toEqual({ ok: true });
  });

  it('does not drain when the clock steps back', () => {
    const c = clock();
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 5, now: c.now });
    expect(bucket.take(3).ok).toBe(true);
    c.advance(-60_000);
    expect(bucket.take(2).ok).toBe(true);
    expect(bucket.take(1).ok).toBe(false);
    c.advance(1_000);
    expect(bucket.take(1).ok).toBe(true);
  });

  it('keeps one bucket per key and forgets full buckets first when it reaches its size', () => {
    const c = clock();
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 10, now: c.now, maxKeys: 3 });
    expect(buckets.take('a', 10).ok).toBe(true);
    expect(buckets.take('a', 1).ok).toBe(false);
    expect(buckets.take('b', 10).ok).toBe(true);
    buckets.take('c', 1);
    c.advance(1_000);
    // 'c' refilled completely; 'a' and 'b' are still spent: the new key replaces 'c'.
    buckets.take('d', 1);
    expect(buckets.size).toBe(3);
    expect(buckets.take('a', 5).ok).toBe(false);
    expect(buckets.take('b', 5).ok).toBe(false);
    for (let i = 0; i < 1_000; i++) buckets.take(`key-${i}`, 10);
    expect(buckets.size).toBeLessThanOrEqual(3);
  });
});
