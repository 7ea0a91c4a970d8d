import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patch } from '../../shared/snapshot.schema';
import { connectLive } from '../support/live-client';
import { signIn, startTestServer, type TestServer } from '../support/test-server';

/**
 * The console's roadshow page and the judges' page have no channel of their own: they reload
 * their views (GET /api/v1/roadshow, GET /api/v1/roadshow/judging) on every roadshow patch on
 * /live. These tests pin what that relies on.
 */
describe('roadshow progress as the console and the judges follow it', () => {
  let t: TestServer;
  let admin: string;
  const judges: Record<string, { id: string; cookie: string }> = {};
  let projectId = '';

  beforeAll(async () => {
    t = await startTestServer();
    admin = await signIn(t.url);
    for (const name of ['judge-a', 'judge-b']) {
      const created = await send('POST', '/api/v1/users', { username: name, role: 'judge', password: 'judge-password-123' });
      judges[name] = { id: created.body.id, cookie: await signIn(t.url, name, 'judge-password-123') };
    }
    await send('PUT', '/api/v1/roadshow/rubric', {
      criteria: [
        { id: 'innovation', name: { 'zh-CN': '创新性', en: 'Innovation' }, weight: 2, maxScore: 10 },
        { id: 'market', name: { 'zh-CN': '市场前景', en: 'Market' }, weight: 1, maxScore: 10 },
      ],
    });
    projectId = (await send('POST', '/api/v1/roadshow/projects', { name: { 'zh-CN': '项目', en: 'Project' }, presenter: 'Dr. X', country: 'DE', field: { 'zh-CN': '领域', en: 'Field' } })).body.id;
  });
  afterAll(() => t.stop());

  async function send(method: string, path: string, body?: unknown, cookie = admin) {
    const response = await fetch(`${t.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
  const roadshowPatch = (match: (p: Extract<Patch, { type: 'roadshow' }>) => boolean) => (p: Patch) => p.type === 'roadshow' && match(p);

  it('sends a roadshow patch for every step of the show, which the judges’ view then follows', async () => {
    const screen = await connectLive(t.url);
    await send('POST', '/api/v1/roadshow/actions', { action: 'next-project' });
    await screen.nextPatch(roadshowPatch((p) => p.roadshow.phase === 'pitching'));
    expect((await send('GET', '/api/v1/roadshow/judging', undefined, judges['judge-a']!.cookie)).body).toMatchObject({ phase: 'pitching', project: { id: projectId } });
    await send('POST', '/api/v1/roadshow/actions', { action: 'open-scoring' });
    await screen.nextPatch(roadshowPatch((p) => p.roadshow.phase === 'scoring'));
    expect((await send('GET', '/api/v1/roadshow/judging', undefined, judges['judge-a']!.cookie)).body.phase).toBe('scoring');
    screen.close();
  });

  it('sends a patch when a judge finishes their card; the staff view then names who has scored, the patch only counts', async () => {
    const screen = await connectLive(t.url);
    const score = (judge: string, criterionId: string, value: number) => send('PUT', '/api/v1/roadshow/scores', { projectId, criterionId, score: value }, judges[judge]!.cookie);
    await score('judge-a', 'innovation', 9);
    await score('judge-a', 'market', 7);
    const patch = await screen.nextPatch(roadshowPatch((p) => p.roadshow.progress?.complete === 1));
    expect(JSON.stringify(patch)).not.toMatch(/judge-a|"innovation"|"score"/);
    const staff = (await send('GET', '/api/v1/roadshow')).body;
    expect(staff.judges.map((j: { username: string; complete: boolean }) => [j.username, j.complete]).sort()).toEqual([
      ['judge-a', true],
      ['judge-b', false],
    ]);

    await score('judge-b', 'innovation', 8);
    await score('judge-b', 'market', 8);
    await screen.nextPatch(roadshowPatch((p) => p.roadshow.progress?.complete === 2));
    expect((await send('GET', '/api/v1/roadshow')).body.judges.every((j: { complete: boolean }) => j.complete)).toBe(true);
    screen.close();
  });
});
