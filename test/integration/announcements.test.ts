import { describe, expect, it } from 'vitest';
import type { Patch } from '../../shared/snapshot.schema';
import { connectLive } from '../support/live-client';
import { signedInSuite } from '../support/test-server';

const text = { 'zh-CN': '下午三点路演开始', en: 'The roadshow starts at 3 pm' };

describe('announcements', () => {
  const t = signedInSuite();
  const create = (body: unknown, withCookie = true) =>
    fetch(`${t.url}/api/v1/announcements`, { method: 'POST', headers: { 'content-type': 'application/json', ...(withCookie ? { cookie: t.cookie } : {}) }, body: JSON.stringify(body) });

  it('appears on screens at once and vanishes by itself at its expiry', async () => {
    const client = await connectLive(t.url);
    // The shortest allowed (30 s), started 29 s ago, so it ends in a second and a half.
    const startsAt = new Date(Date.now() - 28_500).toISOString();
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const response = await create({ text, target: 'all', urgent: true, startsAt, expiresAt });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const shown = (await client.nextPatch((p) => p.type === 'announcements')) as Extract<Patch, { type: 'announcements' }>;
    expect(shown.announcements).toMatchObject([{ id, text, urgent: true, target: 'all' }]);
    expect(((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { announcements: unknown[] }).announcements).toHaveLength(1);
    const gone = await client.nextPatch((p) => p.type === 'announcements' && p.seq > shown.seq && p.announcements.length === 0, 5000);
    expect(gone).toBeDefined();
    client.close();
  });

  it('starts a scheduled announcement on time and withdraws one in one request', async () => {
    const client = await connectLive(t.url);
    const startsAt = new Date(Date.now() + 800).toISOString();
    const response = await create({ text, target: 'stage', startsAt, expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const { id } = (await response.json()) as { id: string };
    expect(client.snapshots[0]!.announcements).toEqual([]);
    await client.nextPatch((p) => p.type === 'announcements' && p.announcements.some((a) => a.id === id), 5000);
    const before = client.patches.length;
    expect((await fetch(`${t.url}/api/v1/announcements/${id}`, { method: 'DELETE', headers: { cookie: t.cookie } })).status).toBe(204);
    await client.nextPatch((p) => p.type === 'announcements' && client.patches.indexOf(p) >= before && p.announcements.length === 0);
    const list = (await (await fetch(`${t.url}/api/v1/announcements`, { headers: { cookie: t.cookie } })).json()) as { announcements: { id: string; state: string }[] };
    expect(list.announcements.find((a) => a.id === id)?.state).toBe('withdrawn');
    client.close();
  });

  it('refuses bad announcements naming the field, and anonymous ones', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    const message = async (body: unknown) => ((await (await create(body)).json()) as { error: { message: string } }).error.message;
    expect(await message({ text: { en: 'only English' }, target: 'all', expiresAt: future })).toContain('text.zh-CN');
    expect(await message({ text, target: 'device', expiresAt: future })).toContain('deviceId: is required');
    expect(await message({ text, target: 'all', expiresAt: new Date(Date.now() - 1000).toISOString() })).toContain('expiresAt: must be in the future');
    expect((await create({ text, target: 'all', expiresAt: future }, false)).status).toBe(401);
    expect(await message({ text, target: 'all', expiresAt: new Date(Date.now() + 20_000).toISOString() })).toContain('expiresAt: an announcement lasts at least 30 seconds');
    expect(await message({ text, target: 'all' })).toContain('expiresAt: is required');
    expect(await message({ text, target: 'all', untilWithdrawn: true, expiresAt: future })).toContain('expiresAt: must be left out');
  });

  it('lasts from 30 seconds, or until withdrawn', async () => {
    const short = await create({ text, target: 'all', expiresAt: new Date(Date.now() + 31_000).toISOString() });
    expect(short.status).toBe(201);
    const forever = await create({ text, target: 'kiosks', untilWithdrawn: true });
    expect(forever.status).toBe(201);
    const { id } = (await forever.json()) as { id: string };
    const snap = (await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { announcements: { id: string; untilWithdrawn?: boolean; expiresAt: string }[] };
    expect(snap.announcements.find((a) => a.id === id)).toMatchObject({ untilWithdrawn: true, expiresAt: '9999-12-31T23:59:59.999Z' });
    expect((await fetch(`${t.url}/api/v1/announcements/${id}`, { method: 'DELETE', headers: { cookie: t.cookie } })).status).toBe(204);
    const after = (await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { announcements: { id: string }[] };
    expect(after.announcements.some((a) => a.id === id)).toBe(false);
  });
});
