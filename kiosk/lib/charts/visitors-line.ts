import { Chart, animateLaterUpdates, type ChartFactory } from './chart-setup';
import type { TimeSeries } from './chart-data';
import { chartTheme } from './chart-theme';

/**
 * The complete buckets as a filled line, and the current bucket (still filling up) as a dashed
 * line without fill from the last complete one: a partial count must not read as a fall.
 */
function split(series: TimeSeries): { complete: (number | null)[]; partial: (number | null)[] } {
  const { values, lastIsPartial } = series;
  if (!lastIsPartial || values.length < 2) return { complete: values, partial: [] };
  const last = values.length - 1;
  return {
    complete: values.map((value, i) => (i === last ? null : value)),
    partial: values.map((value, i) => (i >= last - 1 ? value : null)),
  };
}

/** Visitors per 10 minutes today: a gold line over a soft fill that fades into the background. */
export const createVisitorsLine: ChartFactory<TimeSeries> = (canvas, data) => {
  const theme = chartTheme(canvas);
  let fill: { height: number; gradient: CanvasGradient } | null = null;
  const line = {
    borderColor: theme.accent,
    borderWidth: Math.max(2, theme.rem * 0.22),
    borderJoinStyle: 'round' as const,
    tension: 0.32,
    cubicInterpolationMode: 'monotone' as const,
    pointRadius: 0,
  };
  const { complete, partial } = split(data);
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [
        {
          ...line,
          data: complete,
          fill: 'origin',
          // The gradient depends on the plot height; it is made again only when that changes.
          backgroundColor: ({ chart: { ctx, chartArea } }) => {
            if (!chartArea) return 'transparent';
            if (!fill || fill.height !== chartArea.height) {
              const gradient = ctx.createLinearGradient(0, chartArea.top, 0, chartArea.bottom);
              gradient.addColorStop(0, theme.accentSoft);
              gradient.addColorStop(1, 'rgb(226 189 114 / 0)');
              fill = { height: chartArea.height, gradient };
            }
            return fill.gradient;
          },
        },
        { ...line, data: partial, fill: false, borderDash: [theme.rem * 0.5, theme.rem * 0.45] },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: theme.rem * 0.6, right: theme.rem * 0.6 } },
      scales: {
        x: {
          grid: { display: false },
          border: { color: theme.grid },
          ticks: { color: theme.muted, font: { size: theme.rem * 1.5 }, maxRotation: 0, autoSkipPadding: theme.rem * 1.6 },
        },
        y: {
          beginAtZero: true,
          grid: { color: theme.grid },
          border: { display: false },
          ticks: { color: theme.muted, font: { size: theme.rem * 1.5 }, precision: 0, maxTicksLimit: 5, padding: theme.rem * 0.5 },
        },
      },
    },
  });
  animateLaterUpdates(chart);
  return {
    update(next, animate) {
      const parts = split(next);
      chart.data.labels = next.labels;
      chart.data.datasets[0]!.data = parts.complete;
      chart.data.datasets[1]!.data = parts.partial;
      chart.update(animate ? undefined : 'none');
    },
    destroy: () => chart.destroy(),
  };
};
