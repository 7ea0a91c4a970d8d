/**
 * Spreads costly chart work over animation frames: one job per frame. A scene with three charts
 * would otherwise create and first-draw all of them in the task that mounts it, one long task in
 * the middle of the crossfade; one per frame keeps every task short.
 */
const jobs: (() => void)[] = [];
let frame = 0;

function runNext(): void {
  frame = 0;
  jobs.shift()?.();
  if (jobs.length > 0) frame = requestAnimationFrame(runNext);
}

/** Runs `job` in a coming animation frame, after the jobs queued before it; returns a cancel function. */
export function queueChartWork(job: () => void): () => void {
  jobs.push(job);
  if (!frame) frame = requestAnimationFrame(runNext);
  return () => {
    const index = jobs.indexOf(job);
    if (index >= 0) jobs.splice(index, 1);
  };
}
