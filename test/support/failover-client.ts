import { io } from 'socket.io-client';
import { applyPatch, completeSnapshot, looksLikePatch, looksLikeSnapshot, type LiveData } from '../../kiosk/lib/apply-patch';
import type { LiveSocket } from './live-client';

/**
 * A /live client as a screen behaves behind a load balancer: it applies snapshots and patches with
 * the pages' own rules (kiosk/lib/apply-patch.ts), asks for a snapshot at a gap, and when its node
 * goes away connects to the next address of `urls` (the load balancer's next backend). It records
 * every state it applies, so a test can check that seq and the counters never went backwards.
 */
export interface FailoverClient {
  data(): LiveData | null;
  /** Which of `urls` it is connected to now (undefined while between nodes). */
  node(): string | undefined;
  /** What went wrong from the screen's point of view (an older state applied, a figure that fell). */
  violations: string[];
  /** How long each move to another node took: from losing the connection to holding a snapshot again. */
  moves: { from: string; to: string; ms: number }[];
  applied: number;
  close(): void;
}

export function followLive(urls: string[], first = 0): FailoverClient {
  let data: LiveData | null = null;
  let socket: LiveSocket | undefined;
  let connectedTo: string | undefined;
  let index = first;
  let closed = false;
  let lostAt: { from: string; at: number } | undefined;
  let resyncing = false;
  const client: FailoverClient = {
    data: () => data,
    node: () => connectedTo,
    violations: [],
    moves: [],
    applied: 0,
    close() {
      closed = true;
      socket?.close();
    },
  };

  const take = (next: LiveData, how: string) => {
    if (data) {
      if (next.seq <= data.seq) client.violations.push(`${how}: seq ${next.seq} applied over ${data.seq}`);
      if (next.counters.visitors.total < data.counters.visitors.total) client.violations.push(`${how}: visitors ${next.counters.visitors.total} after ${data.counters.visitors.total}`);
    }
    data = next;
    client.applied++;
  };

  const connect = () => {
    if (closed) return;
    const url = urls[index % urls.length]!;
    const s: LiveSocket = io(`${url}/live`, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 2_000 });
    socket = s;
    const moveOn = () => {
      if (socket !== s) return;
      socket = undefined;
      s.close();
      if (connectedTo) lostAt ??= { from: connectedTo, at: Date.now() };
      connectedTo = undefined;
      resyncing = false;
      index++;
      setTimeout(connect, 200);
    };
    s.on('snapshot', (received) => {
      const snapshot = completeSnapshot(received, data);
      // A snapshot equal to the state held (a reconnect with nothing new) is not a step back.
      if (snapshot && !(data && snapshot.seq === data.seq)) take(snapshot, `snapshot from ${url}`);
      connectedTo = url;
      if (lostAt) client.moves.push({ from: lostAt.from, to: url, ms: Date.now() - lostAt.at });
      lostAt = undefined;
    });
    s.on('patch', (patch) => {
      if (!looksLikePatch(patch) || resyncing) return;
      const result = applyPatch(data, patch);
      if (result.outcome === 'applied') return take(result.data, `patch from ${url}`);
      if (result.outcome !== 'gap') return;
      resyncing = true;
      s.timeout(3_000).emit('snapshot:request', (error, reply) => {
        resyncing = false;
        if (error || !reply?.ok || !looksLikeSnapshot(reply.data)) return;
        if (!(data && reply.data.seq === data.seq)) take(reply.data, `requested snapshot from ${url}`);
      });
    });
    s.on('disconnect', moveOn);
    s.on('connect_error', moveOn);
  };
  connect();
  return client;
}
