import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlAuditRepository } from '../../server/audit/audit.repository';
import { AuditService, type Actor } from '../../server/audit/audit.service';
import { SqlDealsRepository } from '../../server/deals/deals.repository';
import { DealsService } from '../../server/deals/deals.service';
import { DomainEvents } from '../../server/platform/domain-events';
import { SqlRoadshowRepository } from '../../server/roadshow/roadshow.repository';
import { RoadshowService } from '../../server/roadshow/roadshow.service';
import type { Storage } from '../../server/storage/storage';
import { testTasks } from '../support/fakes';
import { openTestStorage, testEngine } from '../support/test-storage';

// Two nodes each keep the meetings and the roadshow state in memory. Two steps taken at once on two
// nodes from the same version must not both be accepted: the database decides. Each "node" here is
// its own service over the same storage, with its own bus (they do not hear each other, the worst case).

let storage: Storage;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ storage, close } = await openTestStorage(testEngine()));
});
afterEach(() => close());

const operator: Actor = { id: null, username: 'op' };
const now = () => Date.parse('2026-05-01T09:00:00Z');

function dealsNode(): DealsService {
  const { tasks } = testTasks();
  return new DealsService({ repository: new SqlDealsRepository(storage), audit: new AuditService(new SqlAuditRepository(storage), now), now, bus: new DomainEvents(tasks), tasks });
}

function roadshowNode(): RoadshowService {
  const { tasks } = testTasks();
  return new RoadshowService({
    repository: new SqlRoadshowRepository(storage),
    audit: new AuditService(new SqlAuditRepository(storage), now),
    now,
    judges: { activeJudges: async () => [] },
    bus: new DomainEvents(tasks),
    tasks,
  });
}

const outcomes = (results: PromiseSettledResult<unknown>[]) => results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { status?: number }).status)).sort();

describe('steps decided in the database', () => {
  it('accepts exactly one of two steps on two nodes from the same meeting version', async () => {
    const a = dealsNode();
    const organisation = await a.addOrganisation({ name: { 'zh-CN': '甲', en: 'A' }, country: 'DE', type: 'research' }, operator);
    const partner = await a.addPartner({ name: { 'zh-CN': '乙', en: 'B' } }, operator);
    const meeting = await a.recordMeeting({ organisationId: organisation.id, partnerId: partner.id, industry: 'iot', note: '' }, operator);
    const b = dealsNode();
    await b.reload();

    const results = await Promise.allSettled([a.step(meeting.id, { to: 'intention', baseVersion: 1 }, operator), b.step(meeting.id, { to: 'dropped', baseVersion: 1 }, operator)]);

    expect(outcomes(results)).toEqual([409, 'ok']);
    const winner = results[0]!.status === 'fulfilled' ? 'intention' : 'dropped';
    expect((await new SqlDealsRepository(storage).meetings())[0]).toMatchObject({ status: winner, version: 2 });
    expect((await a.steps(meeting.id)).map((s) => s.to)).toEqual(['held', winner]);
    // The loser reloaded: its next step from the stored version is accepted.
    const loser = results[0]!.status === 'fulfilled' ? b : a;
    await expect(loser.step(meeting.id, { to: 'signed', baseVersion: 2 }, operator)).resolves.toMatchObject({ status: 'signed', version: 3 });
  });

  it('accepts exactly one of two roadshow actions on two nodes from the same state', async () => {
    const a = roadshowNode();
    await a.reload();
    await a.addProject({ name: { 'zh-CN': '项目', en: 'Project' }, presenter: 'Dr. A', country: 'DE', field: { 'zh-CN': '医药', en: 'Medicine' } }, operator);
    await a.setRubric([{ id: 'impact', name: { 'zh-CN': '影响', en: 'Impact' }, weight: 1, maxScore: 10 }], operator);
    await a.act('next-project', operator);
    const b = roadshowNode();
    await b.reload();

    const results = await Promise.allSettled([a.act('open-scoring', operator), b.act('open-scoring', operator)]);

    expect(outcomes(results)).toEqual([409, 'ok']);
    expect(await new SqlRoadshowRepository(storage).state()).toMatchObject({ state: { phase: 'scoring' }, version: 2 });
    // Both nodes go on from the stored state.
    const loser = results[0]!.status === 'fulfilled' ? b : a;
    await expect(loser.act('close-scoring', operator)).resolves.toMatchObject({ phase: 'closed' });
  });
});
