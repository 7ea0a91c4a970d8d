import type { DealFigures, Industry } from '../../../shared/deals.schema';

/**
 * The matchmaking figures as the stage shows them, as pure rules: the industries and countries in
 * words, and which signed agreements are news.
 */

export type SignedDeal = DealFigures['latest'][number];

/** The five industries, in the order the wall lists them, with their names. */
export { INDUSTRIES as STAGE_INDUSTRIES, INDUSTRY_NAMES as INDUSTRY_TEXT } from '../../../shared/deals.vocabulary';
export { countryText } from '../i18n';

/** One colour per industry, light enough to stand out on the stage's dark background. */
export const INDUSTRY_COLORS: Record<Industry, string> = {
  iot: '#4f8df5',
  biomedicine: '#e0607e',
  equipment: '#9a86f2',
  materials: '#35c2b3',
  energy: '#7cc95a',
};

/** The wall has something to show once a first meeting is recorded. */
export function hasMeetings(deals: DealFigures | null): boolean {
  return deals !== null && deals.totals.meetings > 0;
}

/** Identifies one signing: a meeting signed again after a correction is a new signing. */
export function signingKey(deal: Pick<SignedDeal, 'meetingId' | 'signedAt'>): string {
  return `${deal.meetingId}@${deal.signedAt}`;
}

/**
 * The agreements signed between two versions of the figures, oldest first, at most `limit` (the
 * latest ones): what the stage celebrates. The first figures a screen sees (`previous` null) are
 * not news. An agreement older than everything listed before is not news either: it can only come
 * back onto the list of latest ones because a newer one was corrected away.
 */
export function newAgreements(previous: DealFigures | null, next: DealFigures, limit = 4): SignedDeal[] {
  if (previous === null) return [];
  const known = new Set(previous.latest.map(signingKey));
  const newest = previous.latest.reduce((max, deal) => (deal.signedAt > max ? deal.signedAt : max), '');
  return next.latest
    .filter((deal) => !known.has(signingKey(deal)) && deal.signedAt >= newest)
    .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
    .slice(-limit);
}
