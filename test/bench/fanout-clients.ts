/**
 * Child process: N socket.io clients on `/live`, each with its own WebSocket (the way N screens
 * would connect), recording when each `patch` arrives. The parent says which seq it expects next;
 * this process answers with every client's arrival time once all have it, or at the timeout
 * with NaN for the missing ones, so a lost delivery is reported rather than waited for forever.
 */
import { io, type Socket } from 'socket.io-client';
import { clock } from './clock';
import type { FromClients, ToClients } from './ipc';

interface PatchLike {
  seq: number;
}
interface SnapshotLike {
  seq: number;
}

interface Round {
  times: Float64Array;
  received: number;
  duplicates: number;
  timer?: NodeJS.Timeout;
}

const send = (message: FromClients) => process.send?.(message);

const sockets: Socket[] = [];
/** Clients asked for (the length of every times array). */
let count = 0;
/** Clients that connected and got their snapshot: a round is complete when all of them have it. */
let connectedCount = 0;
let disconnected = 0;
let late = 0;
const rounds = new Map<number, Round>();
/** Seqs already reported; deliveries for them count as `late`. */
const reported = new Set<number>();
/** Seqs the parent is waiting for. */
const expected = new Set<number>();

function roundFor(seq: number): Round {
  let round = rounds.get(seq);
  if (!round) {
    round = { times: new Float64Array(count).fill(Number.NaN), received: 0, duplicates: 0 };
    rounds.set(seq, round);
  }
  return round;
}

function onPatch(client: number, patch: PatchLike): void {
  const at = clock();
  if (reported.has(patch.seq)) {
    late++;
    return;
  }
  const round = roundFor(patch.seq);
  if (Number.isNaN(round.times[client])) {
    round.times[client] = at;
    round.received++;
  } else {
    round.duplicates++;
  }
  if (round.received >= connectedCount && expected.has(patch.seq)) report(patch.seq);
}

function report(seq: number): void {
  const round = roundFor(seq);
  clearTimeout(round.timer);
  rounds.delete(seq);
  expected.delete(seq);
  reported.add(seq);
  send({ type: 'round', seq, times: round.times, received: round.received, late, duplicates: round.duplicates, disconnected });
}

/** Opens one client and resolves with the seq of its snapshot. */
function connectOne(url: string, index: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket: Socket = io(`${url}/live`, {
      transports: ['websocket'],
      // Without forceNew, io() would multiplex every client over one shared connection.
      forceNew: true,
      // A dropped client must show up as lost deliveries, not quietly come back.
      reconnection: false,
      timeout: timeoutMs,
    });
    sockets[index] = socket;
    socket.on('patch', (patch: PatchLike) => onPatch(index, patch));
    socket.once('snapshot', (snapshot: SnapshotLike) => resolve(snapshot.seq));
    socket.once('connect_error', (error: Error) => reject(error));
    socket.on('disconnect', () => disconnected++);
  });
}

async function connectAll(url: string, total: number, concurrency: number, timeoutMs: number): Promise<void> {
  const started = clock();
  count = total;
  let next = 0;
  let connected = 0;
  const errors = new Set<string>();
  const seqs = new Set<number>();
  // A bounded number of handshakes at a time: all at once would overflow the listen backlog.
  const worker = async () => {
    while (next < total) {
      const index = next++;
      try {
        seqs.add(await connectOne(url, index, timeoutMs));
        connected++;
      } catch (error) {
        errors.add((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  connectedCount = connected;
  send({
    type: 'ready',
    connected,
    failed: total - connected,
    errors: [...errors].slice(0, 5),
    snapshotSeq: seqs.size === 1 ? [...seqs][0]! : null,
    connectMs: clock() - started,
  });
}

function close(): void {
  for (const socket of sockets) socket?.disconnect();
  send({ type: 'closed' });
  // Let the close frames go out before leaving.
  setTimeout(() => process.exit(0), 200);
}

process.on('message', (raw) => {
  const message = raw as ToClients;
  switch (message.cmd) {
    case 'connect':
      connectAll(message.url, message.count, message.concurrency, message.timeoutMs).catch((error: unknown) =>
        send({ type: 'error', message: String(error) }),
      );
      break;
    case 'expect': {
      expected.add(message.seq);
      const round = roundFor(message.seq);
      if (connectedCount > 0 && round.received >= connectedCount) report(message.seq);
      else round.timer = setTimeout(() => report(message.seq), message.timeoutMs);
      break;
    }
    case 'clock':
      send({ type: 'clock', t: clock() });
      break;
    case 'close':
      close();
      break;
  }
});
process.on('SIGTERM', close);
process.on('disconnect', () => process.exit(0));
