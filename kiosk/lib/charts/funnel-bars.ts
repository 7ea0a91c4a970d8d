import { Chart, animateLaterUpdates, type ChartFactory } from './chart-setup';
import { chartTheme } from './chart-theme';
import { lighten } from './colors';
import type { FunnelSeries } from './deal-data';
import { valueLabels } from './value-labels';

/**
 * Meetings and agreements per country or industry: two bars per category in its colour, outlined
 * for meetings held and solid for agreements signed (the HTML legend shows the two styles).
 * Horizontal, so that every category's name has a line of its own at the left and names never
 * run into each other, however many categories there are and however long their English names.
 */
export const createFunnelBars: ChartFactory<FunnelSeries> = (canvas, data) => {
  const theme = chartTheme(canvas);
  const solid = (colors: string[]) => colors.map((c) => lighten(c, 0.2));
  const soft = (colors: string[]) => colors.map((c) => lighten(c, 0.2, 0.32));
  // Thin bars stay thin when there is little data (one country must not become a slab).
  const bar = { borderRadius: theme.rem * 0.3, categoryPercentage: 0.8, barPercentage: 0.9, maxBarThickness: theme.rem * 1.5 };
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [
        { ...bar, data: data.meetings, backgroundColor: soft(data.colors), borderColor: solid(data.colors), borderWidth: Math.max(1.5, theme.rem * 0.14) },
        { ...bar, data: data.agreements, backgroundColor: solid(data.colors) },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: 'y',
      layout: { padding: { right: theme.rem * 3 } },
      scales: {
        y: {
          grid: { display: false },
          border: { color: theme.grid },
          ticks: { color: theme.text, font: { size: theme.rem * 1.5, lineHeight: 1.1 }, autoSkip: false, padding: theme.rem * 0.6 },
          // chart.js gives a side axis at most half the chart; the names get the width they need so
          // they are never cut (the bars take the rest, and the names are short by rule).
          afterFit(scale) {
            const { ctx } = scale;
            ctx.save();
            ctx.font = `${theme.rem * 1.5}px ${Chart.defaults.font.family ?? 'sans-serif'}`;
            const labels = (scale.chart.data.labels ?? []) as (string | string[])[];
            const widest = Math.max(0, ...labels.flatMap((label) => (Array.isArray(label) ? label : [label])).map((line) => ctx.measureText(line).width));
            ctx.restore();
            scale.width = Math.min(scale.chart.width * 0.7, Math.ceil(widest + theme.rem * 1.4));
          },
        },
        x: { beginAtZero: true, display: false, grace: '8%', suggestedMax: 1 },
      },
    },
    plugins: [valueLabels(theme)],
  });
  animateLaterUpdates(chart);
  return {
    update(next, animate) {
      chart.data.labels = next.labels;
      const [meetings, agreements] = chart.data.datasets as [(typeof chart.data.datasets)[0], (typeof chart.data.datasets)[0]];
      meetings.data = next.meetings;
      meetings.backgroundColor = soft(next.colors);
      meetings.borderColor = solid(next.colors);
      agreements.data = next.agreements;
      agreements.backgroundColor = solid(next.colors);
      chart.update(animate ? undefined : 'none');
    },
    destroy: () => chart.destroy(),
  };
};
