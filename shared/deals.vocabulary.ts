// Plain values, no zod: the pages import these directly (a schema module would pull zod into their bundles).
import type { LocalizedText } from './i18n';

/** The five industries of the matchmaking sessions, in the order forms offer them. */
export const INDUSTRIES = ['iot', 'biomedicine', 'equipment', 'materials', 'energy'] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_NAMES: Record<Industry, LocalizedText> = {
  iot: { 'zh-CN': '智能物联', en: 'IoT' },
  biomedicine: { 'zh-CN': '生物医药', en: 'Biomedicine' },
  equipment: { 'zh-CN': '高端装备', en: 'High-end equipment' },
  materials: { 'zh-CN': '新材料', en: 'New materials' },
  energy: { 'zh-CN': '绿色能源', en: 'Green energy' },
};

/** What kind of body an overseas organisation is. */
export const ORGANISATION_TYPES = ['research', 'university', 'company', 'association', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
