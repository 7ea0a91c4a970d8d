import { describe, expect, it } from 'vitest';
import { ATTRACT, countdownSeconds, idleDeadline, idleStep, type IdleConfig, type IdleInput, type IdleState } from '../../kiosk/lib/kiosk/idle-timer';

const config: IdleConfig = { timeoutMs: 60_000, countdownMs: 10_000 };
const run = (inputs: IdleInput[], from: IdleState = ATTRACT) => inputs.reduce((state, input) => idleStep(state, input, config), from);

describe('kiosk idle timer', () => {
  it('stays in attract mode until a visitor touches the screen', () => {
    expect(run([{ type: 'tick', at: 1_000_000 }, { type: 'activity', at: 1_000_001 }])).toBe(ATTRACT);
    expect(run([{ type: 'start', at: 5 }])).toEqual({ phase: 'active', lastActivity: 5, pausedBy: [] });
  });

  it('asks "are you still there?" exactly when the timeout has passed since the last touch', () => {
    const visit = run([{ type: 'start', at: 0 }, { type: 'activity', at: 30_000 }]);
    expect(idleStep(visit, { type: 'tick', at: 89_999 }, config).phase).toBe('active');
    expect(idleStep(visit, { type: 'tick', at: 90_000 }, config)).toEqual({ phase: 'warning', lastActivity: 30_000, warnedAt: 90_000 });
    expect(idleDeadline(visit, config)).toBe(90_000);
  });

  it('counts down and then resets to attract mode', () => {
    const warned = run([{ type: 'start', at: 0 }, { type: 'tick', at: 60_000 }]);
    expect(countdownSeconds(warned, 60_000, config)).toBe(10);
    expect(countdownSeconds(warned, 63_500, config)).toBe(7);
    expect(idleStep(warned, { type: 'tick', at: 69_999 }, config).phase).toBe('warning');
    expect(idleStep(warned, { type: 'tick', at: 70_000 }, config)).toBe(ATTRACT);
    expect(idleDeadline(warned, config)).toBe(70_000);
  });

  it('a touch during the countdown keeps the visit going, with a fresh timeout', () => {
    const warned = run([{ type: 'start', at: 0 }, { type: 'tick', at: 60_000 }]);
    const kept = idleStep(warned, { type: 'activity', at: 65_000 }, config);
    expect(kept).toEqual({ phase: 'active', lastActivity: 65_000, pausedBy: [] });
    expect(idleDeadline(kept, config)).toBe(125_000);
  });

  it('goes straight to attract mode when a late tick is already past the countdown (a machine that slept)', () => {
    expect(run([{ type: 'start', at: 0 }, { type: 'tick', at: 500_000 }])).toBe(ATTRACT);
  });

  it('holds still while something pauses it, and starts the timeout over when the last pause ends', () => {
    const zoomed = run([{ type: 'start', at: 0 }, { type: 'pause', reason: 'zoom', at: 10_000 }, { type: 'pause', reason: 'video', at: 11_000 }]);
    expect(idleDeadline(zoomed, config)).toBeNull();
    expect(idleStep(zoomed, { type: 'tick', at: 1_000_000 }, config)).toBe(zoomed);
    const oneLeft = idleStep(zoomed, { type: 'resume', reason: 'zoom', at: 500_000 }, config);
    expect(idleStep(oneLeft, { type: 'tick', at: 2_000_000 }, config).phase).toBe('active');
    const running = idleStep(oneLeft, { type: 'resume', reason: 'video', at: 600_000 }, config);
    expect(running).toEqual({ phase: 'active', lastActivity: 600_000, pausedBy: [] });
    expect(idleStep(running, { type: 'tick', at: 660_000 }, config).phase).toBe('warning');
  });

  it('ignores a resume for a pause that never started, and activity keeps a pause', () => {
    const visit = run([{ type: 'start', at: 0 }]);
    expect(idleStep(visit, { type: 'resume', reason: 'zoom', at: 5 }, config)).toBe(visit);
    const zoomed = run([{ type: 'pause', reason: 'zoom', at: 10 }, { type: 'activity', at: 20 }], visit);
    expect(zoomed).toEqual({ phase: 'active', lastActivity: 20, pausedBy: ['zoom'] });
  });

  it('never moves the last activity backwards (events may arrive out of order)', () => {
    expect(run([{ type: 'start', at: 100 }, { type: 'activity', at: 50 }])).toEqual({ phase: 'active', lastActivity: 100, pausedBy: [] });
  });

  it('a reset ends any visit at once', () => {
    expect(run([{ type: 'start', at: 0 }, { type: 'pause', reason: 'zoom', at: 1 }, { type: 'reset' }])).toBe(ATTRACT);
    expect(countdownSeconds(ATTRACT, 0, config)).toBe(0);
    expect(idleDeadline(ATTRACT, config)).toBeNull();
  });
});
