import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/deals.schema';
import type { Patch } from '../../shared/snapshot.schema';
import { connectLive } from '../support/live-client';
import { signIn, startTestServer, type TestServer } from '../support/test-server';

const PASSWORD = 'judge-password-123';

describe('matchmaking and roadshow', () => {
  let t: TestServer;
  let admin: string;
  const judges: Record<string, { id: string; cookie: string }> = {};

  beforeAll(async () => {
    t = await startTestServer();
    admin = await signIn(t.url);
    for (const name of ['judge-a', 'judge-b']) {
      const created = await send('POST', '/api/v1/users', { username: name, role: 'judge', password: PASSWORD });
      judges[name] = { id: created.body.id, cookie: await signIn(t.url, name, PASSWORD) };
    }
  });
  afterAll(() => t.stop());

  async function send(method: string, path: string, body?: unknown, cookie = admin, type = 'application/json') {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { 'content-type': type, cookie },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : (text as any) };
  }
  const snapshot = async () => (await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as any;

  it('imports organisations and partners from CSV, refusing a file with a bad line', async () => {
    const bad = await send('POST', '/api/v1/deals/organisations/import', 'name_zh,name_en,country,type\n弗劳恩霍夫协会,Fraunhofer,DE,research\n某机构,Somewhere,ZZ,other\n', admin, 'text/csv');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('line 3: country');
    const orgs = await send('POST', '/api/v1/deals/organisations/import', 'name_zh,name_en,country,type\n弗劳恩霍夫协会,Fraunhofer,de,research\n意大利技术研究院,Istituto Italiano di Tecnologia,IT,research\n', admin, 'text/csv');
    expect(orgs.body).toEqual({ imported: 2 });
    const partners = await send('POST', '/api/v1/deals/partners/import', 'name_zh,name_en,district\n杭州智联科技,Hangzhou Zhilian Tech,西湖区\n', admin, 'text/csv');
    expect(partners.body).toEqual({ imported: 1 });
  });

  it('records a meeting through its steps; a signed agreement reaches every screen; corrections need a reason', async () => {
    const screen = await connectLive(t.url);
    const records = (await send('GET', '/api/v1/deals')).body;
    const fraunhofer = records.organisations.find((o: { country: string }) => o.country === 'DE');
    const meeting = (await send('POST', '/api/v1/deals/meetings', { organisationId: fraunhofer.id, partnerId: records.partners[0].id, industry: 'biomedicine' })).body as Meeting;
    expect(meeting.status).toBe('held');
    const intention = (await send('POST', `/api/v1/deals/meetings/${meeting.id}/step`, { to: 'intention', baseVersion: 1 })).body as Meeting;
    const signed = (await send('POST', `/api/v1/deals/meetings/${meeting.id}/step`, { to: 'signed', baseVersion: intention.version })).body as Meeting;
    expect(signed.signedAt).not.toBeNull();
    const patch = (await screen.nextPatch((p) => p.type === 'deals' && p.deals.totals.agreements === 1)) as Extract<Patch, { type: 'deals' }>;
    expect(patch.deals.latest[0]).toMatchObject({ meetingId: meeting.id, country: 'DE', industry: 'biomedicine', organisation: { en: 'Fraunhofer' }, partner: { en: 'Hangzhou Zhilian Tech' } });
    expect((await snapshot()).deals.byCountry.DE).toEqual({ meetings: 1, intentions: 1, agreements: 1 });

    const stale = await send('POST', `/api/v1/deals/meetings/${meeting.id}/step`, { to: 'dropped', baseVersion: 1 });
    expect(stale.status).toBe(409);
    const noReason = await send('POST', `/api/v1/deals/meetings/${meeting.id}/step`, { to: 'intention', baseVersion: signed.version });
    expect(noReason.body.error.message).toContain('reason');
    const corrected = await send('POST', `/api/v1/deals/meetings/${meeting.id}/step`, { to: 'intention', baseVersion: signed.version, reason: 'Signed by mistake on the wrong row' });
    expect(corrected.status).toBe(200);
    const steps = (await send('GET', `/api/v1/deals/meetings/${meeting.id}/steps`)).body.steps;
    expect(steps.map((s: { to: string }) => s.to)).toEqual(['held', 'intention', 'signed', 'intention']);
    expect(steps[3].reason).toBe('Signed by mistake on the wrong row');
    const audit = (await send('GET', '/api/v1/audit?action=meeting.correct')).body.entries;
    expect(audit).toHaveLength(1);
    const csv = (await send('GET', '/api/v1/deals/export.csv')).body as string;
    expect(csv).toContain('Fraunhofer');
    expect(csv).toContain('intention');
    screen.close();
  });

  it('runs a roadshow with two judges; no score is public before the reveal', async () => {
    expect((await send('PUT', '/api/v1/roadshow/rubric', { criteria: [
      { id: 'innovation', name: { 'zh-CN': '创新性', en: 'Innovation' }, weight: 2, maxScore: 10 },
      { id: 'market', name: { 'zh-CN': '市场前景', en: 'Market' }, weight: 1, maxScore: 10 },
    ] })).status).toBe(200);
    const ids: string[] = [];
    for (const name of ['Oc-ta-ExM', 'Pathology AI']) {
      const project = await send('POST', '/api/v1/roadshow/projects', { name: { 'zh-CN': name, en: name }, presenter: 'Dr. X', country: 'BY', field: { 'zh-CN': '生物医药', en: 'Biomedicine' } });
      ids.push(project.body.id);
    }
    const act = (action: string) => send('POST', '/api/v1/roadshow/actions', { action });
    const score = (judge: string, projectId: string, criterionId: string, value: number) => send('PUT', '/api/v1/roadshow/scores', { projectId, criterionId, score: value }, judges[judge]!.cookie);

    expect((await score('judge-a', ids[0]!, 'innovation', 9)).status).toBe(409); // scoring not open yet
    await act('next-project');
    await act('open-scoring');
    await score('judge-a', ids[0]!, 'innovation', 9);
    await score('judge-a', ids[0]!, 'market', 6);
    await score('judge-a', ids[0]!, 'market', 7); // changed before closing
    await score('judge-b', ids[0]!, 'innovation', 8);
    await score('judge-b', ids[0]!, 'market', 8);
    expect((await score('judge-a', ids[0]!, 'market', 11)).status).toBe(400);

    const during = await snapshot();
    expect(during.roadshow.progress).toEqual({ judges: 2, complete: 2 });
    expect(JSON.stringify(during.roadshow)).not.toMatch(/"score"|"innovation"/);

    // A judge sees only their own scores.
    const mine = (await send('GET', '/api/v1/roadshow/judging', undefined, judges['judge-a']!.cookie)).body;
    expect(mine.myScores[ids[0]!]).toEqual({ innovation: 9, market: 7 });
    expect(JSON.stringify(mine)).not.toContain(judges['judge-b']!.id);
    expect((await send('GET', '/api/v1/roadshow', undefined, judges['judge-a']!.cookie)).status).toBe(403);

    await act('close-scoring');
    expect((await score('judge-b', ids[0]!, 'market', 1)).status).toBe(409);
    await act('next-project');
    await act('open-scoring');
    await score('judge-a', ids[1]!, 'innovation', 10);
    await score('judge-a', ids[1]!, 'market', 10);
    await act('close-scoring');
    expect((await snapshot()).roadshow.results).toBeNull();

    const screen = await connectLive(t.url);
    await act('reveal');
    const revealed = (await screen.nextPatch((p) => p.type === 'roadshow' && p.roadshow.revealed)) as Extract<Patch, { type: 'roadshow' }>;
    expect(revealed.roadshow.results!.map((r) => [r.projectId, r.rank])).toEqual([
      [ids[1], 1],
      [ids[0], 2],
    ]);
    expect(revealed.roadshow.results![1]!.score).toBeCloseTo(((2 * 0.9 + 0.7) / 3 * 100 + (2 * 0.8 + 0.8) / 3 * 100) / 2, 1);
    screen.close();
  });
});
