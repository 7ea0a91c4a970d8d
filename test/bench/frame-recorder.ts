import type { Page } from '@playwright/test';
import { summarize, type Summary } from './stats';

/**
 * Init script: records, while `recording` is on, the time between consecutive animation frames
 * and every long task (a main-thread task over 50 ms, PerformanceObserver 'longtask'). A string,
 * not a function: tsx's transform would add helpers the page does not have.
 */
export const FRAME_RECORDER = `
  window.__benchFrames = { frames: [], longTasks: [], recording: false, startedAt: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (window.__benchFrames.recording) window.__benchFrames.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  (() => {
    let last = 0;
    const frame = (now) => {
      if (window.__benchFrames.recording && last) window.__benchFrames.frames.push(now - last);
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })();
`;

/** What a page's main thread did over one recording window. */
export interface FrameWindow {
  seconds: number;
  /** Animation frames per second. */
  fps: number;
  /** Time between consecutive animation frames (ms). */
  frameMs: Summary | undefined;
  /** Tasks over 50 ms, and the longest of them (0 when none). */
  longTasks: number;
  longestTaskMs: number;
}

export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(`(() => { const r = window.__benchFrames; r.frames = []; r.longTasks = []; r.startedAt = performance.now(); r.recording = true; })()`);
}

export async function stopRecording(page: Page): Promise<FrameWindow> {
  const recorded = (await page.evaluate(`(() => {
    const r = window.__benchFrames;
    r.recording = false;
    return { frames: r.frames, longTasks: r.longTasks, elapsed: performance.now() - r.startedAt };
  })()`)) as { frames: number[]; longTasks: number[]; elapsed: number };
  return {
    seconds: recorded.elapsed / 1_000,
    fps: (recorded.frames.length * 1_000) / recorded.elapsed,
    frameMs: summarize(recorded.frames),
    longTasks: recorded.longTasks.length,
    longestTaskMs: Math.max(0, ...recorded.longTasks),
  };
}
