import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, type LiveClientToServerEvents, type LiveServerToClientEvents } from '../../shared/socket-events';
import { applyPatch, completeSnapshot, looksLikePatch, looksLikeSnapshot } from './apply-patch';
import type { LiveState } from './live.svelte';
import type { LiveView } from '../../shared/live-views';

export type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

/** How long to wait for the answer to `snapshot:request` before trying again at the next patch. */
const RESYNC_TIMEOUT_MS = 5_000;

export interface LiveConnection {
  socket: LiveSocket;
  close(): void;
}

/**
 * Connects to `/live` and keeps `state` up to date. This is the only module that talks to the
 * socket; components read `state`.
 *
 * On connect (and every reconnect) the server sends a full snapshot, so a screen that was offline
 * needs nothing else. While connected, patches must arrive in `seq` order; a gap means a change was
 * missed and the screen asks for a fresh snapshot.
 */
export function connectLive(
  state: LiveState,
  options: { now?: () => number; deviceToken?: () => string | null; view?: LiveView } = {},
): LiveConnection {
  const now = options.now ?? Date.now;
  const socket: LiveSocket = io(NAMESPACES.live, {
    // A paired screen presents its token (read at every reconnect), so revoking it closes this socket too.
    auth: (send) => {
      // The view says what this page renders: the server sends only that, as deltas, at its rate.
      const token = options.deviceToken?.();
      // The content held (a reconnect): if it is still current the snapshot comes without it (a few KB).
      const contentVersion = state.contentVersion;
      send({ ...(token ? { token } : {}), ...(options.view ? { view: options.view } : {}), ...(contentVersion ? { contentVersion } : {}) });
    },
    // Screens sit on show-floor Wi-Fi behind proxies that rarely keep long-polling healthy.
    transports: ['websocket'],
    // Many screens reconnect at once after a network blip: back off and spread them out.
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 15_000,
    randomizationFactor: 0.5,
  });

  // While a snapshot request is out, patches are not applied: the answer includes them, and patches
  // after it arrive after it (one ordered connection).
  let resyncing = false;
  // Numbers requests, so that the late answer to one made before a reconnect cannot end a newer one.
  let request = 0;

  const resync = () => {
    if (resyncing) return;
    resyncing = true;
    const mine = ++request;
    socket.timeout(RESYNC_TIMEOUT_MS).emit('snapshot:request', (error, reply) => {
      if (mine !== request) return;
      resyncing = false;
      // A missing or failed answer leaves the state as it is; the next patch shows the gap again.
      if (error || !reply?.ok || !looksLikeSnapshot(reply.data)) return;
      state.load(reply.data, now());
      state.status = 'online';
    });
  };

  socket.on('connect', () => {
    // Online once the snapshot is in; "connected" without data would promise more than we have.
    if (state.status !== 'online') state.status = 'connecting';
  });
  socket.on('snapshot', (received) => {
    const snapshot = completeSnapshot(received, state.data());
    if (snapshot) {
      state.load(snapshot, now());
      state.status = 'online';
    } else {
      // Sent without the content, but what this screen holds is not that version: ask for everything.
      resync();
    }
  });
  socket.on('patch', (patch) => {
    if (!looksLikePatch(patch) || resyncing) return;
    const result = applyPatch(state.data(), patch);
    if (result.outcome === 'applied') state.set(result.data, now());
    else if (result.outcome === 'gap') resync();
  });
  socket.on('disconnect', (reason) => {
    // The reconnect brings a fresh snapshot; an answer still on its way no longer matters.
    request++;
    resyncing = false;
    state.status = 'offline';
    // Closed on purpose by the server (a revoked screen): socket.io will not retry by itself, but the
    // public content must go on; the next attempt goes without the revoked token.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 2_000);
  });
  socket.on('connect_error', (error) => {
    state.status = 'offline';
    // A refused token stops socket.io's own retries; try again once the device module forgot it.
    if (error.message.startsWith('unauthorized')) setTimeout(() => socket.connect(), 2_000);
  });

  return {
    socket,
    close() {
      socket.close();
    },
  };
}
