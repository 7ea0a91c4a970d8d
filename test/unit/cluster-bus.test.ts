import { describe, expect, it } from 'vitest';
import { ClusterBus, parseEnvelope, type ClusterMessaging } from '../../server/cluster/cluster-bus';
import { BackgroundTasks } from '../../server/platform/background';
import type { Logger } from '../../server/platform/logger';
import type { StorageHealth } from '../../server/storage/storage-health';
import { testTasks } from '../support/fakes';

/** Pub/sub in memory, delivered on a later turn as Redis would; `down` makes publishing fail. */
function memoryHub() {
  const listeners = new Map<string, ((message: string) => void)[]>();
  const hub = {
    down: false,
    messaging(): ClusterMessaging {
      return {
        publish: async (channel, message) => {
          if (hub.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
          setImmediate(() => (listeners.get(channel) ?? []).forEach((listener) => listener(message)));
          return 1;
        },
        subscribe: async (channel, listener) => void listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
      };
    },
  };
  return hub;
}

async function node(hub: ReturnType<typeof memoryHub>, id: string, tasks = testTasks().tasks) {
  const bus = new ClusterBus({ messaging: hub.messaging(), node: id, tasks });
  await bus.start();
  return bus;
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('cluster bus', () => {
  it('runs local handlers at once as local, and on the other node as remote, once', async () => {
    const hub = memoryHub();
    const a = await node(hub, 'a');
    const b = await node(hub, 'b');
    const seen: string[] = [];
    a.on('deal.changed', ({ meetingId }, { origin }) => void seen.push(`a ${origin} ${meetingId}`));
    b.on('deal.changed', ({ meetingId }, { origin }) => void seen.push(`b ${origin} ${meetingId}`));
    a.publish('deal.changed', { meetingId: 'm1' });
    expect(seen).toEqual(['a local m1']);
    await turn();
    await b.settled();
    await a.settled();
    expect(seen).toEqual(['a local m1', 'b remote m1']);
  });

  it('runs remote handlers one after another, each reload finished before the next handler reads', async () => {
    const hub = memoryHub();
    const a = await node(hub, 'a');
    const b = await node(hub, 'b');
    let stored = 'old';
    let readModel = 'old';
    const read: string[] = [];
    b.on('content.changed', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      readModel = stored;
    });
    b.on('content.changed', () => void read.push(readModel));
    stored = 'new';
    a.publish('content.changed', {});
    a.publish('content.changed', {});
    await turn();
    await b.settled();
    expect(read).toEqual(['new', 'new']);
  });

  it('keeps running local handlers when Redis is down, never throws, and logs at most once a minute', async () => {
    const hub = memoryHub();
    let clock = 0;
    const errors: unknown[] = [];
    const logger = { error: (...args: unknown[]) => void errors.push(args), warn: () => {}, info: () => {}, debug: () => {} } as unknown as Logger;
    const tasks = new BackgroundTasks({ logger, storage: { report: () => false } as unknown as StorageHealth, now: () => clock });
    const a = await node(hub, 'a', tasks);
    let local = 0;
    a.on('roadshow.changed', () => void local++);
    hub.down = true;
    for (let i = 0; i < 5; i++) expect(() => a.publish('roadshow.changed', {})).not.toThrow();
    await turn();
    expect(local).toBe(5);
    expect(errors).toHaveLength(1);
    clock += 61_000;
    a.publish('roadshow.changed', {});
    await turn();
    expect(errors).toHaveLength(2);
  });

  it('ignores what is not a domain event of a known name', () => {
    expect(parseEnvelope('not json')).toBeUndefined();
    expect(parseEnvelope(JSON.stringify({ node: 'a', name: 'no.such-event', payload: {} }))).toBeUndefined();
    expect(parseEnvelope(JSON.stringify({ node: 'a', name: 'toString', payload: {} }))).toBeUndefined();
    expect(parseEnvelope(JSON.stringify({ node: 'a', name: 'deal.changed', payload: 'x' }))).toBeUndefined();
    expect(parseEnvelope(JSON.stringify({ node: 'a', name: 'deal.changed', payload: { meetingId: null } }))).toEqual({ node: 'a', name: 'deal.changed', payload: { meetingId: null } });
  });
});
