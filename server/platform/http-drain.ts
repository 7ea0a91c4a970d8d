import { Server as NetServer, type Socket } from 'node:net';
import type { Server as HttpServer } from 'node:http';

/** A connection idle this long has no request on its way: closing it cannot cut one. */
const IDLE_BEFORE_CLOSE_MS = 1_000;
const SWEEP_MS = 100;

interface ConnectionState {
  active: number;
  idleSince: number;
  upgraded: boolean;
}

/**
 * Graceful stop for HTTP keep-alive. A plain `server.close()` closes every idle keep-alive
 * connection at once — including one whose client has just sent its next request, which the
 * server has not read yet: that client gets a reset. And connections kept busy by back-to-back
 * requests are never idle, so a deadline finally cuts them mid-request, after some of their posts
 * were stored. Here, once draining starts:
 * - the listener stops accepting new connections (the net-level close, without Node's idle sweep);
 * - every response says `Connection: close`, so each busy connection ends after its response;
 * - a connection is closed only after it has been idle for a second (its client is not sending);
 * - upgraded connections (websockets) are left to socket.io's own close.
 * The returned promise resolves when no HTTP connection is left, or at the deadline, when the
 * rest are cut.
 */
export function trackConnections(server: HttpServer, now: () => number = Date.now) {
  const connections = new Map<Socket, ConnectionState>();
  let draining = false;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { active: 0, idleSince: now(), upgraded: false });
    socket.once('close', () => connections.delete(socket));
  });
  server.prependListener('request', (req, res) => {
    const state = connections.get(req.socket);
    if (state) state.active++;
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('close', () => {
      if (!state) return;
      state.active--;
      state.idleSince = now();
    });
  });
  server.prependListener('upgrade', (req) => {
    const state = connections.get(req.socket);
    if (state) state.upgraded = true;
  });

  return {
    /** Requests being answered now (for readiness and tests). */
    get inFlight(): number {
      let total = 0;
      for (const state of connections.values()) total += state.active;
      return total;
    },

    /** Stops accepting, lets requests in flight finish, closes idle keep-alive connections safely. */
    drain(deadlineMs: number): Promise<void> {
      draining = true;
      // net.Server#close stops listening; http.Server#close would also close idle connections at once.
      NetServer.prototype.close.call(server);
      const deadline = now() + deadlineMs;
      return new Promise((resolve) => {
        const sweep = setInterval(() => {
          let open = 0;
          for (const [socket, state] of connections) {
            if (state.upgraded) continue;
            if (state.active === 0 && now() - state.idleSince >= IDLE_BEFORE_CLOSE_MS) socket.destroy();
            else open++;
          }
          if (open === 0 || now() >= deadline) {
            clearInterval(sweep);
            server.closeAllConnections();
            resolve();
          }
        }, SWEEP_MS);
      });
    },
  };
}
