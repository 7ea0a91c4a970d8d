/**
 * Child process: the fan-out baseline. A plain socket.io server with nothing of showfloor in it:
 * a `/live` namespace that sends a snapshot on connect, and `POST /emit`, which reads the request
 * body and at once emits the same counters patch showfloor sends (payload set by the parent).
 * Whatever showfloor adds on top of this (auth, validation, the durable commit, counters) is
 * what the ratio measures.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { FromServer, ToServer } from './ipc';
import { processUsage } from './process-usage';

const send = (message: FromServer) => process.send?.(message);

let seq = 0;
let counters: unknown = {};

const httpServer = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/emit') {
    // Consume the body as a real endpoint must before answering on a keep-alive connection.
    req.resume();
    req.on('end', () => {
      seq += 1;
      live.emit('patch', { seq, type: 'counters', counters });
      res.writeHead(204).end();
    });
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(httpServer);
const live = io.of('/live');
live.on('connection', (socket) => {
  socket.emit('snapshot', { seq, counters });
});

process.on('message', (raw) => {
  const message = raw as ToServer;
  if (message.cmd === 'usage') send({ type: 'usage', usage: processUsage() });
  if (message.cmd === 'payload') {
    counters = message.counters;
    send({ type: 'payload-set' });
  }
});

const stop = () => void io.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);

httpServer.listen(0, '127.0.0.1', () => send({ type: 'listening', port: (httpServer.address() as AddressInfo).port }));
