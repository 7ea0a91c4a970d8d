import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { ServerOptions } from 'socket.io';
import type { RedisConnection } from './redis';

/**
 * socket.io's options for a node of a cluster, none for a single node. The Redis Streams adapter
 * carries every broadcast (room emits, disconnectSockets) to the other nodes; websocket only, because
 * HTTP long-polling would need every request of a session to reach the same node (sticky sessions),
 * and every page already connects with `transports: ['websocket']`.
 */
export function clusterSocketOptions(redis: RedisConnection | undefined): Partial<ServerOptions> {
  if (!redis) return {};
  return {
    transports: ['websocket'],
    // A short block, so a closed server's stream readers let go of Redis within a second.
    adapter: createAdapter(redis.client, { streamName: 'showfloor:socket.io', channelPrefix: 'showfloor:socket.io', blockTimeInMs: 1_000 }) as ServerOptions['adapter'],
  };
}
