/** Pure geometry of the picture zoom: scale limits, pinch, double-tap and keeping the picture on screen. */

export const MIN_SCALE = 1;
export const MAX_SCALE = 5;
/** The scale a double-tap zooms to. */
export const TAP_SCALE = 2.5;

export interface Transform {
  scale: number;
  /** Offset of the picture's centre from the viewport's centre, in CSS pixels. */
  x: number;
  y: number;
}

export const IDENTITY: Transform = { scale: 1, x: 0, y: 0 };

export const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/**
 * Scales `t` to `scale` around the point `focus` (relative to the viewport's centre), so the
 * point under the fingers stays under them.
 */
export function zoomAround(t: Transform, scale: number, focus: { x: number; y: number }): Transform {
  const next = clampScale(scale);
  const k = next / t.scale;
  return { scale: next, x: focus.x - (focus.x - t.x) * k, y: focus.y - (focus.y - t.y) * k };
}

/** A double-tap: zoom in on the tapped point, or back to the whole picture. */
export function doubleTap(t: Transform, focus: { x: number; y: number }): Transform {
  return t.scale > 1.01 ? IDENTITY : zoomAround(t, TAP_SCALE, focus);
}

/**
 * Keeps the picture covering the viewport where it is larger than it, and centred where it is
 * smaller: a visitor can never push it off screen. `fitted` is its size at scale 1.
 */
export function clampPan(t: Transform, fitted: { width: number; height: number }, viewport: { width: number; height: number }): Transform {
  const limit = (size: number, view: number) => Math.max(0, (size * t.scale - view) / 2);
  const lx = limit(fitted.width, viewport.width);
  const ly = limit(fitted.height, viewport.height);
  // `|| 0`: no -0 (a picture that fits is exactly centred).
  return { scale: t.scale, x: Math.min(lx, Math.max(-lx, t.x)) || 0, y: Math.min(ly, Math.max(-ly, t.y)) || 0 };
}
