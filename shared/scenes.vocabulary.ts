/**
 * The stage scenes an operator can pin (by hand, for a group or in the run of show), with their
 * names in both languages. Zod-free: the console imports it. The stage's own registry
 * (kiosk/stage/scenes/registry.ts) has one scene per id here, plus the ones it shows by itself
 * (an announcement, the results reveal).
 */
export const PINNABLE_SCENES = [
  { id: 'overview', name: { 'zh-CN': '总览', en: 'overview' } },
  { id: 'visitors', name: { 'zh-CN': '观众', en: 'visitors' } },
  { id: 'matchmaking', name: { 'zh-CN': '洽谈对接', en: 'matchmaking' } },
  { id: 'roadshow', name: { 'zh-CN': '项目路演', en: 'roadshow' } },
] as const;

export type PinnableScene = (typeof PINNABLE_SCENES)[number]['id'];
