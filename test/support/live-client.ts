import { io, type Socket } from 'socket.io-client';
import type { LiveClientToServerEvents, LiveServerToClientEvents } from '../../shared/socket-events';
import type { Patch, Snapshot } from '../../shared/snapshot.schema';

export type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

/** A /live client that records what it receives. */
export interface LiveClient {
  socket: LiveSocket;
  snapshots: Snapshot[];
  patches: Patch[];
  /** Resolves with the first received patch that satisfies `match`. */
  nextPatch(match?: (patch: Patch) => boolean, timeoutMs?: number): Promise<Patch>;
  close(): void;
}

export async function connectLive(url: string, auth?: Record<string, unknown>): Promise<LiveClient> {
  const socket: LiveSocket = io(`${url}/live`, { transports: ['websocket'], reconnection: false, forceNew: true, auth });
  const snapshots: Snapshot[] = [];
  const patches: Patch[] = [];
  const waiters: { match: (p: Patch) => boolean; resolve: (p: Patch) => void }[] = [];
  // Typed as full snapshots; a test that sends auth.contentVersion checks what is missing itself.
  socket.on('snapshot', (s) => snapshots.push(s as Snapshot));
  socket.on('patch', (p) => {
    patches.push(p);
    for (const waiter of [...waiters]) {
      if (waiter.match(p)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(p);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    snapshots,
    patches,
    nextPatch(match = () => true, timeoutMs = 5000) {
      const seen = patches.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching patch arrived')), timeoutMs);
        waiters.push({ match, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    close: () => socket.close(),
  };
}
