import { BarController, BarElement, CategoryScale, Chart, Filler, LinearScale, LineController, LineElement, PointElement, type ChartType } from 'chart.js';

/*
 * Only what the stage's charts use is registered (no `chart.js/auto`): line and bar controllers,
 * their elements, category and linear scales, and the area fill. Nobody touches a stage display,
 * so no tooltip, and legends are drawn in HTML (bilingual, larger), so no legend plugin.
 */
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Filler);

// Charts are redrawn up to ten times a second with new figures; none of them listens to the pointer.
Chart.defaults.events = [];
// The page's own family (lib/base.css, with the bundled face from lib/type.css), so canvas text matches the HTML beside it.
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--sf-font-family').trim() || 'sans-serif';

export { Chart };

/**
 * Charts appear without chart.js's entry animation (the scene's crossfade is the entrance, and
 * drawing every frame while it runs would be wasted work); later changes animate with this.
 */
export const UPDATE_ANIMATION = { duration: 450, easing: 'easeOutQuart' } as const;

export function animateLaterUpdates<T extends ChartType, D, L>(chart: Chart<T, D, L>): void {
  if (chart.options) chart.options.animation = UPDATE_ANIMATION;
}

/** What a stage chart component drives: new data (animated or not), and teardown. */
export interface ChartView<D> {
  update(data: D, animate: boolean): void;
  destroy(): void;
}

export type ChartFactory<D> = (canvas: HTMLCanvasElement, data: D) => ChartView<D>;
