// Zod-free: the stage's scenes that rotate (and that an operator may pin), named once for the stage
// and the console.
import { bilingual, type LocalizedText } from './i18n';

export const ROTATING_SCENES = [
  { id: 'overview', title: bilingual('实时概览', 'Overview') },
  { id: 'visitors', title: bilingual('观众与互动', 'Visitors & interest') },
  { id: 'matchmaking', title: bilingual('洽谈签约', 'Matchmaking') },
  { id: 'roadshow', title: bilingual('项目路演', 'Roadshow') },
] as const satisfies readonly { id: string; title: LocalizedText }[];

export type RotatingSceneId = (typeof ROTATING_SCENES)[number]['id'];
