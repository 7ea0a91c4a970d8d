import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config/config.schema';

describe('configuration from the environment', () => {
  it('has defaults for everything', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.dataDir).toBe('./data');
    expect(config.ingestCommit).toBe('group');
    expect(config.ingestDeviceEventsPerSecond).toBe(100);
    expect(config.ingestDeviceBurst).toBe(2_000);
    expect(config.ingestMaxEventAgeDays).toBe(28);
  });

  it('keeps the per-device ingest burst at least one full request', () => {
    expect(() => parseConfig({ INGEST_DEVICE_BURST: '499' })).toThrow(/INGEST_DEVICE_BURST: must be at least 500/);
    expect(() => parseConfig({ INGEST_DEVICE_EVENTS_PER_SECOND: '0' })).toThrow(/INGEST_DEVICE_EVENTS_PER_SECOND/);
    expect(parseConfig({ INGEST_DEVICE_EVENTS_PER_SECOND: '0.5', INGEST_MAX_EVENT_AGE_DAYS: '3650' })).toMatchObject({ ingestDeviceEventsPerSecond: 0.5, ingestMaxEventAgeDays: 3650 });
  });

  it('names the variable that is wrong and what it got', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT: .*"eighty"/);
    expect(() => parseConfig({ TIME_ZONE: 'Mars/Olympus' })).toThrow(/TIME_ZONE: must be an IANA time zone/);
    expect(() => parseConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
    expect(() => parseConfig({ SHOWFLOOR_ADMIN_PASSWORD: 'short' })).toThrow(/SHOWFLOOR_ADMIN_PASSWORD: must be at least 8/);
  });

  it('reports every wrong variable at once', () => {
    expect(() => parseConfig({ PORT: '-1', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/);
  });

  it('treats an empty variable as unset and trims a trailing slash from PUBLIC_URL', () => {
    const config = parseConfig({ PORT: '', PUBLIC_URL: 'http://192.168.1.10:3000/' });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://192.168.1.10:3000');
  });
});
