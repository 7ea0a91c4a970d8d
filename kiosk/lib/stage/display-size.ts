/*
 * The stage's two compositions. Sizes are in rem and the root size follows the viewport, so every
 * size already scales from 1920×1080 to 3840×2160; a 4K display (in CSS pixels: a screen at device
 * pixel ratio 2 reports 1920×1080 and gets the 1080p composition) also gets more to read: more rows
 * in its lists (the top items in a column of their own), a ticker with more lines. The same query is written in the scenes'
 * CSS (`@media (min-width: 2880px) and (min-height: 1620px)`): 1.5× 1080p or more in both directions.
 */
export const UHD_QUERY = '(min-width: 2880px) and (min-height: 1620px)';

/** What a composition shows; the CSS of each scene arranges it. */
export interface StageDensity {
  /** Items in the "most interest" chart. */
  topItems: number;
  /** Characters of an item's English label line there (chart.js gives labels half the chart's width). */
  topItemsEnWidth: number;
  /** Agreements in the matchmaking scene's "latest" column. */
  latestDeals: number;
  /** Countries in the matchmaking scene's country chart. */
  countries: number;
  /** Ticker entries on screen at once. */
  tickerLines: number;
}

export const DENSITY_1080P: StageDensity = { topItems: 6, topItemsEnWidth: 32, latestDeals: 2, countries: 5, tickerLines: 1 };
export const DENSITY_4K: StageDensity = { topItems: 10, topItemsEnWidth: 26, latestDeals: 3, countries: 8, tickerLines: 2 };

export function densityFor(uhd: boolean): StageDensity {
  return uhd ? DENSITY_4K : DENSITY_1080P;
}
