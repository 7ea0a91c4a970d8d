import { bilingual, formatNumber, UI, type Locale, type LocalizedText } from '../i18n';
import type { ShowMoment } from './roadshow';

export { countryName, formatDate, formatScore, itemCount, position } from '../i18n';
export { PROJECT_STATUS_NAMES as STATUS_NAMES } from '../../../shared/roadshow.vocabulary';

/** Words of the phone page's own interface (exhibition texts come from the content). */
export const PHONE_UI = {
  visitorsToday: UI.visitorsToday,
  boothVisitsToday: UI.boothVisitsToday,
  announcements: bilingual('通知', 'Announcements'),
  closeAnnouncement: bilingual('关闭此通知', 'Close this announcement'),
  visitorsTotal: UI.visitorsTotal,
  agreements: bilingual('签约项目', 'Agreements signed'),
  meetings: bilingual('洽谈场次', 'Meetings'),
  liveFigures: UI.liveFigures,
  sections: bilingual('展区', 'Sections'),
  exhibitionFigures: bilingual('展会概况', 'The exhibition in figures'),
  home: UI.home,
  back: UI.back,
  breadcrumb: bilingual('当前位置', 'You are here'),
  exhibits: UI.exhibits,
  noItems: UI.noItems,
  keyFacts: UI.keyFacts,
  tags: UI.tags,
  previous: UI.previous,
  next: UI.next,
  moreInSection: bilingual('同展区展项', 'More in this section'),
  notFoundTitle: bilingual('未找到该页面', 'Not found'),
  itemNotFound: bilingual('这个展项不存在或已下线。', 'This exhibit does not exist or is no longer on show.'),
  sectionNotFound: bilingual('这个展区不存在。', 'This section does not exist.'),
  pageNotFound: bilingual('这个地址没有对应的页面。', 'There is no page at this address.'),
  backHome: bilingual('返回首页', 'Back to the home page'),
  waiting: UI.waiting,
  roadshow: bilingual('项目路演', 'Project roadshow'),
  roadshowLink: bilingual('路演实况', 'Roadshow live'),
  lineup: bilingual('路演顺序', 'Line-up'),
  results: bilingual('评审结果', 'Results'),
  noProjects: bilingual('路演项目即将公布。', 'The projects will be announced soon.'),
  resultsHidden: bilingual('评审结果将在现场揭晓。', 'The results will be revealed on stage.'),
  onStage: bilingual('正在台上', 'On stage'),
  score: bilingual('得分', 'Score'),
  updated: UI.updated,
} as const satisfies Record<string, LocalizedText>;

/** Status notes shown in both languages whatever the chosen one: they concern the data, not the reading. */
export const NOTES = {
  online: UI.online,
  connecting: UI.connecting,
  offline: UI.offline,
  offlineDetail: bilingual('显示的是最后收到的数据', 'showing the last data received'),
  rehearsal: UI.rehearsal,
  rehearsalDetail: bilingual('本服务器正在演练，数据为模拟数据', 'this server is rehearsing; its figures are simulated'),
} as const satisfies Record<string, LocalizedText>;

export const MOMENT_NAMES: Record<Exclude<ShowMoment, 'finished'>, LocalizedText> & Record<'finished' | 'revealed', LocalizedText> = {
  'not-started': bilingual('路演尚未开始', 'The roadshow has not started yet'),
  pitching: bilingual('项目路演中', 'A project is pitching'),
  scoring: bilingual('评委评分中', 'The judges are scoring'),
  between: bilingual('本项目评分已结束，下一个项目即将登场', 'Scoring has closed; the next project is coming up'),
  finished: bilingual('全部项目路演完毕，结果即将揭晓', 'Every project has pitched; the results are coming'),
  revealed: bilingual('全部项目路演完毕，结果已揭晓', 'Every project has pitched; the results are out'),
};

/** The headline of the show's state; "finished" says whether the results are out. */
export function momentName(moment: ShowMoment, revealed: boolean): LocalizedText {
  return moment === 'finished' && revealed ? MOMENT_NAMES.revealed : MOMENT_NAMES[moment];
}

/** "2 / 3 位评委已完成评分" / "2 of 3 judges have scored": progress, never a score. */
export function scoringProgress(complete: number, judges: number, locale: Locale): string {
  const [c, j] = [formatNumber(complete, locale), formatNumber(judges, locale)];
  return locale === 'zh-CN' ? `${c} / ${j} 位评委已完成评分` : `${c} of ${j} ${judges === 1 ? 'judge has' : 'judges have'} scored`;
}

/** "已完成 2 / 5 个项目" / "2 of 5 projects done". */
export function projectsDone(done: number, total: number, locale: Locale): string {
  const [d, n] = [formatNumber(done, locale), formatNumber(total, locale)];
  return locale === 'zh-CN' ? `已完成 ${d} / ${n} 个项目` : `${d} of ${n} ${total === 1 ? 'project' : 'projects'} done`;
}

/** "3 位评委" / "3 judges". */
export function judgeCount(count: number, locale: Locale): string {
  const n = formatNumber(count, locale);
  return locale === 'zh-CN' ? `${n} 位评委` : `${n} ${count === 1 ? 'judge' : 'judges'}`;
}

const englishOrdinals = new Intl.PluralRules('en', { type: 'ordinal' });
const ORDINAL_SUFFIX: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'st', two: 'nd', few: 'rd' };

/** "第 1 名" / "1st". */
export function rankLabel(rank: number, locale: Locale): string {
  if (locale === 'zh-CN') return `第 ${formatNumber(rank, locale)} 名`;
  return `${formatNumber(rank, locale)}${ORDINAL_SUFFIX[englishOrdinals.select(rank)] ?? 'th'}`;
}



/** The language switch: each language named in itself. */
export const LOCALE_NAMES: Record<Locale, string> = bilingual('中文', 'English');
