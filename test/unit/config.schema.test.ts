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

  it('uses SQLite unless DATABASE_URL names a PostgreSQL database, with pool and timeout settings', () => {
    expect(parseConfig({})).toMatchObject({ databaseUrl: undefined, databasePoolSize: 10, databaseStatementTimeoutMs: 10_000 });
    const url = 'postgresql://showfloor:secret@db.example.org:5433/show';
    expect(parseConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '50', DATABASE_STATEMENT_TIMEOUT_MS: '2500' })).toMatchObject({
      databaseUrl: url,
      databasePoolSize: 50,
      databaseStatementTimeoutMs: 2500,
    });
    expect(parseConfig({ DATABASE_URL: 'postgres://localhost/show' }).databaseUrl).toBe('postgres://localhost/show');
  });

  it('refuses a DATABASE_URL of another kind, naming the variable and never echoing its password', () => {
    for (const url of ['mysql://root:hunter22@db/show', 'https://root:hunter22@db/show', 'root:hunter22@db/show', 'postgres://root:hunter22@[db/show']) {
      let message = '';
      try {
        parseConfig({ DATABASE_URL: url });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
      expect(message).not.toContain('hunter22');
    }
    expect(() => parseConfig({ DATABASE_URL: 'mysql://root:hunter22@db/show' })).toThrow(/got "mysql:\/\/root:\*\*\*@db\/show"/);
  });

  it('keeps the pool size and statement timeout in range', () => {
    expect(() => parseConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: '201' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: 'ten' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
  });
});
