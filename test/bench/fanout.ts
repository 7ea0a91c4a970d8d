import { resolve } from 'node:path';
import { forkTs, type Child } from './children';
import { clock, sleep } from './clock';
import type { FanoutTarget } from './fanout-targets';
import type { FromClients, ProcessUsage, ToClients } from './ipc';
import { usageBetween } from './process-usage';
import { summarize, type Summary } from './stats';

const CLIENTS_PROCESS = resolve(import.meta.dirname, 'fanout-clients.ts');

export interface FanoutSettings {
  clients: number;
  /** Measured rounds per server. */
  rounds: number;
  /** Rounds run first and thrown away (JIT, socket buffers, first-use allocations). */
  warmupRounds: number;
  /** Time from one POST to the next; above COUNTER_PATCH_INTERVAL_MS so the throttle never delays a patch. */
  spacingMs: number;
  /** How long a round waits for the last client before counting the rest as lost. */
  roundTimeoutMs: number;
  /** Handshakes in flight at once while connecting. */
  connectConcurrency: number;
  connectTimeoutMs: number;
}

export interface FanoutRun {
  server: FanoutTarget['name'];
  clients: number;
  connected: number;
  connectErrors: string[];
  connectMs: number;
  rounds: number;
  /** Rounds in which every connected client got the patch. */
  completeRounds: number;
  /** Per complete round: ms from sending the POST until the last client had the patch. */
  lastClientMs: Summary | undefined;
  /** Every single delivery of the measured rounds: ms from sending the POST to its arrival. */
  deliveryMs: Summary | undefined;
  /** ms from sending the POST until its HTTP answer. */
  postAnswerMs: Summary | undefined;
  lostDeliveries: number;
  lateDeliveries: number;
  duplicateDeliveries: number;
  disconnectedClients: number;
  /** Server CPU time per measured round (all its work in that time, pings included). */
  serverCpuMsPerRound: number;
  /** Estimated clock difference client process − bench process (min-RTT IPC ping), and that ping's RTT. */
  clockOffsetMs: number;
  clockRttMs: number;
}

/** The same client count against showfloor and against the bare baseline. */
export interface FanoutPair {
  clients: number;
  /** Share of all CPUs busy with other work just before this pair ran (see machine.ts). */
  backgroundCpu: number | undefined;
  payloadBytes: number;
  showfloor: FanoutRun;
  bare: FanoutRun;
  /** showfloor ÷ bare, of the last-client time. */
  ratio: { p50: number | undefined; p99: number | undefined };
}

/** NTP-style: the reply with the shortest round trip bounds the offset best. */
async function clockOffset(clients: Child<ToClients, FromClients>): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: 0, rttMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 30; i++) {
    const sent = clock();
    clients.send({ cmd: 'clock' });
    const { t } = await clients.next('clock', 10_000);
    const back = clock();
    if (back - sent < best.rttMs) best = { offsetMs: t - (sent + back) / 2, rttMs: back - sent };
  }
  return best;
}

/**
 * One server with its own client process holding `settings.clients` connections. A round is:
 * POST, then wait until every client has that round's patch (or the timeout).
 */
export class FanoutSession {
  private seq: number;
  private readonly lastClient: number[] = [];
  private readonly deliveries: number[] = [];
  private readonly answers: number[] = [];
  private lost = 0;
  private duplicates = 0;
  // `late` and `disconnected` are running totals in the client process; the last report has the final ones.
  private totals = { late: 0, disconnected: 0 };
  private usageBefore: ProcessUsage | undefined;
  private measuredFrom = 0;
  private measuredRounds = 0;

  private constructor(
    readonly target: FanoutTarget,
    private readonly settings: FanoutSettings,
    private readonly clients: Child<ToClients, FromClients>,
    private readonly ready: Extract<FromClients, { type: 'ready' }>,
    private readonly clockSync: { offsetMs: number; rttMs: number },
  ) {
    this.seq = ready.snapshotSeq ?? 0;
  }

