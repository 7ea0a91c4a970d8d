import type { Snapshot } from '../../shared/snapshot.schema';
import { PrecompressedBody } from '../platform/precompressed';

/** A snapshot and its JSON text, built together. */
export interface SharedSnapshot {
  snapshot: Snapshot;
  json: string;
  /** The JSON text without exhibition and sections, for a client that holds `snapshot.contentVersion`. */
  liveJson: string;
  /** `json` and `liveJson` as HTTP bodies, compressed once for every request of this snapshot. */
  body: PrecompressedBody;
  liveBody: PrecompressedBody;
}

/** How long a cached snapshot may serve while nothing changes, so `serverTime` stays roughly current. */
const MAX_AGE_MS = 5_000;

/**
 * Builds and serialises the public snapshot once and hands the same object and JSON text to
 * every client that asks (a hall of screens reconnecting after a Wi-Fi blip asks thousands of
 * times for the same state). It is rebuilt when any value of `version()` is no longer the same
 * (===) as when it was built: `seq` moves with every published change, and the counters object
 * is replaced at every commit — before its throttled patch goes out, so that a device that posted
 * and then reads the snapshot sees its events.
 */
export class SnapshotCache {
  private cached: (SharedSnapshot & { version: readonly unknown[]; builtAt: number }) | undefined;

  constructor(
    private readonly build: () => Snapshot,
    private readonly version: () => readonly unknown[],
    private readonly now: () => number,
  ) {}

  current(): SharedSnapshot {
    const version = this.version();
    const cached = this.cached;
    if (cached && this.now() - cached.builtAt < MAX_AGE_MS && version.every((v, i) => v === cached.version[i])) return cached;
    const snapshot = this.build();
    const json = JSON.stringify(snapshot);
    const liveJson = JSON.stringify({ ...snapshot, exhibition: undefined, sections: undefined });
    this.cached = { snapshot, json, liveJson, body: new PrecompressedBody(json), liveBody: new PrecompressedBody(liveJson), version, builtAt: this.now() };
    return this.cached;
  }
}
