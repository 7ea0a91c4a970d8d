// Zod-free: the stage's scenes that rotate (and that an operator may pin), named once for the stage
// and the console.
import type { LocalizedText } from './i18n';

export const ROTATING_SCENES = [
  { id: 'overview', title: { 'zh-CN': '实时概览', en: 'Overview' } },
  { id: 'visitors', title: { 'zh-CN': '观众与互动', en: 'Visitors & interest' } },
  { id: 'matchmaking', title: { 'zh-CN': '洽谈签约', en: 'Matchmaking' } },
  { id: 'roadshow', title: { 'zh-CN': '项目路演', en: 'Roadshow' } },
] as const satisfies readonly { id: string; title: LocalizedText }[];

export type RotatingSceneId = (typeof ROTATING_SCENES)[number]['id'];
