import { describe, expect, it } from 'vitest';
import { ConfigError, defaultNodeId, parseConfig } from '../../server/config/config.schema';

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

  describe('several nodes', () => {
    const database = { DATABASE_URL: 'postgres://showfloor:secret@db:5432/show' };
    const refusal = (env: Record<string, string>) => {
      try {
        parseConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };

    it('is off without REDIS_URL, and takes a redis:// or rediss:// URL with DATABASE_URL', () => {
      expect(parseConfig({}).redisUrl).toBeUndefined();
      expect(parseConfig({ ...database, REDIS_URL: 'redis://:pw@cache:6379' }).redisUrl).toBe('redis://:pw@cache:6379');
      expect(parseConfig({ ...database, REDIS_URL: 'rediss://cache.example.org:6380/2' }).redisUrl).toBe('rediss://cache.example.org:6380/2');
    });

    it('refuses a REDIS_URL of another kind, naming the variable and never echoing its password', () => {
      for (const url of ['http://:hunter22@cache:6379', 'cache:6379', ':hunter22@cache:6379', 'redis://:hunter22@[cache']) {
        const message = refusal({ ...database, REDIS_URL: url });
        expect(message).toMatch(/REDIS_URL: must be a Redis URL/);
        expect(message).not.toContain('hunter22');
      }
      expect(refusal({ ...database, REDIS_URL: 'http://user:hunter22@cache:6379' })).toContain('got "http://user:***@cache:6379/"');
    });

    it('refuses REDIS_URL without DATABASE_URL: nodes cannot share a SQLite file', () => {
      expect(refusal({ REDIS_URL: 'redis://localhost:6379' })).toMatch(/REDIS_URL: several nodes need one shared PostgreSQL database: set DATABASE_URL/);
    });

    it('names the node from NODE_ID, else from the host name and process id', () => {
      expect(parseConfig({ NODE_ID: 'node-1' }).nodeId).toBe('node-1');
      expect(parseConfig({}).nodeId).toMatch(new RegExp(`^[a-z0-9-]{1,40}-${process.pid}$`));
      expect(defaultNodeId('Show_Floor.Example.ORG', 4242)).toBe('show-floor-example-org-4242');
      expect(defaultNodeId('a'.repeat(60), 123456)).toBe(`${'a'.repeat(33)}-123456`);
      expect(defaultNodeId('__', 7)).toBe('node-7');
      for (const id of ['Node-1', 'node_1', 'n'.repeat(41), 'node 1']) {
        expect(refusal({ NODE_ID: id })).toMatch(/NODE_ID: must be 1 to 40 of a-z, 0-9 and -/);
      }
    });
  });
});
