import { untrack } from 'svelte';
import type { Announcement } from '../../shared/announcements.schema';
import type { Exhibition, PublishedSection } from '../../shared/content.schema';
import type { DealFigures } from '../../shared/deals.schema';
import { formatNumber } from '../lib/i18n';
import { countryText, INDUSTRY_TEXT, newAgreements, signingKey } from '../lib/stage/deals';
import { nextMilestones, type MilestoneState } from '../lib/stage/milestones';
import { addEntries, announcementEntry, contentChanges, contentEntries, dealEntry, milestoneEntry, newAnnouncements, openingEntries, type TickerEntry } from '../lib/stage/ticker';
import type { Celebrations } from './celebrations.svelte';
import type { StageModel } from './stage-model.svelte';

/**
 * Turns changes of the live state into news: ticker entries for new announcements, published
 * content, visitor milestones and signed agreements, and a celebration for each milestone and each
 * agreement. Rules in lib/stage/ticker.ts, lib/stage/milestones.ts and lib/stage/deals.ts; this
 * class only watches and remembers the previous state.
 */
export class StageFeed {
  entries = $state.raw<TickerEntry[]>([]);

  #announcements: Announcement[] | null = null;
  #content: { exhibition: Exhibition; sections: PublishedSection[] } | null = null;
  #milestones: MilestoneState | null = null;
  #deals: DealFigures | null = null;

  constructor(stage: StageModel, celebrations: Celebrations, now: () => number = Date.now) {
    const add = (entries: TickerEntry[]) => {
      if (entries.length > 0) this.entries = addEntries(untrack(() => this.entries), entries);
    };

    // The first snapshot's recent agreements and live announcements fill the ticker at once (they
    // are not news to celebrate, but a reloaded stage must not show an empty ticker).
    let opened = false;
    $effect(() => {
      if (opened || !stage.live.ready || !stage.live.deals) return;
      opened = true;
      const deals = stage.live.deals.latest.map((deal) => ({
        key: signingKey(deal),
        words: { organisation: deal.organisation, country: countryText(deal.country), partner: deal.partner },
        signedAt: deal.signedAt,
      }));
      const opening = openingEntries(deals, untrack(() => stage.announcements));
      // Oldest first into addEntries, which puts each new one in front.
      untrack(() => add([...opening].reverse()));
    });

    $effect(() => {
      // Before the first snapshot the list is merely empty, not known: what is up at start is not news.
      if (!stage.live.ready) return;
      const announcements = stage.announcements;
      add(newAnnouncements(this.#announcements, announcements).map((a) => announcementEntry(a, now())));
      this.#announcements = announcements;
    });

    $effect(() => {
      const exhibition = stage.live.exhibition;
      const sections = stage.live.sections;
      if (!exhibition) return;
      const next = { exhibition, sections };
      add(contentEntries(contentChanges(this.#content, next), now()));
      this.#content = next;
    });

    $effect(() => {
      const { day, visitorsToday } = stage.figures;
      if (day === null) return;
      const result = nextMilestones(this.#milestones, day, visitorsToday);
      this.#milestones = result.state;
      const at = now();
      add(result.crossed.map((visitors) => milestoneEntry(day, visitors, formatNumber(visitors), at)));
      for (const visitors of result.crossed) celebrations.add({ kind: 'milestone', key: `${day}:${visitors}`, visitors });
    });

    $effect(() => {
      const deals = stage.live.deals;
      if (!deals) return;
      // The figures of the first snapshot are not news; what a patch (or a later snapshot) adds is.
      const signed = newAgreements(this.#deals, deals);
      this.#deals = deals;
      const at = now();
      // Untracked: this effect follows the deal figures, not the celebration queue it adds to.
      untrack(() => {
        for (const deal of signed) {
          const key = signingKey(deal);
          const words = { organisation: deal.organisation, country: countryText(deal.country), partner: deal.partner };
          add([dealEntry(key, words, at)]);
          celebrations.add({ kind: 'deal', key: `deal:${key}`, ...words, industry: INDUSTRY_TEXT[deal.industry] });
        }
      });
    });
  }
}
