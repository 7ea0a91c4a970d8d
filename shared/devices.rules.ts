// Device limits and defaults, zod-free: the server applies them, the schemas check them, and an
// unpaired kiosk or stage display falls back to the same defaults.

/**
 * Roles grow by extension only. `door`: a staff phone or tablet at an entrance (the /door/ app)
 * that counts visitors by hand; paired like a screen, it posts `visit` events like a sensor.
 */
export const DEVICE_ROLES = ['booth', 'stage', 'sensor', 'door'] as const;

/** Seconds without a touch before a kiosk asks "are you still there?" and returns to attract mode. */
export const IDLE_TIMEOUT_SECONDS = { min: 10, max: 3600 } as const;
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 60;
/** Seconds a stage display shows each scene before rotating to the next. */
export const SCENE_SECONDS = { min: 5, max: 600 } as const;
export const DEFAULT_SCENE_SECONDS = 20;
