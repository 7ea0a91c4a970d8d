import type { ClusterMessaging } from './cluster-bus';
import type { RedisConnection } from './redis';

/**
 * Pub/sub for the cluster bus on the node's Redis connection: publishing on its commands client
 * (while Redis is away, publishes wait in the client's queue and go out in order once it is back),
 * receiving on a subscriber connection of its own, which the client subscribes again after a
 * reconnection. Both close with the connection.
 */
export async function redisMessaging(redis: Pick<RedisConnection, 'client' | 'subscriber'>): Promise<ClusterMessaging> {
  const subscriber = await redis.subscriber();
  return {
    publish: (channel, message) => redis.client.publish(channel, message),
    subscribe: (channel, listener) => subscriber.subscribe(channel, listener),
  };
}
