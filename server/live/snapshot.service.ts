import type { Snapshot } from '../../shared/snapshot.schema';
import type { AnnouncementsService } from '../announcements/announcements.service';
import type { ContentService } from '../content/content.service';
import type { CountersService } from '../counters/counters.service';
import type { DealsService } from '../deals/deals.service';
import type { RoadshowService } from '../roadshow/roadshow.service';

export interface SnapshotDeps {
  content: ContentService;
  counters: CountersService;
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
  return {
    seq: deps.seq(),
    appVersion: deps.appVersion,
    publicUrl: deps.publicUrl(),
    serverTime: new Date(deps.now()).toISOString(),
    exhibition: deps.content.exhibition(),
    sections: deps.content.publishedSections(),
    counters: deps.counters.current(),
    announcements: deps.announcements.active(),
    deals: deps.deals.figures(),
    roadshow: deps.roadshow.publicState(),
    rehearsal: deps.rehearsal,
  };
}
