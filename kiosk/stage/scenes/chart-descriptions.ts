import type { RankedItems, SectionSeries, TimeSeries } from '../../lib/charts/chart-data';
import type { FunnelSeries } from '../../lib/charts/deal-data';
import { both, formatNumber, type LocalizedText } from '../../lib/i18n';
import { STAGE_TEXT } from '../stage-text';

/*
 * The accessible names of the stage's charts: a canvas has no text, so each chart carries a short
 * summary of what it draws (also what the browser tests read to see a chart move).
 */

export function describeVisitorSeries(series: TimeSeries): string {
  const total = series.values.reduce((sum, value) => sum + value, 0);
  const latest = series.values.at(-1) ?? 0;
  return `${both(STAGE_TEXT.visitorsPerTenMinutes)}: 合计 ${formatNumber(total)} total, 最近10分钟 ${formatNumber(latest)} in the latest 10 minutes`;
}

export function describeSections(series: SectionSeries): string {
  const parts = series.labels.map(
    (lines, i) => `${lines.filter(Boolean).join(' ')}: 观众 ${formatNumber(series.visitors[i] ?? 0)} visitors, 互动 ${formatNumber(series.interactions[i] ?? 0)} interactions`,
  );
  return `${both(STAGE_TEXT.bySection)}: ${parts.join('; ')}`;
}

export function describeTopItems(items: RankedItems): string {
  const parts = items.labels.map((lines, i) => `${lines.filter(Boolean).join(' ')}: ${formatNumber(items.values[i] ?? 0)}`);
  return `${both(STAGE_TEXT.topItems)}: ${parts.join('; ')}`;
}

/** "各国家洽谈与签约 · By country: 德国 Germany: 洽谈 2 meetings, 签约 1 agreements; …" */
export function describeFunnel(title: LocalizedText): (series: FunnelSeries) => string {
  return (series) => {
    const parts = series.labels.map(
      (lines, i) => `${lines.filter(Boolean).join(' ')}: 洽谈 ${formatNumber(series.meetings[i] ?? 0)} meetings, 签约 ${formatNumber(series.agreements[i] ?? 0)} agreements`,
    );
    return `${both(title)}: ${parts.length > 0 ? parts.join('; ') : '暂无 none'}`;
  };
}
