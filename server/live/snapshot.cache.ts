import type { Snapshot } from '../../shared/snapshot.schema';

/** A snapshot and its JSON text, built together. */
export interface SharedSnapshot {
  snapshot: Snapshot;
  json: string;
}

/** How long a cached snapshot may serve while seq stands still, so `serverTime` stays roughly current. */
const MAX_AGE_MS = 5_000;

/**
 * Builds and serialises the public snapshot once per `seq` and hands the same object and JSON text
 * to every client that asks (a hall of screens reconnecting after a Wi-Fi blip asks thousands of
 * times for the same state). Every change is published with a new seq, so a cached snapshot is
 * never older than the seq it carries; it may be newer (counters committed but not yet patched),
 * which is what a snapshot promises: the state including at least change `seq`.
 */
export class SnapshotCache {
  private cached: (SharedSnapshot & { builtAt: number }) | undefined;

  constructor(
    private readonly build: () => Snapshot,
    private readonly seq: () => number,
    private readonly now: () => number,
  ) {}

  current(): SharedSnapshot {
    const cached = this.cached;
    if (cached && cached.snapshot.seq === this.seq() && this.now() - cached.builtAt < MAX_AGE_MS) return cached;
    const snapshot = this.build();
    this.cached = { snapshot, json: JSON.stringify(snapshot), builtAt: this.now() };
    return this.cached;
  }
}
