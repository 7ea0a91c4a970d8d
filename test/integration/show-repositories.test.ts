import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContentFolder } from '../../server/content/content.files';
import { SqlContentRepository } from '../../server/content/content.repository';
import { SqlCorrectionsRepository } from '../../server/counters/corrections.repository';
import { ALL_TIME, type CounterRow } from '../../server/counters/counters.rules';
import { SqlDealsRepository } from '../../server/deals/deals.repository';
import { SqlRehearsalRepository } from '../../server/rehearsal/rehearsal.repository';
import { SqlRoadshowRepository } from '../../server/roadshow/roadshow.repository';
import { SqlScheduleRepository } from '../../server/schedule/schedule.repository';
import type { Storage } from '../../server/storage/storage';
import type { ScheduleSlot } from '../../shared/schedule.schema';
import { FIXTURE_CONTENT } from '../support/test-server';
import { openTestStorage, testEngine } from '../support/test-storage';

// The points where the two engines' SQL differs (quoted aliases, row order without a rowid,
// upserts that add, identities, transactions across awaits), checked on the engine this run uses.

let storage: Storage;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ storage, close } = await openTestStorage(testEngine()));
});
afterEach(() => close());

const count = async (table: string) => {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(storage.db);
  return Number(rows[0]!.n);
};

/** An event row as ingest stores it: the UUID's 16 bytes, times in epoch ms. */
const insertEvent = async (uuid: string) => {
  const { rows } = await sql<{ seq: number }>`
    INSERT INTO events (id, type, section, item, at, ms, device_id, received_at)
    VALUES (${Buffer.from(uuid.replaceAll('-', ''), 'hex')}, 'visit', NULL, NULL, ${1_700_000_000_000}, NULL, 'door-1', ${1_700_000_000_000})
    RETURNING seq`.execute(storage.db);
  return Number(rows[0]!.seq);
};

const visits = (day: string, value: number, section = ''): CounterRow => ({ day, metric: 'visits', section, item: '', bucket: 0, value });

describe('content', () => {
  it('continues each item history across imports and keeps a last empty version of a deleted item', async () => {
    const repository = new SqlContentRepository(storage);
    const bundle = readContentFolder(FIXTURE_CONTENT);
    await repository.replaceAll(bundle, '2026-05-01T08:00:00.000Z', 'seed');
    const [first] = bundle.items;
    await repository.deleteItem(first!.id, 2, '2026-05-01T09:00:00.000Z', 'admin');
    await repository.replaceAll(bundle, '2026-05-01T10:00:00.000Z', 'content:import');

    expect((await repository.history(first!.id)).map((v) => [v.version, v.savedBy, v.item === null])).toEqual([
      [3, 'content:import', false],
      [2, 'admin', true],
      [1, 'seed', false],
    ]);
    const versions = await repository.versions();
    expect(versions.items.get(first!.id)).toEqual({ version: 3, updatedAt: '2026-05-01T10:00:00.000Z' });
    expect(await repository.load()).toEqual(bundle);
  });
});

const meeting = {
  id: 'm-1',
  organisationId: 'org-1',
  partnerId: 'p-1',
  industry: 'biomedicine',
  status: 'held',
  heldAt: '2026-05-01T09:00:00.000Z',
  intentionAt: null,
  signedAt: null,
  droppedAt: null,
  note: '',
  version: 1,
} as const;

/** An organisation, a partner and meeting m-1 taken from held through intention to signed. */
async function signedMeeting(repository: SqlDealsRepository): Promise<void> {
  await repository.saveOrganisation({ id: 'org-1', name: { en: 'Lab', 'zh-CN': '实验室' }, country: 'DE', type: 'research' }, '2026-05-01T08:00:00.000Z');
  await repository.savePartner({ id: 'p-1', name: { en: 'Park', 'zh-CN': '园区' } }, '2026-05-01T08:00:00.000Z');
  const step = (at: string, from: 'held' | 'intention' | null, to: 'held' | 'intention' | 'signed') => ({ meetingId: 'm-1', at, from, to, reason: null, username: 'op' });
  await repository.saveMeeting(meeting, step('2026-05-01T09:00:00.000Z', null, 'held'), 'op');
  await repository.saveMeeting({ ...meeting, status: 'intention', intentionAt: '2026-05-01T10:00:00.000Z', version: 2 }, step('2026-05-01T10:00:00.000Z', 'held', 'intention'), 'op');
  await repository.saveMeeting({ ...meeting, status: 'signed', signedAt: '2026-05-01T11:00:00.000Z', version: 3 }, step('2026-05-01T11:00:00.000Z', 'intention', 'signed'), 'op');
}

describe('deals', () => {
  it("lists a meeting's steps in the order they happened", async () => {
    const repository = new SqlDealsRepository(storage);
    await signedMeeting(repository);
    expect((await repository.steps('m-1')).map((s) => s.to)).toEqual(['held', 'intention', 'signed']);
    expect(await repository.meetings()).toEqual([{ ...meeting, status: 'signed', signedAt: '2026-05-01T11:00:00.000Z', version: 3 }]);
  });
});

describe('roadshow', () => {
  it('gives scores back under the names the rules read, the latest score per judge and criterion', async () => {
    const repository = new SqlRoadshowRepository(storage);
    await repository.saveScore({ projectId: 'p-1', judgeId: 'j-1', criterionId: 'impact', score: 3 }, '2026-05-01T09:00:00.000Z');
    await repository.saveScore({ projectId: 'p-1', judgeId: 'j-1', criterionId: 'impact', score: 5 }, '2026-05-01T09:01:00.000Z');
    expect(await repository.scores()).toEqual([{ projectId: 'p-1', judgeId: 'j-1', criterionId: 'impact', score: 5 }]);
  });
});

