/**
 * The idle rule of a booth kiosk, as a pure state machine (the clock is passed in, so tests control
 * time): after `timeoutMs` without a touch the kiosk asks "are you still there?" and counts down
 * `countdownMs`; a touch during the countdown keeps the visit going, the end of it resets the kiosk
 * to attract mode. While something pauses the timer (a zoomed image, a video) no time counts.
 */

export interface IdleConfig {
  /** Time without a touch before the question appears (the device's idleTimeoutSeconds). */
  timeoutMs: number;
  /** How long the question counts down before the kiosk resets. */
  countdownMs: number;
}

export type IdleState =
  | { phase: 'attract' }
  /** A visit: `lastActivity` is the last touch; `pausedBy` names what holds the timer still. */
  | { phase: 'active'; lastActivity: number; pausedBy: readonly string[] }
  | { phase: 'warning'; lastActivity: number; warnedAt: number };

export type IdleInput =
  /** A visitor touched attract mode: the visit begins. */
  | { type: 'start'; at: number }
  /** Any touch, key or scroll during a visit. */
  | { type: 'activity'; at: number }
  /** Time passes (a timer fired). */
  | { type: 'tick'; at: number }
  | { type: 'pause'; reason: string; at: number }
  | { type: 'resume'; reason: string; at: number }
  /** Back to attract mode at once (an urgent reset, or the end of the countdown). */
  | { type: 'reset' };

export const ATTRACT: IdleState = { phase: 'attract' };

/** The next state after `input`. Inputs that mean nothing in a phase leave the state as it is. */
export function idleStep(state: IdleState, input: IdleInput, config: IdleConfig): IdleState {
  switch (input.type) {
    case 'reset':
      return ATTRACT;
    case 'start':
      return state.phase === 'attract' ? { phase: 'active', lastActivity: input.at, pausedBy: [] } : idleStep(state, { type: 'activity', at: input.at }, config);
    case 'activity':
      if (state.phase === 'attract') return state;
      if (state.phase === 'warning') return { phase: 'active', lastActivity: input.at, pausedBy: [] };
      return { ...state, lastActivity: Math.max(state.lastActivity, input.at) };
    case 'pause': {
      if (state.phase === 'attract') return state;
      const pausedBy = state.phase === 'active' ? state.pausedBy : [];
      if (pausedBy.includes(input.reason)) return state;
      // Pausing is something a visitor did (opened a zoom): it also counts as activity.
      return { phase: 'active', lastActivity: input.at, pausedBy: [...pausedBy, input.reason] };
    }
    case 'resume': {
      if (state.phase !== 'active' || !state.pausedBy.includes(input.reason)) return state;
      // The idle time starts over when the last pause ends: the visitor was busy until now.
      return { phase: 'active', lastActivity: input.at, pausedBy: state.pausedBy.filter((r) => r !== input.reason) };
    }
    case 'tick':
      return tick(state, input.at, config);
  }
}

function tick(state: IdleState, at: number, config: IdleConfig): IdleState {
  if (state.phase === 'attract') return state;
  if (state.phase === 'active') {
    if (state.pausedBy.length > 0 || at - state.lastActivity < config.timeoutMs) return state;
    const warnedAt = state.lastActivity + config.timeoutMs;
    // A late tick (a throttled timer, a machine that slept) may already be past the countdown too.
    return at - warnedAt >= config.countdownMs ? ATTRACT : { phase: 'warning', lastActivity: state.lastActivity, warnedAt };
  }
  return at - state.warnedAt >= config.countdownMs ? ATTRACT : state;
}

/** When the state changes next by itself (the time to schedule a tick for), or null when it never does. */
export function idleDeadline(state: IdleState, config: IdleConfig): number | null {
  if (state.phase === 'attract') return null;
  if (state.phase === 'warning') return state.warnedAt + config.countdownMs;
  return state.pausedBy.length > 0 ? null : state.lastActivity + config.timeoutMs;
}

/** Whole seconds left on the countdown, for the "are you still there?" question (0 outside it). */
export function countdownSeconds(state: IdleState, at: number, config: IdleConfig): number {
  if (state.phase !== 'warning') return 0;
  return Math.max(0, Math.ceil((state.warnedAt + config.countdownMs - at) / 1000));
}
