/**
 * The door's own memory of the badges it counted today, so a rescanned badge says "already
 * counted" at once, offline too. The server decides what counts (each badge once a day across all
 * doors, by a keyed hash); this only spares the door a second event and tells the staff.
 *
 * It keeps a short local hash of each code, not the code (the device may be lost), and forgets
 * them when the day changes.
 */

/** A badge held in front of the camera is read many times a second: one reading per presentation. */
export const SAME_SCAN_MS = 3_000;

export type ScanOutcome = 'counted' | 'already-counted' | 'same-scan';

/**
 * A 53-bit hash of the code (cyrb53), as hex. Not a secret: short enough that many codes share
 * one (a rare false "already counted" on this door only), which is what keeps it from being a
 * list of badge numbers.
 */
export function localBadgeKey(code: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < code.length; i++) {
    const ch = code.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

export class BadgeLog {
  private day: string;
  private keys: Set<string>;
  private last: { key: string; at: number } | null = null;

  /** `stored`: what `serialize` wrote (any day; another day's badges are forgotten). */
  constructor(stored: string | null, day: string) {
    this.day = day;
    this.keys = new Set();
    try {
      const parsed = stored ? (JSON.parse(stored) as { day?: unknown; keys?: unknown }) : null;
      if (parsed?.day === day && Array.isArray(parsed.keys)) for (const key of parsed.keys) if (typeof key === 'string') this.keys.add(key);
    } catch {
      // Unreadable: start the day's list again; the server still counts each badge once.
    }
  }

  /**
   * What a reading of `code` at `now` (on the device's `day`) means: the first of the day counts;
   * the same badge read again within SAME_SCAN_MS of its last reading is the same presentation
   * and is ignored; any later reading is "already counted".
   */
  scan(code: string, now: number, day: string): ScanOutcome {
    if (day !== this.day) {
      this.day = day;
      this.keys.clear();
    }
    const key = localBadgeKey(code);
    const previous = this.last;
    this.last = { key, at: now };
    if (previous?.key === key && now - previous.at < SAME_SCAN_MS) return 'same-scan';
    if (this.keys.has(key)) return 'already-counted';
    this.keys.add(key);
    return 'counted';
  }

  serialize(): string {
    return JSON.stringify({ day: this.day, keys: [...this.keys] });
  }
}
