import type { DealFigures, Funnel, Meeting, MeetingStatus, Organisation, Partner } from '../../shared/deals.schema';

/** Forward steps a meeting may take; anything else is a correction and needs a reason. */
const FORWARD: Record<MeetingStatus, MeetingStatus[]> = {
  held: ['intention', 'signed', 'dropped'],
  intention: ['signed', 'dropped'],
  signed: [],
  dropped: [],
};

/** 'forward' (a normal step), 'correction' (going back or reopening; audited with a reason) or 'same'. */
export function stepKind(from: MeetingStatus, to: MeetingStatus): 'forward' | 'correction' | 'same' {
  if (from === to) return 'same';
  return FORWARD[from].includes(to) ? 'forward' : 'correction';
}

/**
 * The meeting after a step at `at`. Reaching a stage stamps it (signing straight after the meeting
 * also stamps the intention); a correction clears the stamps of the stages it leaves.
 */
export function applyStep(meeting: Meeting, to: MeetingStatus, at: string): Meeting {
  const next = { ...meeting, status: to, version: meeting.version + 1 };
  const rank: Record<MeetingStatus, number> = { held: 0, intention: 1, signed: 2, dropped: -1 };
  if (to === 'dropped') return { ...next, droppedAt: at };
  next.droppedAt = null;
  next.intentionAt = rank[to] >= 1 ? (meeting.intentionAt ?? at) : null;
  next.signedAt = rank[to] >= 2 ? (meeting.signedAt ?? at) : null;
  return next;
}

const emptyFunnel = (): Funnel => ({ meetings: 0, intentions: 0, agreements: 0 });

/** Adds one meeting to a funnel: every meeting was held; intentions and agreements are the ones standing now. */
function count(funnel: Funnel, meeting: Meeting): void {
  funnel.meetings++;
  if (meeting.status === 'intention' || meeting.status === 'signed') funnel.intentions++;
  if (meeting.status === 'signed') funnel.agreements++;
}

/** The public figures from every meeting. */
export function dealFigures(meetings: readonly Meeting[], organisations: ReadonlyMap<string, Organisation>, partners: ReadonlyMap<string, Partner>, latestCount = 10): DealFigures {
  const figures: DealFigures = { totals: emptyFunnel(), byCountry: {}, byIndustry: {}, byOrganisation: [], latest: [] };
  const byOrganisation = new Map<string, Funnel>();
  for (const meeting of meetings) {
    const organisation = organisations.get(meeting.organisationId);
    if (!organisation) continue;
    count(figures.totals, meeting);
    count((figures.byCountry[organisation.country] ??= emptyFunnel()), meeting);
    count((figures.byIndustry[meeting.industry] ??= emptyFunnel()), meeting);
    let funnel = byOrganisation.get(organisation.id);
    if (!funnel) byOrganisation.set(organisation.id, (funnel = emptyFunnel()));
    count(funnel, meeting);
  }
  figures.byOrganisation = [...byOrganisation.entries()]
    .map(([id, funnel]) => ({ organisationId: id, name: organisations.get(id)!.name, country: organisations.get(id)!.country, ...funnel }))
    .sort((a, b) => b.agreements - a.agreements || b.intentions - a.intentions || b.meetings - a.meetings || a.name.en.localeCompare(b.name.en));
  figures.latest = meetings
    .filter((m) => m.status === 'signed' && m.signedAt && organisations.has(m.organisationId) && partners.has(m.partnerId))
    .sort((a, b) => b.signedAt!.localeCompare(a.signedAt!))
    .slice(0, latestCount)
    .map((m) => ({
      meetingId: m.id,
      organisation: organisations.get(m.organisationId)!.name,
      country: organisations.get(m.organisationId)!.country,
      partner: partners.get(m.partnerId)!.name,
      industry: m.industry,
      signedAt: m.signedAt!,
    }));
  return figures;
}
