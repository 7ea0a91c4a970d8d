import { Chart, animateLaterUpdates, type ChartFactory } from './chart-setup';
import { chartTheme } from './chart-theme';
import { lighten } from './colors';
import type { FunnelSeries } from './deal-data';
import { valueLabels } from './value-labels';

/**
 * Meetings and agreements per country or industry: two bars per category in its colour, outlined
 * for meetings held and solid for agreements signed (the HTML legend shows the two styles).
 */
export const createFunnelBars: ChartFactory<FunnelSeries> = (canvas, data) => {
  const theme = chartTheme(canvas);
  const solid = (colors: string[]) => colors.map((c) => lighten(c, 0.2));
  const soft = (colors: string[]) => colors.map((c) => lighten(c, 0.2, 0.32));
  const bar = { borderRadius: theme.rem * 0.3, categoryPercentage: 0.7, barPercentage: 0.9 };
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
      layout: { padding: { top: theme.rem * 2 } },
      scales: {
        x: {
          grid: { display: false },
          border: { color: theme.grid },
          ticks: { color: theme.text, font: { size: theme.rem * 1.02, lineHeight: 1.25 }, maxRotation: 0, autoSkip: false },
        },
        y: { beginAtZero: true, display: false, grace: '8%', suggestedMax: 1 },
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
