/**
 * Chart colours and sizes come from the stage's theme.css (custom properties on the page) and its
 * root font size, which follows the viewport: one layout for 1920×1080 and 3840×2160. chart.js
 * wants pixels, so they are read once when a chart is created (stage screens do not resize).
 */
export interface ChartTheme {
  /** Pixels per rem. */
  rem: number;
  text: string;
  muted: string;
  grid: string;
  accent: string;
  accentSoft: string;
}

export function chartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const root = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    rem: Number.parseFloat(root.fontSize) || 16,
    text: read('--stage-text', '#f4f6fc'),
    muted: read('--stage-muted', '#aab6d3'),
    grid: read('--stage-grid', 'rgb(255 255 255 / 0.08)'),
    accent: read('--stage-accent', '#e2bd72'),
    accentSoft: read('--stage-accent-soft', 'rgb(226 189 114 / 0.35)'),
  };
}
