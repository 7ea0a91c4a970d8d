import type { Snapshot } from '../../shared/snapshot.schema';
import type { AnnouncementsService } from '../announcements/announcements.service';
import type { Content } from '../../shared/snapshot.schema';
import type { Counters } from '../../shared/counters.schema';
import type { DealsService } from '../deals/deals.service';
import type { RoadshowService } from '../roadshow/roadshow.service';

export interface SnapshotDeps {
  content: { current(): Content };
  /** The counters as the snapshot's audience sees them. */
  counters: () => Counters;
  announcements: AnnouncementsService;
  deals: DealsService;
  roadshow: RoadshowService;
  rehearsal: boolean;
  seq: () => number;
  appVersion: string;
  publicUrl: () => string;
  now: () => number;
}

/** Builds the public state a screen starts from. */
export function buildSnapshot(deps: SnapshotDeps): Snapshot {
  const content = deps.content.current();
  return {
    seq: deps.seq(),
    appVersion: deps.appVersion,
    publicUrl: deps.publicUrl(),
    serverTime: new Date(deps.now()).toISOString(),
    contentVersion: content.contentVersion,
    exhibition: content.exhibition,
    sections: content.sections,
    counters: deps.counters(),
    announcements: deps.announcements.active(),
    deals: deps.deals.figures(),
    roadshow: deps.roadshow.publicState(),
    rehearsal: deps.rehearsal,
  };
}
