/**
 * Whether the viewer (or the screen's owner, in the operating system) asked for less motion:
 * counters then jump instead of counting up, charts and scenes change without animation.
 */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A transition or animation length, or 0 when motion is reduced. */
export function motionMs(ms: number): number {
  return prefersReducedMotion() ? 0 : ms;
}
