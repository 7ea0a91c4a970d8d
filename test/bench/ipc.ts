/**
 * Messages between the bench process and its children. Everything crosses with
 * `serialization: 'advanced'` (structured clone), so typed arrays arrive as typed arrays.
 */

/** CPU and event-loop figures of a server process, cumulative since it started (the parent takes differences). */
export interface ProcessUsage {
  cpuUserUs: number;
  cpuSystemUs: number;
  /** From performance.eventLoopUtilization(): time the loop was busy vs idle, in ms. */
  loopActiveMs: number;
  loopIdleMs: number;
  /** Bytes this process made the kernel send to storage (/proc/self/io write_bytes); undefined off Linux. */
  diskWriteBytes: number | undefined;
}

/** Parent → server-process.ts / bare-server-process.ts. */
export type ToServer =
  | { cmd: 'usage' }
  /** Bare server only: the patch body it emits for every POST (a real counters payload). */
  | { cmd: 'payload'; counters: unknown };

/** server-process.ts / bare-server-process.ts → parent. */
export type FromServer =
  | { type: 'listening'; port: number }
  | { type: 'usage'; usage: ProcessUsage }
  | { type: 'payload-set' }
  | { type: 'error'; message: string };

/** Parent → fanout-clients.ts. */
export type ToClients =
  | { cmd: 'connect'; url: string; count: number; concurrency: number; timeoutMs: number }
  /** The next POST should produce patch `seq`; report it when every client has it or after `timeoutMs`. */
  | { cmd: 'expect'; seq: number; timeoutMs: number }
  | { cmd: 'clock' }
  | { cmd: 'close' };

/** fanout-clients.ts → parent. */
export type FromClients =
  | {
      type: 'ready';
      connected: number;
      failed: number;
      /** A few distinct connection errors, to explain `failed`. */
      errors: string[];
      /** seq of the snapshot every client received; null when clients disagree (a patch arrived while connecting). */
      snapshotSeq: number | null;
      connectMs: number;
    }
  | {
      type: 'round';
      seq: number;
      /** Per client, the clock() reading when its patch arrived; NaN for clients that never got it. */
      times: Float64Array;
      received: number;
      /** Deliveries of an earlier seq that came after that round had been reported. */
      late: number;
      /** Clients that received this seq twice (should stay 0). */
      duplicates: number;
      /** Connections lost since connecting. */
      disconnected: number;
    }
  | { type: 'clock'; t: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };
