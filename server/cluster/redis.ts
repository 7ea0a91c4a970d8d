import { createClient, type RedisClientType } from 'redis';

/** The commands client every cluster module shares (socket.io adapter, rate limits, lease, invalidation). */
export type RedisClient = RedisClientType;

/** Tries at start before giving up: a Redis that is not there at all stops the start quickly. */
const START_ATTEMPTS = 3;
/** Longest wait between two reconnection attempts once running: a restarted Redis is found within seconds. */
const MAX_RECONNECT_DELAY_MS = 2_000;

export interface RedisConnection {
  /** Runs commands. While Redis is away its commands wait in the client's queue until it is back. */
  readonly client: RedisClient;
  /** A new connection for SUBSCRIBE (a subscribed connection can run nothing else); closed by close(). */
  subscriber(): Promise<RedisClient>;
  /** True while the commands client is connected and ready. */
  isReady(): boolean;
  /** Closes every connection this opened. */
  close(): Promise<void>;
}

export interface RedisOptions {
  url: string;
  /** Told of every connection error after the start; the caller throttles its logging (`BackgroundTasks.failed`). */
  onError: (error: unknown) => void;
}

/** Why the start stopped: names REDIS_URL and its host, never its password. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

/**
 * Connects to REDIS_URL at start: Redis that cannot be reached stops the start with a message
 * naming the variable and the host. Once running, a lost connection is retried forever in the
 * background (never an exception that would end the process), and errors go to `onError`.
 */
export async function connectRedis(options: RedisOptions): Promise<RedisConnection> {
  const subscribers = new Set<RedisClient>();
  let started = false;
  const client: RedisClient = createClient({
    url: options.url,
    socket: {
      connectTimeout: 5_000,
      // Before the start completes, a few quick tries then the error; afterwards, forever.
      reconnectStrategy: (retries, cause) => (!started && retries >= START_ATTEMPTS ? cause : Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS)),
    },
  });
  // Without a listener an 'error' event would end the process.
  client.on('error', (error: unknown) => {
    if (started) options.onError(error);
  });
  try {
    await client.connect();
  } catch (error) {
    // A failed connect has usually closed the client already.
    if (client.isOpen) client.destroy();
    throw new RedisUnavailableError(`REDIS_URL: cannot reach Redis at ${hostOf(options.url)}: ${(error as Error).message}`);
  }
  started = true;

  return {
    client,
    isReady: () => client.isReady,
    async subscriber() {
      const connection = client.duplicate();
      connection.on('error', (error: unknown) => options.onError(error));
      subscribers.add(connection);
      await connection.connect();
      return connection;
    },
    async close() {
      const open = [client, ...subscribers].filter((c) => c.isOpen);
      subscribers.clear();
      // close() lets queued commands finish; destroy() is for a Redis that is gone.
      await Promise.all(open.map((c) => (c.isReady ? c.close() : c.destroy())));
    },
  };
}

/** `host:port` of a Redis URL, the only part an error message may show. */
export function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'an unparseable URL';
  }
}
