import { describe, expect, it } from 'vitest';
import type { Meeting, Organisation, Partner } from '../../shared/deals.schema';
import type { DealsRepository, MeetingStepRecord } from '../../server/deals/deals.repository';
import { DealsService } from '../../server/deals/deals.service';
import { DomainEvents } from '../../server/platform/domain-events';
import { anOperator, memoryAudit, memoryTransactions, testTasks } from '../support/fakes';

interface DealsState {
  organisations: Organisation[];
  partners: Partner[];
  meetings: Meeting[];
  steps: MeetingStepRecord[];
}

/** DealsRepository in memory, with transactions that roll back (and can be made to fail at commit). */
function memoryDeals() {
  const state = { value: { organisations: [], partners: [], meetings: [], steps: [] } as DealsState };
  const tx = memoryTransactions(state, (s) => ({ organisations: [...s.organisations], partners: [...s.partners], meetings: [...s.meetings], steps: [...s.steps] }));
  const repository: DealsRepository = {
    organisations: async () => state.value.organisations,
    partners: async () => state.value.partners,
    meetings: async () => state.value.meetings,
    saveOrganisation: async (o) => void state.value.organisations.push(o),
    savePartner: async (p) => void state.value.partners.push(p),
    // As the SQL repository: stored only over the version the step started from.
    saveMeeting: async (m, step) => {
      const stored = state.value.meetings.find((x) => x.id === m.id);
      if ((stored?.version ?? 0) !== m.version - 1) return false;
      state.value.meetings = [...state.value.meetings.filter((x) => x.id !== m.id), m];
      state.value.steps.push(step);
      return true;
    },
    steps: async (id) => state.value.steps.filter((s) => s.meetingId === id),
    transaction: tx.transaction,
  };
  return { repository, state, failNextCommit: tx.failNextCommit };
}

function dealsService() {
  const storage = memoryDeals();
  let changes = 0;
  const bus = new DomainEvents(testTasks().tasks);
  bus.on('deal.changed', () => void changes++);
  const tasks = testTasks().tasks;
  const deals = new DealsService({ repository: storage.repository, audit: memoryAudit().audit, now: () => Date.parse('2023-11-12T02:00:00Z'), bus, tasks });
  return { deals, storage, changes: () => changes };
}

const organisationsCsv = 'name_zh,name_en,country,type\n甲,Alpha,DE,company\n乙,Beta,FR,university\n';
const partnersCsv = 'name_zh,name_en,district\n丙,Gamma,Xihu\n';

describe('deals service in memory', () => {
  it('keeps an imported file out of its lists when the import transaction fails', async () => {
    const { deals, storage } = dealsService();
    storage.failNextCommit();
    await expect(deals.importCsv('organisations', organisationsCsv, anOperator())).rejects.toThrow('disk is full');
    expect(deals.records().organisations).toEqual([]);
    storage.failNextCommit();
    await expect(deals.importCsv('partners', partnersCsv, anOperator())).rejects.toThrow('disk is full');
    expect(deals.records().partners).toEqual([]);
    // What it holds in memory is what storage holds: a reload changes nothing.
    await deals.reload();
    expect(deals.records()).toEqual({ organisations: [], partners: [], meetings: [] });
  });

  it('lists the imported rows once the import committed', async () => {
    const { deals, storage } = dealsService();
    expect(await deals.importCsv('organisations', organisationsCsv, anOperator())).toBe(2);
    expect(deals.records().organisations.map((o) => o.name.en)).toEqual(['Alpha', 'Beta']);
    expect(storage.state.value.organisations).toEqual(deals.records().organisations);
  });

  it('neither records a meeting nor tells the screens when its transaction fails', async () => {
    const { deals, storage, changes } = dealsService();
    const organisation = await deals.addOrganisation({ name: { 'zh-CN': '甲', en: 'Alpha' }, country: 'DE', type: 'company' }, anOperator());
    const partner = await deals.addPartner({ name: { 'zh-CN': '丙', en: 'Gamma' } }, anOperator());
    // Adding them told the other nodes; the failed meeting must tell nobody.
    const before = changes();
    storage.failNextCommit();
    await expect(deals.recordMeeting({ organisationId: organisation.id, partnerId: partner.id, industry: 'digital-economy', note: '' } as never, anOperator())).rejects.toThrow('disk is full');
    expect(deals.records().meetings).toEqual([]);
    expect(changes()).toBe(before);
  });
});
