// Plain values, no zod: the pages import these directly (a schema module would pull zod into their bundles).
import type { LocalizedText } from './i18n';

/** How equal weighted averages are ranked, as the console, the stage and the README state it. */
export const TIE_BREAK_RULE: LocalizedText = {
  'zh-CN': '总分相同时，比较权重最高的评分项得分，再相同则按路演顺序靠前者优先',
  en: 'Equal scores are separated by the score on the highest-weighted criterion, then by the earlier pitch',
};
