import type { Config } from '../config/config.schema';
import { TokenBuckets, type KeyedRateLimits, type TokenBucketOptions } from '../platform/token-bucket';
import { redisRateLimitOptions, type SharedLimitOptions } from './rate-limit-store';
import { connectRedis, type RedisConnection } from './redis';
import { RedisTokenBuckets } from './redis-token-buckets';
import { clusterSocketOptions } from './socket-adapter';

/** What a node of a cluster shares through Redis; `undefined` from joinCluster on a single node. */
export interface ClusterNode {
  nodeId: string;
  redis: RedisConnection;
  /** Failed sign-ins counted across nodes. */
  signInLimits: SharedLimitOptions;
  close(): Promise<void>;
}

/**
 * Connects this node to the cluster's Redis when REDIS_URL is set; a single node (no REDIS_URL)
 * gets undefined and runs exactly as before. Redis errors after the start go to `onError`.
 */
export async function joinCluster(config: Pick<Config, 'redisUrl' | 'nodeId'>, onError: (error: unknown) => void): Promise<ClusterNode | undefined> {
  if (config.redisUrl === undefined) return undefined;
  const redis = await connectRedis({ url: config.redisUrl, onError });
  return {
    nodeId: config.nodeId,
    redis,
    signInLimits: redisRateLimitOptions(redis, 'sign-in', onError),
    close: () => redis.close(),
  };
}

/** socket.io's options for this node: the Redis adapter and websocket only in a cluster, nothing otherwise. */
export function socketOptionsFor(cluster: ClusterNode | undefined) {
  return clusterSocketOptions(cluster?.redis);
}

/** The ingest's per-device buckets: shared in Redis in a cluster, in memory on a single node. */
export function deviceRateLimits(cluster: ClusterNode | undefined, options: TokenBucketOptions, onError: (error: unknown) => void): KeyedRateLimits {
  return cluster ? new RedisTokenBuckets(cluster.redis, { ...options, prefix: 'showfloor:ingest-bucket:', onError }) : new TokenBuckets(options);
}
