import type { BackgroundTasks } from '../platform/background';
import { DomainEvents } from '../platform/domain-events';
import { ClusterBus } from './cluster-bus';
import type { ClusterNode } from './cluster-node';
import { redisMessaging } from './redis-messaging';

export interface NodeBus {
  bus: DomainEvents;
  /** Resolves once the other nodes' events received so far have run (their connection closes with the cluster's). */
  settle(): Promise<void>;
}

/**
 * The domain-event bus of this node: the in-process one on a single node (no REDIS_URL), the
 * cluster bus over the node's Redis pub/sub otherwise.
 */
export async function nodeBus(cluster: Pick<ClusterNode, 'nodeId' | 'redis'> | undefined, tasks: Pick<BackgroundTasks, 'run' | 'runAsync' | 'failed'>): Promise<NodeBus> {
  if (!cluster) return { bus: new DomainEvents(tasks), settle: async () => {} };
  const bus = new ClusterBus({ messaging: await redisMessaging(cluster.redis), node: cluster.nodeId, tasks });
  await bus.start();
  return { bus, settle: () => bus.settled() };
}
