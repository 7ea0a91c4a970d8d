import { Chart, animateLaterUpdates, type ChartFactory } from './chart-setup';
import type { RankedItems } from './chart-data';
import { chartTheme } from './chart-theme';
import { lighten } from './colors';
import { valueLabels } from './value-labels';

/** The items with most interest today: horizontal bars in their section's colour, most first. */
export const createTopItems: ChartFactory<RankedItems> = (canvas, data) => {
  const theme = chartTheme(canvas);
  const colors = (list: string[]) => list.map((c) => lighten(c, 0.3));
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [{ data: data.values, backgroundColor: colors(data.colors), borderRadius: theme.rem * 0.3, categoryPercentage: 0.78, barPercentage: 0.92 }],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: theme.rem * 4 } },
      scales: {
        x: { beginAtZero: true, display: false, grace: '4%' },
        y: {
          grid: { display: false },
          border: { display: false },
          ticks: { color: theme.text, font: { size: theme.rem * 1.5, lineHeight: 1.15 }, autoSkip: false, padding: theme.rem * 0.5 },
        },
      },
    },
    plugins: [valueLabels(theme)],
  });
  animateLaterUpdates(chart);
  return {
    update(next, animate) {
      chart.data.labels = next.labels;
      const dataset = chart.data.datasets[0]!;
      dataset.data = next.values;
      dataset.backgroundColor = colors(next.colors);
      chart.update(animate ? undefined : 'none');
    },
    destroy: () => chart.destroy(),
  };
};
