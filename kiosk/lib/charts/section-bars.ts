import { Chart, animateLaterUpdates, type ChartFactory } from './chart-setup';
import type { SectionSeries } from './chart-data';
import { chartTheme } from './chart-theme';
import { lighten } from './colors';
import { valueLabels } from './value-labels';

/**
 * Visitors and interactions by section: two bars per section in the section's own colour, solid
 * for visitors and outlined for interactions (the HTML legend shows the two styles).
 */
export const createSectionBars: ChartFactory<SectionSeries> = (canvas, data) => {
  const theme = chartTheme(canvas);
  const solid = (colors: string[]) => colors.map((c) => lighten(c, 0.32));
  const soft = (colors: string[]) => colors.map((c) => lighten(c, 0.32, 0.28));
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [
        { data: data.visitors, backgroundColor: solid(data.colors), borderRadius: theme.rem * 0.3, categoryPercentage: 0.72, barPercentage: 0.9 },
        {
          data: data.interactions,
          backgroundColor: soft(data.colors),
          borderColor: solid(data.colors),
          borderWidth: Math.max(1.5, theme.rem * 0.14),
          borderRadius: theme.rem * 0.3,
          categoryPercentage: 0.72,
          barPercentage: 0.9,
        },
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
          ticks: { color: theme.text, font: { size: theme.rem * 1.5, lineHeight: 1.2 }, maxRotation: 0, autoSkip: false },
        },
        y: { beginAtZero: true, display: false, grace: '8%' },
      },
    },
    plugins: [valueLabels(theme)],
  });
  animateLaterUpdates(chart);
  return {
    update(next, animate) {
      chart.data.labels = next.labels;
      const [visitors, interactions] = chart.data.datasets as [(typeof chart.data.datasets)[0], (typeof chart.data.datasets)[0]];
      visitors.data = next.visitors;
      interactions.data = next.interactions;
      // Colours follow the content (an operator may recolour a section).
      visitors.backgroundColor = solid(next.colors);
      interactions.backgroundColor = soft(next.colors);
      interactions.borderColor = solid(next.colors);
      chart.update(animate ? undefined : 'none');
    },
    destroy: () => chart.destroy(),
  };
};
