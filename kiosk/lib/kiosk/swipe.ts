import type { Attachment } from 'svelte/attachments';

/** A horizontal swipe needs this much travel (CSS px)… */
const MIN_DISTANCE = 80;
/** …mostly sideways… */
const MAX_SLOPE = 0.6;
/** …and quick: a slow drag is someone reading with a finger on the glass. */
const MAX_DURATION_MS = 2_000;

export type SwipeDirection = 'next' | 'previous';

/** What a finger moving by (dx, dy) in `ms` means: a swipe left shows the next item. */
export function swipeDirection(dx: number, dy: number, ms: number): SwipeDirection | null {
  if (ms > MAX_DURATION_MS || Math.abs(dx) < MIN_DISTANCE || Math.abs(dy) > Math.abs(dx) * MAX_SLOPE) return null;
  return dx < 0 ? 'next' : 'previous';
}

/**
 * `{@attach swipe(handler)}`: calls `handler` on a horizontal swipe. Vertical scrolling stays the
 * browser's (the element should have `touch-action: pan-y`), so a pointer the browser takes over
 * for scrolling is cancelled and never counts.
 */
export function swipe(handler: (direction: SwipeDirection) => void): Attachment<HTMLElement> {
  return (node) => {
    let start: { id: number; x: number; y: number; at: number } | null = null;
    const down = (e: PointerEvent) => {
      if (e.isPrimary && e.button === 0) start = { id: e.pointerId, x: e.clientX, y: e.clientY, at: e.timeStamp };
    };
    const up = (e: PointerEvent) => {
      if (!start || e.pointerId !== start.id) return;
      const direction = swipeDirection(e.clientX - start.x, e.clientY - start.y, e.timeStamp - start.at);
      start = null;
      if (direction) handler(direction);
    };
    const cancel = () => (start = null);
    node.addEventListener('pointerdown', down);
    node.addEventListener('pointerup', up);
    node.addEventListener('pointercancel', cancel);
    return () => {
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointerup', up);
      node.removeEventListener('pointercancel', cancel);
    };
  };
}
