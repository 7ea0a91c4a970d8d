import type { DealFigures, Funnel } from '../../../shared/deals.schema';
import { INDUSTRY_COLORS, INDUSTRY_TEXT, STAGE_INDUSTRIES, countryText } from '../stage/deals';
import { labelLines, type LabelLines } from './chart-data';

/**
 * What the matchmaking wall's charts draw, computed from the public deal figures as plain data (no
 * chart.js, no DOM): meetings held and agreements signed per country or per industry.
 */
export interface FunnelSeries {
  ids: string[];
  labels: LabelLines[];
  colors: string[];
  meetings: number[];
  agreements: number[];
}

/** The colour of the country bars (the stage's gold; countries have no colour of their own). */
export const COUNTRY_COLOR = '#e2bd72';

/**
 * A category's name on one line of the horizontal wall, Chinese then English ("高端装备 High-end
 * equipment"), each shortened by rule so that a long name never runs into the bars.
 */
export function oneLine(text: Parameters<typeof labelLines>[0]): LabelLines {
  const [zh, en] = labelLines(text, 6, 18, 1);
  return [`${zh} ${en ?? ''}`.trim()];
}

const EMPTY_FUNNEL: Funnel = { meetings: 0, intentions: 0, agreements: 0 };

/** Every industry, in the wall's fixed order, even those without a meeting yet (they show as zero). */
export function industrySeries(deals: DealFigures): FunnelSeries {
  const funnels = STAGE_INDUSTRIES.map((id) => deals.byIndustry[id] ?? EMPTY_FUNNEL);
  return {
    ids: [...STAGE_INDUSTRIES],
    labels: STAGE_INDUSTRIES.map((id) => oneLine(INDUSTRY_TEXT[id])),
    colors: STAGE_INDUSTRIES.map((id) => INDUSTRY_COLORS[id]),
    meetings: funnels.map((f) => f.meetings),
    agreements: funnels.map((f) => f.agreements),
  };
}

/**
 * The countries with meetings, most agreements first (then most meetings, then by code), at most
 * `limit`: the bars of a wall read from 10 m have to stay wide.
 */
export function countrySeries(deals: DealFigures, limit = 8): FunnelSeries {
  const rows = Object.entries(deals.byCountry)
    .filter(([, funnel]) => funnel.meetings > 0)
    .sort(([a, fa], [b, fb]) => fb.agreements - fa.agreements || fb.meetings - fa.meetings || a.localeCompare(b))
    .slice(0, limit);
  return {
    ids: rows.map(([code]) => code),
    labels: rows.map(([code]) => oneLine(countryText(code))),
    colors: rows.map(() => COUNTRY_COLOR),
    meetings: rows.map(([, f]) => f.meetings),
    agreements: rows.map(([, f]) => f.agreements),
  };
}
