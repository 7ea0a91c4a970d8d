import { formatNumber, type Locale, type LocalizedText } from '../i18n';
import type { ProjectStatus, ShowMoment } from './roadshow';

export { countryName, formatDate, formatScore, itemCount, position } from '../i18n';

/** Words of the phone page's own interface (exhibition texts come from the content). */
export const PHONE_UI = {
  visitorsToday: { 'zh-CN': '今日观众', en: 'Visitors today' },
  boothVisitsToday: { 'zh-CN': '今日展台访问', en: 'Booth visits today' },
  announcements: { 'zh-CN': '通知', en: 'Announcements' },
  closeAnnouncement: { 'zh-CN': '关闭此通知', en: 'Close this announcement' },
  visitorsTotal: { 'zh-CN': '累计观众', en: 'Total visitors' },
  agreements: { 'zh-CN': '签约项目', en: 'Agreements signed' },
  meetings: { 'zh-CN': '洽谈场次', en: 'Meetings' },
  liveFigures: { 'zh-CN': '实时数据', en: 'Live figures' },
  sections: { 'zh-CN': '展区', en: 'Sections' },
  exhibitionFigures: { 'zh-CN': '展会概况', en: 'The exhibition in figures' },
  home: { 'zh-CN': '首页', en: 'Home' },
  back: { 'zh-CN': '返回', en: 'Back' },
  breadcrumb: { 'zh-CN': '当前位置', en: 'You are here' },
  exhibits: { 'zh-CN': '展项', en: 'Exhibits' },
  noItems: { 'zh-CN': '本展区的展项即将上线。', en: 'The exhibits of this section are coming soon.' },
  keyFacts: { 'zh-CN': '关键数据', en: 'Key facts' },
  tags: { 'zh-CN': '标签', en: 'Tags' },
  previous: { 'zh-CN': '上一项', en: 'Previous' },
  next: { 'zh-CN': '下一项', en: 'Next' },
  moreInSection: { 'zh-CN': '同展区展项', en: 'More in this section' },
  notFoundTitle: { 'zh-CN': '未找到该页面', en: 'Not found' },
  itemNotFound: {
    'zh-CN': '这个展项不存在或已下线。',
    en: 'This exhibit does not exist or is no longer on show.',
  },
  sectionNotFound: { 'zh-CN': '这个展区不存在。', en: 'This section does not exist.' },
  pageNotFound: { 'zh-CN': '这个地址没有对应的页面。', en: 'There is no page at this address.' },
  backHome: { 'zh-CN': '返回首页', en: 'Back to the home page' },
  waiting: { 'zh-CN': '正在连接展会服务器…', en: 'Connecting to the exhibition server…' },
  roadshow: { 'zh-CN': '项目路演', en: 'Project roadshow' },
  roadshowLink: { 'zh-CN': '路演实况', en: 'Roadshow live' },
  lineup: { 'zh-CN': '路演顺序', en: 'Line-up' },
  results: { 'zh-CN': '评审结果', en: 'Results' },
  noProjects: { 'zh-CN': '路演项目即将公布。', en: 'The projects will be announced soon.' },
  resultsHidden: { 'zh-CN': '评审结果将在现场揭晓。', en: 'The results will be revealed on stage.' },
  onStage: { 'zh-CN': '正在台上', en: 'On stage' },
  score: { 'zh-CN': '得分', en: 'Score' },
  updated: { 'zh-CN': '更新于', en: 'Updated' },
} as const satisfies Record<string, LocalizedText>;

/** Status notes shown in both languages whatever the chosen one: they concern the data, not the reading. */
export const NOTES = {
  online: { 'zh-CN': '在线', en: 'Online' },
  connecting: { 'zh-CN': '连接中', en: 'Connecting' },
  offline: { 'zh-CN': '离线', en: 'Offline' },
  offlineDetail: { 'zh-CN': '显示的是最后收到的数据', en: 'showing the last data received' },
  rehearsal: { 'zh-CN': '演练数据', en: 'Rehearsal data' },
  rehearsalDetail: { 'zh-CN': '本服务器正在演练，数据为模拟数据', en: 'this server is rehearsing; its figures are simulated' },
} as const satisfies Record<string, LocalizedText>;

export const STATUS_NAMES: Record<ProjectStatus, LocalizedText> = {
  waiting: { 'zh-CN': '待路演', en: 'Waiting' },
  pitching: { 'zh-CN': '路演中', en: 'Pitching' },
  scoring: { 'zh-CN': '评分中', en: 'Scoring' },
  done: { 'zh-CN': '已完成', en: 'Done' },
};

export const MOMENT_NAMES: Record<Exclude<ShowMoment, 'finished'>, LocalizedText> & Record<'finished' | 'revealed', LocalizedText> = {
  'not-started': { 'zh-CN': '路演尚未开始', en: 'The roadshow has not started yet' },
  pitching: { 'zh-CN': '项目路演中', en: 'A project is pitching' },
  scoring: { 'zh-CN': '评委评分中', en: 'The judges are scoring' },
  between: { 'zh-CN': '本项目评分已结束，下一个项目即将登场', en: 'Scoring has closed; the next project is coming up' },
  finished: { 'zh-CN': '全部项目路演完毕，结果即将揭晓', en: 'Every project has pitched; the results are coming' },
  revealed: { 'zh-CN': '全部项目路演完毕，结果已揭晓', en: 'Every project has pitched; the results are out' },
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
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };
