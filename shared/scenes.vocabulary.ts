/**
 * The stage scenes an operator can pin (by hand, for a group or in the run of show), with their
 * names in both languages. Zod-free: the console imports it. The stage's own registry
 * (kiosk/stage/scenes/registry.ts) has one scene per id here, plus the ones it shows by itself
 * (an announcement, the results reveal).
 */
import { bilingual } from './i18n';
export const PINNABLE_SCENES = [
  { id: 'overview', name: bilingual('总览', 'overview') },
  { id: 'visitors', name: bilingual('观众', 'visitors') },
  { id: 'matchmaking', name: bilingual('洽谈对接', 'matchmaking') },
  { id: 'roadshow', name: bilingual('项目路演', 'roadshow') },
] as const;

export type PinnableScene = (typeof PINNABLE_SCENES)[number]['id'];
