import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

describe('health, metrics and headers', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('exposes Prometheus metrics', async () => {
    const response = await fetch(`${t.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    for (const name of ['showfloor_connected_clients', 'showfloor_events_ingested_total', 'showfloor_event_duplicates_total', 'showfloor_broadcasts_total', 'showfloor_ingest_ack_seconds']) {
      expect(text).toContain(`# HELP ${name}`);
    }
  });

  it('sends security headers with a CSP that allows no inline scripts', async () => {
    const response = await fetch(`${t.url}/api/v1/snapshot`);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await fetch(`${t.url}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No API route GET /api/v1/nothing-here' } });
  });

  it('serves the snapshot without caching', async () => {
    const response = await fetch(`${t.url}/api/v1/snapshot`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { seq: number; appVersion: string; sections: unknown[] };
    expect(body.sections).toHaveLength(2);
    expect(typeof body.seq).toBe('number');
  });
});
