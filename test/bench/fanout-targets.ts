import { resolve } from 'node:path';
import { forkTs } from './children';
import { HttpClient } from './http-client';
import type { FromServer, ProcessUsage, ToServer } from './ipc';
import { requestUsage } from './process-usage';
import { postEvents, type ShowfloorProcess } from './showfloor';

const BARE_SERVER_PROCESS = resolve(import.meta.dirname, 'bare-server-process.ts');

/** A server under fan-out test: where clients connect and how to make it emit one patch. */
export interface FanoutTarget {
  name: 'showfloor' | 'bare socket.io';
  url: string;
  /** Sends the POST that makes the server emit exactly one patch; resolves when it is answered. */
  trigger(): Promise<void>;
  usage(): Promise<ProcessUsage>;
}

/** One visit in section `alpha` per round: the smallest real ingest that moves the counters. */
export function showfloorTarget(server: ShowfloorProcess): FanoutTarget {
  return {
    name: 'showfloor',
    url: server.url,
    async trigger() {
      const event = { id: crypto.randomUUID(), type: 'visit', section: 'alpha', at: new Date().toISOString() };
      const result = await postEvents(server.http, server.token, [event]);
      if (result.status !== 200 || result.accepted !== 1) throw new Error(`POST /api/v1/events answered ${result.status} (accepted ${result.accepted})`);
    },
    usage: () => requestUsage(server.child),
  };
}

export interface BareProcess {
  target: FanoutTarget;
  stop(): Promise<void>;
}

/** Starts bare-server-process.ts emitting `counters` (a real showfloor payload) on every POST. */
export async function startBare(counters: unknown): Promise<BareProcess> {
  const child = forkTs<ToServer, FromServer>(BARE_SERVER_PROCESS, {});
  try {
    const { port } = await child.next('listening', 60_000);
    child.send({ cmd: 'payload', counters });
    await child.next('payload-set', 10_000);
    const url = `http://127.0.0.1:${port}`;
    const client = new HttpClient(url);
    return {
      target: {
        name: 'bare socket.io',
        url,
        async trigger() {
          // The same request body as showfloor's trigger, so both servers read alike.
          const event = { id: crypto.randomUUID(), type: 'visit', section: 'alpha', at: new Date().toISOString() };
          const { status } = await client.post('/emit', { events: [event] }, { authorization: 'Bearer bench' });
          if (status !== 204) throw new Error(`POST /emit answered ${status}`);
        },
        usage: () => requestUsage(child),
      },
      async stop() {
        client.close();
        await child.stop();
      },
    };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
