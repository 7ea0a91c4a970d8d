import type { Chart, Plugin } from 'chart.js';
import { formatNumber } from '../i18n';
import type { ChartTheme } from './chart-theme';

/**
 * Draws each bar's value at its end: from 10 m away nobody reads an axis, but everybody reads a
 * number. A small inline plugin rather than chartjs-plugin-datalabels (about 12 KB more).
 */
export function valueLabels(theme: ChartTheme, options: { datasets?: number[] } = {}): Plugin<'bar'> {
  return {
    id: 'stageValueLabels',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx } = chart;
      const horizontal = chart.options.indexAxis === 'y';
      ctx.save();
      ctx.fillStyle = theme.text;
      ctx.font = `700 ${Math.round(theme.rem * 1.6)}px ${chart.options.font?.family ?? 'sans-serif'}`;
      ctx.textBaseline = horizontal ? 'middle' : 'bottom';
      ctx.textAlign = horizontal ? 'left' : 'center';
      const gap = theme.rem * 0.45;
      chart.data.datasets.forEach((dataset, index) => {
        if (options.datasets && !options.datasets.includes(index)) return;
        const meta = chart.getDatasetMeta(index);
        if (meta.hidden) return;
        meta.data.forEach((element, i) => {
          const value = dataset.data[i];
          if (typeof value !== 'number') return;
          const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
          const text = formatNumber(value);
          if (horizontal) ctx.fillText(text, x + gap, y);
          else ctx.fillText(text, x, y - gap * 0.5);
        });
      });
      ctx.restore();
    },
  };
}
