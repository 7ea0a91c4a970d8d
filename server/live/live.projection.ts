import type { AnnouncementsService } from '../announcements/announcements.service';
import type { CountersService } from '../counters/counters.service';
import type { DealsService } from '../deals/deals.service';
import type { DomainEventSource } from '../platform/domain-events';
import type { RoadshowService } from '../roadshow/roadshow.service';
import type { VersionedContent } from './content-version';
import type { LiveBroadcaster } from './live.broadcaster';

export interface LiveProjectionDeps {
  bus: DomainEventSource;
  broadcaster: Pick<LiveBroadcaster, 'publish' | 'countersChanged'>;
  counters: Pick<CountersService, 'recordCommitted'>;
  content: { current(): VersionedContent };
  announcements: Pick<AnnouncementsService, 'active'>;
  deals: Pick<DealsService, 'figures'>;
  roadshow: Pick<RoadshowService, 'publicState'>;
}

/**
 * Turns what happened in the domain into what every screen is sent on /live. The one place where
 * "the counters moved" becomes "add what the commit stored, then schedule the (throttled) patch": after a
 * commit the snapshot already sees the new figures, and the broadcast follows on its own timer,
 * never before the posts that caused it are answered. Returns the unsubscribe.
 */
export function projectToLive(deps: LiveProjectionDeps): () => void {
  const { bus, broadcaster } = deps;
  const subscriptions = [
    bus.on('counters.changed', (change, { origin }) => {
      // Another node's commit is added by the counters service itself (it subscribed first).
      if (change.cause === 'events' && origin === 'local') deps.counters.recordCommitted(change.increments);
      broadcaster.countersChanged();
    }),
    bus.on('content.changed', () => void broadcaster.publish({ type: 'content', ...deps.content.current().content })),
    bus.on('announcement.active-changed', () => void broadcaster.publish({ type: 'announcements', announcements: deps.announcements.active() })),
    bus.on('deal.changed', () => void broadcaster.publish({ type: 'deals', deals: deps.deals.figures() })),
    bus.on('roadshow.changed', () => void broadcaster.publish({ type: 'roadshow', roadshow: deps.roadshow.publicState() })),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
