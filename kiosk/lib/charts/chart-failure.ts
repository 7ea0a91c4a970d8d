import { getContext, setContext } from 'svelte';

/**
 * Charts redraw in animation-frame callbacks, where a thrown error escapes `<svelte:boundary>`.
 * The scene that holds them provides this handler, so such a failure also skips the scene
 * instead of leaving a half-drawn chart on a wall screen.
 */
const KEY = Symbol('chart-failure');

export type ChartFailureHandler = (error: unknown) => void;

export function provideChartFailureHandler(handler: ChartFailureHandler): void {
  setContext(KEY, handler);
}

/** The handler of the enclosing scene; without one, the error is thrown on. */
export function chartFailureHandler(): ChartFailureHandler {
  return (
    getContext<ChartFailureHandler | undefined>(KEY) ??
    ((error) => {
      throw error;
    })
  );
}
