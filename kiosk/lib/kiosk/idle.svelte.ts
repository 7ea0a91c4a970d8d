import { ATTRACT, countdownSeconds, idleDeadline, idleStep, type IdleConfig, type IdleInput, type IdleState } from './idle-timer';

/** How long "are you still there?" counts down before the kiosk resets. */
export const COUNTDOWN_MS = 10_000;

export interface IdleOptions {
  /** The device's idle timeout (it may change while the kiosk runs). */
  timeoutMs: () => number;
  /** The countdown ran out: end the visit. `lastActivity` is the visitor's last touch. */
  onReset: (lastActivity: number) => void;
  now?: () => number;
}

/**
 * Runs the idle rule (idle-timer.ts) on real timers: one timeout set to the next moment the state
 * can change, and a one-second tick only while the countdown shows.
 */
export class IdleController {
  state = $state.raw<IdleState>(ATTRACT);
  /** The time the countdown shows; ticks only during the warning. */
  private shownAt = $state(0);
  readonly warning = $derived(this.state.phase === 'warning');
  readonly secondsLeft = $derived(countdownSeconds(this.state, this.shownAt, this.config()));

  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: IdleOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.apply({ type: 'start', at: this.now() });
  }

  /**
   * A touch, key or scroll anywhere. It does not answer the "are you still there?" question: that
   * takes a tap on the question itself (`stay`), so the tap that dismisses it cannot also land on
   * whatever lies under it.
   */
  activity(): void {
    if (this.state.phase === 'active') this.apply({ type: 'activity', at: this.now() });
  }

  /** The visitor answered "are you still there?". */
  stay(): void {
    if (this.state.phase === 'warning') this.apply({ type: 'activity', at: this.now() });
  }

  pause(reason: string): void {
    this.apply({ type: 'pause', reason, at: this.now() });
  }

  resume(reason: string): void {
    this.apply({ type: 'resume', reason, at: this.now() });
  }

  private config(): IdleConfig {
    return { timeoutMs: this.options.timeoutMs(), countdownMs: COUNTDOWN_MS };
  }

  private apply(input: IdleInput): void {
    const before = this.state;
    const after = idleStep(before, input, this.config());
    if (after === before) return;
    this.state = after;
    this.shownAt = this.now();
    if (after.phase === 'attract' && before.phase !== 'attract') this.options.onReset(before.lastActivity);
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const deadline = idleDeadline(this.state, this.config());
    // A little late rather than early: a tick before the deadline changes nothing and needs another.
    if (deadline !== null) this.timer = setTimeout(() => this.apply({ type: 'tick', at: this.now() }), Math.max(0, deadline - this.now()) + 25);
    if (this.state.phase === 'warning') {
      this.ticker ??= setInterval(() => (this.shownAt = this.now()), 250);
    } else {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }
}
