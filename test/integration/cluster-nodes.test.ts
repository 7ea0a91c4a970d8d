import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevice, signIn, startTestServer, type TestServer } from '../support/test-server';
import { startRedis, type RedisInstance } from '../support/redis';

// Two nodes in this process on one PostgreSQL database and one private Redis: what one node changes,
// the other's read models, sockets and figures follow (no node-local truth). PostgreSQL only.

let redis: RedisInstance;
let a: TestServer;
let b: TestServer;
let cookieA: string;
let cookieB: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  redis = await startRedis();
  a = await startTestServer({ REDIS_URL: redis.url, NODE_ID: 'node-a' });
  b = await startTestServer({ REDIS_URL: redis.url, NODE_ID: 'node-b', DATABASE_URL: a.databaseUrl! });
  cookieA = await signIn(a.url);
  cookieB = await signIn(b.url);
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await b?.stop();
  await a?.stop();
  await redis?.stop();
});

const call = async (node: TestServer, cookie: string, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${node.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as any) };
};

const snapshotOf = async (node: TestServer) => (await (await fetch(`${node.url}/api/v1/snapshot`)).json()) as any;

/** Connects and resolves once connected; closed after the suite. */
function connect(url: string, options: Parameters<typeof io>[1]): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Milliseconds until the socket closes; Infinity when it is still open after 6 s. */
const closedWithin = (socket: Socket) => {
  const started = Date.now();
  return new Promise<number>((resolve) => {
    const timer = setTimeout(() => resolve(Infinity), 6_000);
    socket.once('disconnect', () => (clearTimeout(timer), resolve(Date.now() - started)));
  });
};

describe('two nodes on one database and one Redis', () => {
  it('shows a content change made on A in B’s snapshot', async () => {
    const editable = (await call(a, cookieA, 'GET', '/api/v1/content')).body;
    const { version, updatedAt: _, ...item } = editable.items.find((i: { id: string }) => i.id === 'alpha-item-1');
    const saved = await call(a, cookieA, 'PUT', '/api/v1/items/alpha-item-1', { item: { ...item, title: { 'zh-CN': '集群', en: 'Cluster title' } }, baseVersion: version });
    expect(saved.status).toBe(200);
    await expect
      .poll(async () => (await snapshotOf(b)).sections.flatMap((s: { items: { id: string; title: { en: string } }[] }) => s.items).find((i: { id: string }) => i.id === 'alpha-item-1')?.title.en, { timeout: 5_000 })
      .toBe('Cluster title');
    // B saves over the version A stored: its own copy was reloaded, so the save is not a conflict.
    const fromB = await call(b, cookieB, 'PUT', '/api/v1/items/alpha-item-1', { item: { ...item, title: { 'zh-CN': '乙', en: 'From B' } }, baseVersion: version + 1 });
    expect(fromB.status).toBe(200);
  });

  it('shows a counter correction made on A in B’s snapshot', async () => {
    const before = (await snapshotOf(b)).counters.visitors.today as number;
    expect((await call(a, cookieA, 'POST', '/api/v1/counters/corrections', { delta: 7, reason: 'the side door sensor was off' })).status).toBe(201);
    await expect.poll(async () => (await snapshotOf(b)).counters.visitors.today, { timeout: 5_000 }).toBe(before + 7);
  });

  it('records on B a meeting with an organisation added on A, and A steps it from B’s version', async () => {
    const organisation = await call(a, cookieA, 'POST', '/api/v1/deals/organisations', { name: { 'zh-CN': '研究所', en: 'Institute' }, country: 'IT', type: 'research' });
    const partner = await call(a, cookieA, 'POST', '/api/v1/deals/partners', { name: { 'zh-CN': '园区', en: 'Park' } });
    expect([organisation.status, partner.status]).toEqual([201, 201]);
    const record = () => call(b, cookieB, 'POST', '/api/v1/deals/meetings', { organisationId: organisation.body.id, partnerId: partner.body.id, industry: 'biomedicine' });
    let meeting = await record();
    for (const started = Date.now(); meeting.status !== 201 && Date.now() - started < 5_000; meeting = await record()) await new Promise((r) => setTimeout(r, 100));
    expect(meeting.status).toBe(201);
    await expect.poll(async () => (await call(a, cookieA, 'POST', `/api/v1/deals/meetings/${meeting.body.id}/step`, { to: 'intention', baseVersion: 1 })).status, { timeout: 5_000 }).toBe(200);
    await expect.poll(async () => (await snapshotOf(b)).deals.totals.intentions, { timeout: 5_000 }).toBe(1);
  });

  it('closes a device socket held on B within 5 s when A revokes the device, and B refuses its token', async () => {
    const device = await createDevice(a.url, { name: 'Booth on B', role: 'booth' }, cookieA);
    const control = await connect(`${b.url}/device`, { auth: { token: device.token } });
    const closed = closedWithin(control);
    expect((await call(a, cookieA, 'DELETE', `/api/v1/devices/${device.id}`)).status).toBe(204);
    expect(await closed).toBeLessThan(5_000);
    const response = await fetch(`${b.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` }, body: '{"events":[]}' });
    expect(response.status).toBe(401);
  });

  it('closes a user’s console socket on B within 5 s when A disables them', async () => {
    const created = await call(a, cookieA, 'POST', '/api/v1/users', { username: 'operator-b', role: 'operator', password: 'a long enough password 1' });
    expect(created.status).toBe(201);
    const cookie = await signIn(b.url, 'operator-b', 'a long enough password 1');
    const consoleSocket = await connect(`${b.url}/console`, { extraHeaders: { cookie } });
    const closed = closedWithin(consoleSocket);
    expect((await call(a, cookieA, 'PATCH', `/api/v1/users/${created.body.id}`, { disabled: true })).status).toBe(200);
    expect(await closed).toBeLessThan(5_000);
  });

  // Asks every node for its sockets through the socket.io Redis adapter.
  it('applies a run-of-show slot planned on either node: the owner, whichever it is, follows the plan', async () => {
    const at = new Date(Date.now() + 2_000).toISOString();
    const onA = await call(a, cookieA, 'POST', '/api/v1/schedule', { kind: 'item-publish', item: 'beta-item-1', published: false, startsAt: at });
    const onB = await call(b, cookieB, 'POST', '/api/v1/schedule', { kind: 'item-publish', item: 'alpha-item-2', published: false, startsAt: at });
    expect([onA.status, onB.status]).toEqual([201, 201]);
    const published = async (id: string) => (await call(a, cookieA, 'GET', '/api/v1/content')).body.items.find((i: { id: string }) => i.id === id)?.published;
    await expect.poll(async () => [await published('beta-item-1'), await published('alpha-item-2')], { timeout: 10_000 }).toEqual([false, false]);
  });

  it('lists a screen connected to A as online in B’s fleet', async () => {
    const device = await createDevice(a.url, { name: 'Stage on A', role: 'stage' }, cookieA);
    await connect(`${a.url}/device`, { auth: { token: device.token } });
    await expect
      .poll(async () => (await call(b, cookieB, 'GET', '/api/v1/devices')).body.devices.find((d: { id: string }) => d.id === device.id)?.online, { timeout: 5_000 })
      .toBe(true);
  });
});
