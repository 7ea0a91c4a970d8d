import { OrganisationInputSchema, PartnerInputSchema, RecordMeetingSchema, type Industry, type Meeting, type MeetingStatus, type Organisation, type Partner, type RecordMeeting } from '../../../shared/deals.schema';
import type { Locale, LocalizedText } from '../../../shared/i18n';
import type { OrganisationType } from '../../../shared/deals.vocabulary';
import { validated, type Validated } from './field-errors';


export { INDUSTRIES, INDUSTRY_NAMES, MEETING_STATUS_NAMES as STATUS_NAMES, ORGANISATION_TYPE_NAMES, ORGANISATION_TYPES, type OrganisationType } from '../../../shared/deals.vocabulary';

/** Forward steps from each status (server/deals/deals.rules.ts): one tap each, no reason needed. */
const FORWARD: Record<MeetingStatus, readonly MeetingStatus[]> = {
  held: ['intention', 'signed', 'dropped'],
  intention: ['signed', 'dropped'],
  signed: [],
  dropped: [],
};

export function forwardSteps(status: MeetingStatus): readonly MeetingStatus[] {
  return FORWARD[status];
}

/** Where a correction may take a meeting: any other status that is not a forward step. It needs a reason. */
export function correctionTargets(status: MeetingStatus): MeetingStatus[] {
  return (['held', 'intention', 'signed', 'dropped'] as const).filter((to) => to !== status && !FORWARD[status].includes(to));
}

/**
 * The meeting as the server will store it after a step at `at` (the rule of deals.rules.ts), so
 * the list can show the new status and its time before the answer arrives.
 */
export function stepLocally(meeting: Meeting, to: MeetingStatus, at: string): Meeting {
  const rank: Record<MeetingStatus, number> = { held: 0, intention: 1, signed: 2, dropped: -1 };
  const next = { ...meeting, status: to, version: meeting.version + 1 };
  if (to === 'dropped') return { ...next, droppedAt: at };
  return { ...next, droppedAt: null, intentionAt: rank[to] >= 1 ? (meeting.intentionAt ?? at) : null, signedAt: rank[to] >= 2 ? (meeting.signedAt ?? at) : null };
}

/** The time each stage of a meeting was reached, in order, for the row's timeline. */
export function meetingTimeline(meeting: Meeting): { status: MeetingStatus; at: string }[] {
  const stamps: [MeetingStatus, string | null][] = [
    ['held', meeting.heldAt],
    ['intention', meeting.intentionAt],
    ['signed', meeting.signedAt],
    ['dropped', meeting.droppedAt],
  ];
  return stamps.filter((s): s is [MeetingStatus, string] => s[1] !== null).map(([status, at]) => ({ status, at }));
}

/** Lowercase, without accents or spaces, so "Fraunhofer" matches "fraun" and "Université" "univ". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{Diacritic}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

interface Searchable {
  id: string;
  name: LocalizedText;
}

/**
 * Records whose names (either language) or extra words (a country code, a district) match the
 * query, best first: a name that starts with it, then a word that starts with it, then anywhere.
 * An empty query gives the first `limit` in alphabetical order.
 */
export function searchRecords<T extends Searchable>(records: readonly T[], query: string, locale: Locale, extra: (record: T) => string[] = () => [], limit = 8): T[] {
  const q = fold(query);
  const byName = (a: T, b: T) => a.name[locale].localeCompare(b.name[locale], locale);
  if (!q) return [...records].sort(byName).slice(0, limit);
  const scored: { record: T; score: number }[] = [];
  for (const record of records) {
    const texts = [record.name['zh-CN'], record.name.en, ...extra(record)].map(fold);
    let score = Infinity;
    for (const text of texts) {
      if (text.startsWith(q)) score = Math.min(score, 0);
      else if (text.split(/[\s\-–(),.]+/).some((word) => word.startsWith(q))) score = Math.min(score, 1);
      else if (text.includes(q)) score = Math.min(score, 2);
    }
    if (score < Infinity) scored.push({ record, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || byName(a.record, b.record))
    .slice(0, limit)
    .map((s) => s.record);
}

export interface OrganisationForm {
  name: LocalizedText;
  country: string;
  type: OrganisationType;
}
export type OrganisationBody = Omit<Organisation, 'id'>;

/** The request for a new organisation, or what is wrong with the form: the server's schema and messages. */
export function organisationPayload(form: OrganisationForm): Validated<OrganisationBody> {
  return validated(OrganisationInputSchema, form);
}

export interface PartnerForm {
  name: LocalizedText;
  district: string;
}
export type PartnerBody = Omit<Partner, 'id'>;

export function partnerPayload(form: PartnerForm): Validated<PartnerBody> {
  const district = form.district.trim();
  return validated(PartnerInputSchema, { name: form.name, ...(district ? { district } : {}) });
}

export interface MeetingForm {
  organisationId: string | null;
  partnerId: string | null;
  industry: Industry | null;
  note: string;
}
export type MeetingBody = RecordMeeting;

export function meetingPayload(form: MeetingForm): Validated<MeetingBody> {
  const note = form.note.trim();
  return validated(RecordMeetingSchema, { organisationId: form.organisationId ?? undefined, partnerId: form.partnerId ?? undefined, industry: form.industry ?? undefined, ...(note ? { note } : {}) });
}

/** One refused line of an imported file, as the server names it. */
export interface ImportProblem {
  /** The file's line (1 is the header), or null when the whole file is wrong. */
  line: number | null;
  /** The column as the file names it (`name_en`, `country`…), or null. */
  column: string | null;
  message: string;
}

/** The server's field names → the CSV columns the operator sees in their file. */
const COLUMNS: Record<string, string> = { 'name.zh-CN': 'name_zh', 'name.en': 'name_en', country: 'country', type: 'type', district: 'district' };

/**
 * Reads an import refusal ("line 3: country: not a known country code; name.en: must not be
 * empty") into one problem per field, with the CSV column names, so the operator can find the cell.
 */
export function importProblems(message: string): ImportProblem[] {
  const lineMatch = /^line (\d+): (.*)$/s.exec(message.trim());
  const line = lineMatch ? Number(lineMatch[1]) : null;
  const rest = lineMatch ? lineMatch[2]! : message.replace(/^csv: /, '');
  return rest
    .split('; ')
    .filter(Boolean)
    .map((part) => {
      const field = /^([\w.-]+): (.+)$/s.exec(part.trim());
      if (!field || !(field[1]! in COLUMNS)) return { line, column: null, message: part.trim() };
      return { line, column: COLUMNS[field[1]!]!, message: field[2]! };
    });
}

/** The template an operator can start an import file from. */
export const CSV_HEADERS = { organisations: 'name_zh,name_en,country,type', partners: 'name_zh,name_en,district' } as const;
