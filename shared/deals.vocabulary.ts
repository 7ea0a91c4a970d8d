// Plain values, no zod: the pages import these directly (a schema module would pull zod into their bundles).
import { bilingual, type LocalizedText } from './i18n';

/** The five industries of the matchmaking sessions, in the order forms offer them. */
export const INDUSTRIES = ['iot', 'biomedicine', 'equipment', 'materials', 'energy'] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_NAMES: Record<Industry, LocalizedText> = {
  iot: bilingual('智能物联', 'IoT'),
  biomedicine: bilingual('生物医药', 'Biomedicine'),
  equipment: bilingual('高端装备', 'High-end equipment'),
  materials: bilingual('新材料', 'New materials'),
  energy: bilingual('绿色能源', 'Green energy'),
};

/** What kind of body an overseas organisation is. */
export const ORGANISATION_TYPES = ['research', 'university', 'company', 'association', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TYPE_NAMES: Record<OrganisationType, LocalizedText> = {
  research: bilingual('科研机构', 'Research institute'),
  university: bilingual('高校', 'University'),
  company: bilingual('企业', 'Company'),
  association: bilingual('协会', 'Association'),
  other: bilingual('其他', 'Other'),
};

/**
 * A meeting moves held → intention → signed, or to dropped from held or intention.
 * Each step is timestamped; a correction (going back) needs a reason and is audited.
 */
export const MEETING_STATUSES = ['held', 'intention', 'signed', 'dropped'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_NAMES: Record<MeetingStatus, LocalizedText> = {
  held: bilingual('已洽谈', 'Held'),
  intention: bilingual('有意向', 'Intention'),
  signed: bilingual('已签约', 'Signed'),
  dropped: bilingual('未达成', 'Dropped'),
};
