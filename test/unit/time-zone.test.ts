import { describe, expect, it } from 'vitest';
import { bucketStart, clockText, instantToZoned, localTime, zonedToInstant } from '../../shared/time-zone';

const direct = (epochMs: number, timeZone: string) => {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  for (const part of format.formatToParts(epochMs)) parts[part.type] = part.value;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute), second: Number(parts.second) };
};

describe('local time in a zone', () => {
  it('agrees with Intl for many instants, cached or not, across zones and DST changes', () => {
    const zones = ['Asia/Shanghai', 'Asia/Kathmandu', 'America/New_York', 'Europe/Berlin', 'UTC'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const at = Date.parse('2023-03-01T00:00:00Z') + Math.floor(random() * 300 * 86_400_000);
      const zone = zones[i % zones.length]!;
      expect(localTime(at, zone)).toEqual(direct(at, zone));
      expect(localTime(at, zone)).toEqual(direct(at, zone)); // second call comes from the cache
    }
  });

  it('starts a bucket on a 10-minute local boundary', () => {
    const at = Date.parse('2023-11-12T02:17:42.123Z');
    expect(new Date(bucketStart(at, 'Asia/Shanghai')).toISOString()).toBe('2023-11-12T02:10:00.000Z');
  });
});

describe('wall clock to instant in a zone', () => {
  it('reads a wall time in the zone, not in the machine zone', () => {
    expect(zonedToInstant('2023-11-12T14:00', 'Asia/Shanghai')).toBe(Date.parse('2023-11-12T06:00:00Z'));
    expect(zonedToInstant('2023-11-12T14:00:30', 'Asia/Kathmandu')).toBe(Date.parse('2023-11-12T08:15:30Z'));
    expect(zonedToInstant('2023-11-12', 'UTC')).toBe(Date.parse('2023-11-12T00:00:00Z'));
    expect(zonedToInstant('2023-02-30T10:00', 'UTC')).toBeUndefined();
    expect(zonedToInstant('soon', 'UTC')).toBeUndefined();
  });

  it('round-trips through the datetime-local format across zones and DST changes', () => {
    const zones = ['Asia/Shanghai', 'Asia/Kathmandu', 'America/New_York', 'Europe/Berlin', 'UTC'];
    for (let i = 0; i < 500; i++) {
      const at = Date.parse('2023-01-01T00:00:00Z') + i * 17 * 3_600_000 + 1000 * i;
      for (const zone of zones) {
        const wall = instantToZoned(at, zone);
        // A wall time that occurs twice (autumn DST) resolves to the first of the two instants.
        expect([at, at - 3_600_000]).toContain(zonedToInstant(wall, zone));
      }
    }
  });

  it('resolves a wall time skipped by a spring DST jump to after the jump', () => {
    // Berlin jumped from 02:00 to 03:00 on 26 March 2023.
    expect(zonedToInstant('2023-03-26T02:30', 'Europe/Berlin')).toBe(Date.parse('2023-03-26T01:30:00Z'));
  });
});

describe('clockText', () => {
  it('reads HH:MM on the zone’s wall clock, whatever the machine’s zone', () => {
    expect(clockText(Date.parse('2026-05-01T01:05:59Z'), 'Asia/Shanghai')).toBe('09:05');
    expect(clockText(Date.parse('2026-05-01T01:05:59Z'), 'Asia/Kathmandu')).toBe('06:50');
    expect(clockText(Date.parse('2026-05-01T23:59:00Z'), 'UTC')).toBe('23:59');
  });
});
