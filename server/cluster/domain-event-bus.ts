import type { Config } from '../config/config.schema';
import type { BackgroundTasks } from '../platform/background';
import { DomainEvents } from '../platform/domain-events';
import { ClusterBus, type ClusterMessaging } from './cluster-bus';
import { connectRedisMessaging } from './redis-messaging';

export interface NodeBus {
  bus: DomainEvents;
  /** Stops receiving the other nodes' events, after those already received have run. */
  close(): Promise<void>;
}

/**
 * The domain-event bus of this node: the in-process one on a single node (no REDIS_URL), the
 * cluster bus over Redis pub/sub otherwise. `messaging` replaces the Redis connection this opens
 * (a cluster client shared with the socket.io adapter, or a test's).
 */
export async function nodeBus(config: Pick<Config, 'redisUrl' | 'nodeId'>, tasks: Pick<BackgroundTasks, 'run' | 'runAsync' | 'failed'>, messaging?: ClusterMessaging & { close?(): Promise<void> }): Promise<NodeBus> {
  if (!config.redisUrl && !messaging) return { bus: new DomainEvents(tasks), close: async () => {} };
  const connection = messaging ?? (await connectRedisMessaging(config.redisUrl!, tasks));
  const bus = new ClusterBus({ messaging: connection, node: config.nodeId, tasks });
  await bus.start();
  return {
    bus,
    async close() {
      await bus.settled();
      await connection.close?.();
    },
  };
}
