import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process';
import { createDevice, visitEvent } from '../support/test-server';

type Outcome = { kind: 'acknowledged' } | { kind: 'refused' } | { kind: 'socket error'; code: string; reused: boolean } | { kind: 'status'; status: number };

/** One POST over a keep-alive agent, classified: answered, refused before it reached the server, or cut. */
function post(url: string, agent: Agent, token: string, body: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(
      `${url}/api/v1/events`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200 ? { kind: 'acknowledged' } : { kind: 'status', status: res.statusCode ?? 0 }));
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'socket error', code: error.code ?? error.message, reused: req.reusedSocket }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      // Refused: the server no longer listens, so the request never reached it — nothing can have been stored.
      resolve(error.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'socket error', code: error.code ?? error.message, reused: req.reusedSocket }),
    );
    req.end(body);
  });
}

describe('graceful shutdown under load', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'showfloor-stop-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers every request it stored, even on keep-alive connections busy when SIGTERM arrives', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    const sensor = await createDevice(first.url);
    let stopping = false;
    const outcomes: Outcome[] = [];
    const acknowledgedIds: string[] = [];
    // Sixteen clients, each on its own keep-alive connection, posting back to back until the server is gone.
    const clients = Array.from({ length: 16 }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (;;) {
        const event = visitEvent();
        const outcome = await post(first.url, agent, sensor.token, JSON.stringify({ events: [event] }));
        outcomes.push(outcome);
        if (outcome.kind === 'acknowledged') acknowledgedIds.push(event.id as string);
        if ((outcome.kind === 'refused' || outcome.kind === 'socket error') && stopping) break;
        if (outcome.kind !== 'acknowledged' && !stopping) throw new Error(`request failed before the stop: ${JSON.stringify(outcome)}`);
      }
      agent.destroy();
    });
    await new Promise((r) => setTimeout(r, 1_500));
    stopping = true;
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    await Promise.all(clients);

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const snapshot = (await (await fetch(`${second.url}/api/v1/snapshot`)).json()) as { counters: { visitors: { total: number } } };
      // A keep-alive connection the server had been serving must end cleanly, after an answer. (A
      // brand-new connection can still be reset: the kernel may accept it just before the listener
      // closes, and the server never reads it — nothing of it can have been stored.)
      const cut = outcomes.filter((o) => o.kind === 'socket error' && o.reused);
      // Every stored event was acknowledged, and every acknowledged one was stored: no client was
      // left with a socket error for a request the server kept.
      expect(snapshot.counters.visitors.total).toBe(acknowledgedIds.length);
      expect(acknowledgedIds.length).toBeGreaterThan(50);
      expect(cut, `socket errors: ${JSON.stringify(cut.slice(0, 5))}`).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
