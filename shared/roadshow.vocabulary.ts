// Plain values, no zod: the pages import these directly (a schema module would pull zod into their bundles).
import { bilingual, type LocalizedText } from './i18n';

/** How equal weighted averages are ranked, as the console, the stage and the README state it. */
export const TIE_BREAK_RULE: LocalizedText = bilingual('总分相同时，比较权重最高的评分项得分，再相同则按路演顺序靠前者优先', 'Equal scores are separated by the score on the highest-weighted criterion, then by the earlier pitch');

/** Where a project stands in the show, as every public screen and the console name it. */
export const PROJECT_STATUSES = ['waiting', 'pitching', 'scoring', 'done'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_NAMES: Record<ProjectStatus, LocalizedText> = {
  waiting: bilingual('待路演', 'Waiting'),
  pitching: bilingual('路演中', 'Pitching'),
  scoring: bilingual('评分中', 'Scoring'),
  done: bilingual('已完成', 'Done'),
};
