import type { Announcement } from '../../shared/announcements.schema';
import type { DealFigures } from '../../shared/deals.schema';
import type { PublicRoadshow } from '../../shared/roadshow.schema';
import type { Exhibition, PublishedSection } from '../../shared/content.schema';
import type { Counters } from '../../shared/counters.schema';
import type { Snapshot } from '../../shared/snapshot.schema';
import type { LiveData } from './apply-patch';
import { interactionsToday } from './figures';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/**
 * The public live state as this screen knows it, for components to read. Only the socket module
 * (live-socket.ts) writes it.
 *
 * The parts are `$state.raw`: every snapshot and patch replaces a part wholesale, so deep proxies
 * would only cost time, and a part that a patch does not name keeps its reference, so what reads
 * it does not re-render.
 */
export class LiveState {
  exhibition = $state.raw<Exhibition | null>(null);
  sections = $state.raw<PublishedSection[]>([]);
  counters = $state.raw<Counters | null>(null);
  announcements = $state.raw<Announcement[]>([]);
  deals = $state.raw<DealFigures | null>(null);
  roadshow = $state.raw<PublicRoadshow | null>(null);
  /** The server is a rehearsal (npm run demo): its figures are simulated. */
  rehearsal = $state(false);
  /** The version of `exhibition` and `sections`, sent at reconnect so the server can leave them out. */
  contentVersion = $state<string | null>(null);
  /** Number of the last change included; null until the first snapshot. */
  seq = $state<number | null>(null);
  /** The server's app version (from its version.json), to compare with `__APP_VERSION__`. */
  serverVersion = $state<string | null>(null);
  /** The address phones use to reach the server (QR codes encode it), from the last snapshot. */
  publicUrl = $state<string | null>(null);

  status = $state<ConnectionStatus>('connecting');
  /** When this screen last received a change (its own clock, ms since the epoch). */
  lastUpdated = $state<number | null>(null);

  /** True once a first snapshot arrived; stays true while offline (the screen keeps showing it). */
  readonly ready = $derived(this.exhibition !== null && this.counters !== null);
  readonly interactionsToday = $derived(this.counters ? interactionsToday(this.counters) : 0);
  /** The server runs a newer (or older) build of the pages than this one. */
  readonly outdated = $derived(this.serverVersion !== null && this.serverVersion !== 'dev' && this.serverVersion !== __APP_VERSION__);

  /** The state as plain data, for the pure patch rule; null before the first snapshot. */
  data(): LiveData | null {
    if (this.seq === null || this.exhibition === null || this.counters === null || this.deals === null || this.roadshow === null) return null;
    return {
      seq: this.seq,
      ...(this.contentVersion === null ? {} : { contentVersion: this.contentVersion }),
      exhibition: this.exhibition,
      sections: this.sections,
      counters: this.counters,
      announcements: this.announcements,
      deals: this.deals,
      roadshow: this.roadshow,
    };
  }

  /** Replaces everything with a snapshot (on connect and after a gap). */
  load(snapshot: Snapshot, at: number): void {
    this.serverVersion = snapshot.appVersion;
    this.publicUrl = snapshot.publicUrl;
    this.rehearsal = snapshot.rehearsal;
    this.set(snapshot, at);
  }

  /** Takes new data; unchanged parts are the same objects and so change nothing. */
  set(data: LiveData, at: number): void {
    this.exhibition = data.exhibition;
    this.sections = data.sections;
    this.counters = data.counters;
    this.announcements = data.announcements;
    this.deals = data.deals;
    this.roadshow = data.roadshow;
    this.seq = data.seq;
    this.contentVersion = data.contentVersion ?? null;
    this.lastUpdated = at;
  }
}