describe('schedule', () => {
  const pin: ScheduleSlot = {
    id: 's-1',
    kind: 'scene-pin',
    target: { type: 'group', id: 'hall-a' },
    scene: 'deals',
    startsAt: '2026-05-01T09:00:00.000Z',
    endsAt: '2026-05-01T10:00:00.000Z',
    createdBy: 'op',
    createdAt: '2026-05-01T08:00:00.000Z',
  };

  it('answers a replaced or removed slot with what it was', async () => {
    const repository = new SqlScheduleRepository(storage);
    await repository.create(pin);
    const { id, startsAt, createdBy, createdAt } = pin;
    const publish: ScheduleSlot = { id, kind: 'item-publish', item: 'alpha-item-1', published: true, startsAt, endsAt: startsAt, appliedAt: null, createdBy, createdAt };
    expect(await repository.update(publish)).toEqual(pin);
    expect(await repository.upcoming('2026-05-02T00:00:00.000Z')).toEqual([publish]);
    expect(await repository.remove(pin.id)).toEqual(publish);
    expect(await repository.get(pin.id)).toBeUndefined();
    expect(await repository.update(pin)).toBeUndefined();
  });
});

describe('corrections', () => {
  it('rolls a correction and its increments back together when the transaction fails', async () => {
    const repository = new SqlCorrectionsRepository(storage);
    const correction = { id: 'c-1', day: '2026-05-01', section: null, delta: 5, reason: 'door sensor missed a group', userId: 'u-1', at: '2026-05-01T12:00:00.000Z' };
    await repository.add(correction, [visits('2026-05-01', 10)]);
    await expect(
      repository.transaction(async () => {
        await repository.add({ ...correction, id: 'c-2' }, [visits('2026-05-01', 7)]);
        throw new Error('audit failed');
      }),
    ).rejects.toThrow('audit failed');

    expect(await repository.visits('2026-05-01', '')).toBe(10);
    expect((await repository.list(10)).map((c) => [c.id, c.username])).toEqual([['c-1', 'unknown']]);
  });

  it("resets a day: records what it was, takes its visits off the all-time total and forgets its badges", async () => {
    const repository = new SqlCorrectionsRepository(storage);
    const day = '2026-05-01';
    await repository.add({ id: 'c-1', day, section: null, delta: 0, reason: 'seed the figures', userId: 'u-1', at: `${day}T12:00:00.000Z` }, [
      visits(day, 40),
      visits(day, 15, 'alpha'),
      visits('2026-04-30', 25),
      visits(ALL_TIME, 65),
    ]);
    await sql`INSERT INTO badge_scans (day, badge_hash, event_id) VALUES (${day}, 'h1', 'e1'), ('2026-04-30', 'h2', 'e2')`.execute(storage.db);

    const before = await repository.resetDay(day, `${day}T18:00:00.000Z`, 'u-1', 'rehearsal counts');

    expect(before).toEqual(expect.arrayContaining([visits(day, 40), visits(day, 15, 'alpha')]));
    expect(before).toHaveLength(2);
    expect(await repository.visits(day, '')).toBe(0);
    expect(await repository.visits(ALL_TIME, '')).toBe(25);
    expect(await repository.visits('2026-04-30', '')).toBe(25);
    const { rows } = await sql<{ day: string; before: string }>`SELECT day, before FROM day_resets`.execute(storage.db);
    expect(rows.map((r) => [r.day, (JSON.parse(r.before) as CounterRow[]).length])).toEqual([[day, 2]]);
    const { rows: badges } = await sql<{ day: string }>`SELECT day FROM badge_scans`.execute(storage.db);
    expect(badges).toEqual([{ day: '2026-04-30' }]);
  });
});

describe('rehearsal', () => {
  it('clears every show table, keeps content, and numbers events from 1 again', async () => {
    const content = new SqlContentRepository(storage);
    await content.replaceAll(readContentFolder(FIXTURE_CONTENT), '2026-05-01T08:00:00.000Z', 'seed');
    await insertEvent('00000000-0000-4000-8000-000000000001');
    await insertEvent('00000000-0000-4000-8000-000000000002');
    await new SqlCorrectionsRepository(storage).add(
      { id: 'c-1', day: '2026-05-01', section: null, delta: 1, reason: 'one more', userId: 'u-1', at: '2026-05-01T12:00:00.000Z' },
      [visits('2026-05-01', 1)],
    );
    await signedMeeting(new SqlDealsRepository(storage));
    const roadshow = new SqlRoadshowRepository(storage);
    await roadshow.saveState((await roadshow.state()).state, 0);
    await roadshow.saveScore({ projectId: 'p-1', judgeId: 'j-1', criterionId: 'impact', score: 3 }, '2026-05-01T09:00:00.000Z');

    const repository = new SqlRehearsalRepository(storage);
    await repository.transaction(() => repository.clearShowData());

    for (const table of ['events', 'counter_values', 'counter_corrections', 'meeting_steps', 'meetings', 'organisations', 'partners', 'roadshow_state', 'roadshow_scores']) {
      expect(await count(table), table).toBe(0);
    }
    expect(await count('items')).toBe(4);
    expect(await insertEvent('00000000-0000-4000-8000-000000000003')).toBe(1);
  });
});
