import type { Config } from '../config/config.schema';
import { TokenBuckets, type KeyedRateLimits, type TokenBucketOptions } from '../platform/token-bucket';
import type { ServerOptions } from 'socket.io';
import type { SharedLimitOptions } from './rate-limit-store';
import type { RedisConnection } from './redis';

/** What a node of a cluster shares through Redis; `undefined` from joinCluster on a single node. */
export interface ClusterNode {
  nodeId: string;
  redis: RedisConnection;
  /** Failed sign-ins counted across nodes. */
  signInLimits: SharedLimitOptions;
  /** socket.io's options in a cluster: the Redis Streams adapter, websocket only. */
  socketOptions: Partial<ServerOptions>;
  /** Per-device ingest buckets kept in Redis. */
  deviceLimits(options: TokenBucketOptions, onError: (error: unknown) => void): KeyedRateLimits;
  close(): Promise<void>;
}

/**
 * Connects this node to the cluster's Redis when REDIS_URL is set; a single node (no REDIS_URL)
 * gets undefined and runs exactly as before. Redis errors after the start go to `onError`.
 */
export async function joinCluster(config: Pick<Config, 'redisUrl' | 'nodeId'>, onError: (error: unknown) => void): Promise<ClusterNode | undefined> {
  if (config.redisUrl === undefined) return undefined;
  // Loaded only here: a single node never pays for loading the Redis client and the adapter at start.
  const [{ connectRedis }, { redisRateLimitOptions }, { RedisTokenBuckets }, { clusterSocketOptions }] = await Promise.all([
    import('./redis'),
    import('./rate-limit-store'),
    import('./redis-token-buckets'),
    import('./socket-adapter'),
  ]);
  const redis = await connectRedis({ url: config.redisUrl, onError });
  return {
    nodeId: config.nodeId,
    redis,
    signInLimits: redisRateLimitOptions(redis, 'sign-in', onError),
    socketOptions: clusterSocketOptions(redis),
    deviceLimits: (options, report) => new RedisTokenBuckets(redis, { ...options, prefix: 'showfloor:ingest-bucket:', onError: report }),
    close: () => redis.close(),
  };
}

/** socket.io's options for this node: the Redis adapter and websocket only in a cluster, nothing otherwise. */
export function socketOptionsFor(cluster: ClusterNode | undefined) {
  return cluster?.socketOptions ?? {};
}

/** The ingest's per-device buckets: shared in Redis in a cluster, in memory on a single node. */
export function deviceRateLimits(cluster: ClusterNode | undefined, options: TokenBucketOptions, onError: (error: unknown) => void): KeyedRateLimits {
  return cluster ? cluster.deviceLimits(options, onError) : new TokenBuckets(options);
}
