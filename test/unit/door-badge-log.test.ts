import { describe, expect, it } from 'vitest';
import { BadgeLog, localBadgeKey, SAME_SCAN_MS } from '../../kiosk/lib/door/badge-log';
import { DEFAULT_DOOR_SETTINGS, parseDoorSettings } from '../../kiosk/lib/door/door-settings';

const T0 = Date.parse('2023-11-12T02:00:00Z');
const DAY = '2023-11-12';

describe('door badge log', () => {
  it('counts a badge the first time, ignores the same presentation, and says "already counted" when it comes back', () => {
    const log = new BadgeLog(null, DAY);
    expect(log.scan('HZ-0417', T0, DAY)).toBe('counted');
    // Held in front of the camera: read again and again, one presentation.
    expect(log.scan('HZ-0417', T0 + 200, DAY)).toBe('same-scan');
    expect(log.scan('HZ-0417', T0 + 200 + SAME_SCAN_MS - 1, DAY)).toBe('same-scan');
    expect(log.scan('HZ-0418', T0 + 10_000, DAY)).toBe('counted');
    expect(log.scan('HZ-0417', T0 + 11_000, DAY)).toBe('already-counted');
  });

  it('remembers the day across a reload and forgets it the next day', () => {
    const log = new BadgeLog(null, DAY);
    log.scan('HZ-0417', T0, DAY);
    const stored = log.serialize();
    expect(new BadgeLog(stored, DAY).scan('HZ-0417', T0 + 60_000, DAY)).toBe('already-counted');
    expect(new BadgeLog(stored, '2023-11-13').scan('HZ-0417', T0 + 60_000, '2023-11-13')).toBe('counted');
    // The day turns while the page stays open.
    expect(log.scan('HZ-0417', T0 + 86_400_000, '2023-11-13')).toBe('counted');
    expect(new BadgeLog('{broken', DAY).scan('HZ-0417', T0, DAY)).toBe('counted');
  });

  it('keeps a short hash of each code, never the code', () => {
    const log = new BadgeLog(null, DAY);
    log.scan('Zhang San 13800138000', T0, DAY);
    expect(log.serialize()).not.toContain('13800138000');
    expect(localBadgeKey('a')).toBe(localBadgeKey('a'));
    expect(localBadgeKey('a')).not.toBe(localBadgeKey('b'));
  });
});

describe('door settings', () => {
  it('reads what was stored, and the default for anything missing or not understood', () => {
    expect(parseDoorSettings(null)).toEqual({ mode: 'in', scanBadges: false });
    expect(parseDoorSettings(JSON.stringify({ mode: 'in-out', scanBadges: true }))).toEqual({ mode: 'in-out', scanBadges: true });
    expect(parseDoorSettings(JSON.stringify({ mode: 'sideways', scanBadges: 'yes' }))).toEqual(DEFAULT_DOOR_SETTINGS);
    expect(parseDoorSettings('null')).toEqual(DEFAULT_DOOR_SETTINGS);
    expect(parseDoorSettings('{not json')).toEqual(DEFAULT_DOOR_SETTINGS);
  });
});
