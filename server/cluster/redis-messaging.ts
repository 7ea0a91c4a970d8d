import { createClient } from 'redis';
import type { BackgroundTasks } from '../platform/background';
import type { ClusterMessaging } from './cluster-bus';

const CONNECT_TIMEOUT_MS = 10_000;

/** Pub/sub over Redis for the cluster bus, with its two connections (a subscriber can do nothing else). */
export interface RedisMessaging extends ClusterMessaging {
  close(): Promise<void>;
}

/**
 * Connects a publisher and a subscriber to `url`. Publishing never waits for a Redis that is away
 * (no offline queue: the publish fails at once and the bus logs it); both clients reconnect on their
 * own and the subscriber subscribes again when it is back. Connection errors are logged at most once
 * a minute through `tasks.failed`, never thrown into the process.
 */
export async function connectRedisMessaging(url: string, tasks: Pick<BackgroundTasks, 'failed'>): Promise<RedisMessaging> {
  const publisher = createClient({ url, disableOfflineQueue: true });
  const subscriber = publisher.duplicate();
  publisher.on('error', (error: unknown) => tasks.failed('cluster-bus.redis', error));
  subscriber.on('error', (error: unknown) => tasks.failed('cluster-bus.redis', error));
  // The client retries a refused connection for ever; a start must not hang on a wrong REDIS_URL.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`REDIS_URL: no answer from Redis at ${new URL(url).host} within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.all([publisher.connect(), subscriber.connect()]), timeout]);
  } catch (error) {
    await Promise.allSettled([publisher.destroy(), subscriber.destroy()]);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return {
    publish: (channel, message) => publisher.publish(channel, message),
    subscribe: (channel, listener) => subscriber.subscribe(channel, listener),
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
