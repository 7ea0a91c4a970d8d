import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { connectRedis, RedisUnavailableError } from '../../server/cluster/redis';
import { RedisTokenBuckets } from '../../server/cluster/redis-token-buckets';
import { freePort } from '../support/free-port';
import { connectLive } from '../support/live-client';
import { startRedis, type RedisInstance } from '../support/redis';
import { createDevice, postEvents, signIn, startTestServer, visitEvent, type TestServer } from '../support/test-server';

// Several nodes need PostgreSQL (REDIS_URL refuses SQLite): this file is in vitest's POSTGRES_ONLY list.
describe('two nodes sharing Redis and PostgreSQL', () => {
  let redis: RedisInstance;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    redis = await startRedis();
    const dataDir = mkdtempSync(join(tmpdir(), 'showfloor-cluster-'));
    const env = { DATA_DIR: dataDir, REDIS_URL: redis.url, LOGIN_MAX_FAILURES: '2', INGEST_DEVICE_BURST: '500', INGEST_DEVICE_EVENTS_PER_SECOND: '0.01' };
    a = await startTestServer({ ...env, NODE_ID: 'node-a' });
    b = await startTestServer({ ...env, NODE_ID: 'node-b' });
  });
  afterAll(async () => {
    await a?.stop({ keepData: true });
    await b?.stop();
    await redis?.stop();
  });

  it('carries a broadcast from one node to the sockets held by the other', async () => {
    const client = await connectLive(b.url);
    const closed = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
    // What revoking a device does: one node tells every socket of the namespace, wherever it is held.
    a.server.io.of('/live').disconnectSockets();
    expect(await closed).toBe('io server disconnect');
  }, 10_000);

  it('holds broadcasts while Redis is away and delivers them, in order, on every node once it is back', async () => {
    const onB = await connectLive(b.url);
    const received: string[] = [];
    onB.socket.onAny((event: string, ...payload: unknown[]) => {
      if (event === 'test:order') received.push(String(payload[0]));
    });
    await redis.stop({ crash: true });
    await expect.poll(() => a.server.cluster!.redis.isReady()).toBe(false);
    const emit = (n: number) => (a.server.io.of('/live') as unknown as { emit: (e: string, v: string) => void }).emit('test:order', `m${n}`);
    for (let n = 1; n <= 3; n++) emit(n);
    redis = await startRedis({ port: redis.port });
    await expect.poll(() => received, { timeout: 15_000 }).toEqual(['m1', 'm2', 'm3']);
    onB.close();
  }, 30_000);

  it('accepts websocket connections only, so that no sticky sessions are needed', async () => {
    const socket = io(`${a.url}/live`, { transports: ['polling'], reconnection: false, forceNew: true });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', () => resolve('refused'));
    });
    socket.close();
    expect(outcome).toBe('refused');
    expect(a.server.cluster?.nodeId).toBe('node-a');
  });

  it('counts failed sign-ins across nodes', async () => {
    const attempt = (url: string) =>
      fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }) });
    expect((await attempt(a.url)).status).toBe(401);
    expect((await attempt(b.url)).status).toBe(401);
    expect((await attempt(a.url)).status).toBe(429);
    expect((await attempt(b.url)).status).toBe(429);
  });

  it('spends one device bucket whichever node the posts reach', async () => {
    const device = await createDevice(a.url, { name: 'Door', role: 'sensor' }, await signIn(a.url));
    const batch = (n: number) => ({ events: Array.from({ length: n }, () => visitEvent()) });
    expect((await postEvents(a.url, device.token, batch(300))).status).toBe(200);
    const refused = await postEvents(b.url, device.token, batch(300));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect((await postEvents(b.url, device.token, batch(200))).status).toBe(200);
  });
});

describe('Redis for a node', () => {
  it('stops the start when Redis cannot be reached, naming REDIS_URL and the host, never the password', async () => {
    const port = await freePort();
    const error = await connectRedis({ url: `redis://:hunter22@127.0.0.1:${port}`, onError: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toContain(`REDIS_URL: cannot reach Redis at 127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('hunter22');
  });

  it('gives each caller a subscriber connection of its own, and closes every connection it opened', async () => {
    const server = await startRedis();
    const connection = await connectRedis({ url: server.url, onError: () => {} });
    try {
      const subscriber = await connection.subscriber();
      const heard = new Promise<string>((resolve) => void subscriber.subscribe('showfloor:test', resolve));
      await expect.poll(async () => (await connection.client.publish('showfloor:test', 'hello')) > 0).toBe(true);
      expect(await heard).toBe('hello');
      await connection.close();
      expect(subscriber.isOpen).toBe(false);
      expect(connection.client.isOpen).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it('reconnects by itself after Redis comes back, reporting the outage instead of crashing', async () => {
    const first = await startRedis();
    const errors: unknown[] = [];
    const connection = await connectRedis({ url: first.url, onError: (e) => errors.push(e) });
    try {
      await first.stop({ crash: true });
      await expect.poll(() => connection.isReady()).toBe(false);
      expect(errors.length).toBeGreaterThan(0);
      // A new Redis on the same port, as a restarted service would be.
      const second = await startRedis({ port: first.port });
      try {
        await expect.poll(() => connection.isReady(), { timeout: 10_000 }).toBe(true);
        expect(await connection.client.ping()).toBe('PONG');
      } finally {
        await second.stop();
      }
    } finally {
      await connection.close();
    }
  });

  it('shares a bucket between nodes, and limits on each node alone while Redis is away', async () => {
    const server = await startRedis();
    const connection = await connectRedis({ url: server.url, onError: () => {} });
    const options = { ratePerSecond: 0.001, burst: 10, now: Date.now, prefix: `test-bucket:${Math.random()}:`, onError: () => {} };
    const nodeA = new RedisTokenBuckets(connection, options);
    const nodeB = new RedisTokenBuckets(connection, options);
    try {
      expect(await nodeA.take('door', 10)).toEqual({ ok: true });
      const refused = await nodeB.take('door', 1);
      expect(refused.ok).toBe(false);
      expect(refused.ok === false && refused.retryAfterMs).toBeGreaterThan(900_000);
      await server.stop({ crash: true });
      await expect.poll(() => connection.isReady()).toBe(false);
      // B's own bucket is full: the post goes through rather than waiting for Redis.
      expect(await nodeB.take('door', 10)).toEqual({ ok: true });
      expect((await nodeB.take('door', 1)).ok).toBe(false);
    } finally {
      await connection.close();
    }
  });
});
