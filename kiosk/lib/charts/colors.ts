/**
 * Colour helpers for charts. The exhibition's section colours are chosen dark enough for white
 * text on a tile; on the stage's dark background a chart needs them lighter to stand out.
 */

function channels(hex: string): [number, number, number] {
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1] ?? '808080';
  return [0, 2, 4].map((i) => Number.parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

/** `hex` mixed with white by `amount` (0–1), as an rgb() string with `alpha`. */
export function lighten(hex: string, amount: number, alpha = 1): string {
  const [r, g, b] = channels(hex).map((c) => Math.round(c + (255 - c) * amount));
  return `rgb(${r} ${g} ${b} / ${alpha})`;
}
