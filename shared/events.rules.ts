// Event limits, zod-free: the server's schema checks them and the kiosk clamps to them.

/**
 * Types grow by extension only. `session`: a booth kiosk's visit (attract mode → first touch),
 * counted as a booth visit for its section and never mixed into the door's `visit` figures.
 * `exit`: a person leaving through a door that counts in and out; never part of "visitors", only
 * of "on site now" (entries − exits).
 */
export const EVENT_TYPES = ['visit', 'tap', 'view', 'dwell', 'session', 'exit'] as const;

/** At most this many events in one POST /api/v1/events. */
export const MAX_EVENTS_PER_REQUEST = 500;
/** A dwell longer than this is a kiosk left on a page, not attention. */
export const MAX_DWELL_MS = 6 * 60 * 60 * 1000;