  /** Forks the client process and connects every client; resolves once all have their snapshot. */
  static async open(target: FanoutTarget, settings: FanoutSettings): Promise<FanoutSession> {
    const clients = forkTs<ToClients, FromClients>(CLIENTS_PROCESS, {});
    try {
      const clockSync = await clockOffset(clients);
      clients.send({ cmd: 'connect', url: target.url, count: settings.clients, concurrency: settings.connectConcurrency, timeoutMs: settings.connectTimeoutMs });
      // Generous: thousands of handshakes on a small machine take a while, and a stuck one has its own timeout.
      const ready = await clients.next('ready', settings.connectTimeoutMs + settings.clients * 20);
      if (ready.connected === 0) throw new Error(`no client could connect to ${target.name}: ${ready.errors.join('; ')}`);
      if (ready.snapshotSeq === null) throw new Error(`clients of ${target.name} received snapshots of different seqs; something emitted while connecting`);
      return new FanoutSession(target, settings, clients, ready, clockSync);
    } catch (error) {
      await clients.stop();
      throw error;
    }
  }

  /** Starts the measured part: CPU usage is counted from here. */
  async startMeasuring(): Promise<void> {
    this.usageBefore = await this.target.usage();
    this.measuredFrom = clock();
  }

  /** One round; resolves when it is over and the spacing has passed. Only rounds after startMeasuring() count. */
  async round(): Promise<void> {
    const { clients, settings } = this;
    this.seq += 1;
    const seq = this.seq;
    clients.send({ cmd: 'expect', seq, timeoutMs: settings.roundTimeoutMs });
    const sentAt = clock();
    const [answeredAt, arrivals] = await Promise.all([this.target.trigger().then(() => clock()), clients.next('round', settings.roundTimeoutMs + 10_000)]);
    if (arrivals.seq !== seq) throw new Error(`expected the report of seq ${seq}, got ${arrivals.seq}`);
    this.totals = arrivals;
    if (this.usageBefore) {
      this.measuredRounds++;
      this.duplicates += arrivals.duplicates;
      this.answers.push(answeredAt - sentAt);
      let last = 0;
      for (const at of arrivals.times) {
        if (Number.isNaN(at)) continue;
        const latency = at - sentAt;
        this.deliveries.push(latency);
        if (latency > last) last = latency;
      }
      const missing = this.ready.connected - arrivals.received;
      if (missing > 0) this.lost += missing;
      else this.lastClient.push(last);
    }
    await sleep(sentAt + settings.spacingMs - clock());
  }

  /** Figures of the measured rounds. */
  async result(): Promise<FanoutRun> {
    if (!this.usageBefore) throw new Error('startMeasuring() was not called');
    const measuredMs = clock() - this.measuredFrom;
    const usage = usageBetween(this.usageBefore, await this.target.usage(), measuredMs);
    return {
      server: this.target.name,
      clients: this.settings.clients,
      connected: this.ready.connected,
      connectErrors: this.ready.errors,
      connectMs: this.ready.connectMs,
      rounds: this.measuredRounds,
      completeRounds: this.lastClient.length,
      lastClientMs: summarize(this.lastClient),
      deliveryMs: summarize(this.deliveries),
      postAnswerMs: summarize(this.answers),
      lostDeliveries: this.lost,
      lateDeliveries: this.totals.late,
      duplicateDeliveries: this.duplicates,
      disconnectedClients: this.totals.disconnected,
      serverCpuMsPerRound: this.measuredRounds > 0 ? (usage.cpu * measuredMs) / this.measuredRounds : 0,
      clockOffsetMs: this.clockSync.offsetMs,
      clockRttMs: this.clockSync.rttMs,
    };
  }

  /** Disconnects the clients and ends their process. */
  async close(): Promise<void> {
    try {
      this.clients.send({ cmd: 'close' });
      await this.clients.next('closed', 30_000);
    } finally {
      await this.clients.stop();
    }
  }
}

/**
 * Measures two servers with the same number of clients, alternating their rounds (A, B, A, B, …)
 * rather than one after the other: other work on the machine then weighs on both alike, so
 * the ratio stays meaningful on a shared or noisy machine. Only one server emits at a time;
 * the other's clients sit idle meanwhile.
 */
export async function measureInterleaved(a: FanoutSession, b: FanoutSession, rounds: number): Promise<[FanoutRun, FanoutRun]> {
  await a.startMeasuring();
  await b.startMeasuring();
  for (let round = 0; round < rounds; round++) {
    await a.round();
    await b.round();
  }
  return [await a.result(), await b.result()];
}
