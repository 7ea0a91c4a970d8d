/**
 * Wall-clock milliseconds with sub-millisecond resolution. `performance.timeOrigin` is taken
 * from the system clock when a process starts, so this reading is comparable between the bench
 * process and its children on the same machine (run.ts measures the residual offset).
 */
export const clock = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
