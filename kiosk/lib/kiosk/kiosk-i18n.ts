import { formatNumber, type Locale, type LocalizedText } from '../i18n';

export { formatDate, itemCount, position } from '../i18n';

/** Words of the kiosk's own interface (exhibition texts come from the content). */
export const KIOSK_UI = {
  appName: { 'zh-CN': '展台屏', en: 'Booth kiosk' },
  touchToStart: { 'zh-CN': '触摸开始', en: 'Touch to start' },
  highlights: { 'zh-CN': '精彩看点', en: 'Highlights' },
  home: { 'zh-CN': '首页', en: 'Home' },
  back: { 'zh-CN': '返回', en: 'Back' },
  allSections: { 'zh-CN': '全部展区', en: 'All sections' },
  sections: { 'zh-CN': '展区', en: 'Sections' },
  language: { 'zh-CN': '语言', en: 'Language' },
  exhibits: { 'zh-CN': '展项', en: 'Exhibits' },
  noItems: { 'zh-CN': '本展区的展项即将上线。', en: 'The exhibits of this section are coming soon.' },
  previous: { 'zh-CN': '上一项', en: 'Previous' },
  next: { 'zh-CN': '下一项', en: 'Next' },
  keyFacts: { 'zh-CN': '关键数据', en: 'Key facts' },
  tags: { 'zh-CN': '标签', en: 'Tags' },
  images: { 'zh-CN': '图片', en: 'Pictures' },
  zoomHint: { 'zh-CN': '轻触图片放大', en: 'Tap a picture to enlarge it' },
  zoomGestures: { 'zh-CN': '双指缩放，双击放大或还原', en: 'Pinch to zoom; double-tap to zoom in or out' },
  close: { 'zh-CN': '关闭', en: 'Close' },
  onYourPhone: { 'zh-CN': '用手机继续阅读', en: 'Take it with you' },
  scanHint: { 'zh-CN': '用手机相机扫描二维码，在手机上打开本页', en: 'Scan the code with your phone camera to open this page on your phone' },
  qrLabel: { 'zh-CN': '在手机上打开本展项的二维码', en: 'QR code that opens this exhibit on a phone' },
  stillThere: { 'zh-CN': '还在浏览吗？', en: 'Are you still there?' },
  keepBrowsing: { 'zh-CN': '继续浏览', en: 'Keep browsing' },
  offline: { 'zh-CN': '离线', en: 'Offline' },
  savedContent: { 'zh-CN': '正在显示已保存的内容', en: 'Showing saved content' },
  /** Before the age of offline figures: "数据更新于5分钟前" / "figures from 5 minutes ago". */
  figuresFrom: { 'zh-CN': '数据更新于', en: 'figures from' },
  notice: { 'zh-CN': '通知', en: 'Notice' },
  importantNotice: { 'zh-CN': '重要通知', en: 'Important notice' },
  liveStrip: { 'zh-CN': '实时数据', en: 'Live figures' },
  swipeHint: { 'zh-CN': '左右滑动切换展项', en: 'Swipe for the next exhibit' },
  opened: { 'zh-CN': '开幕', en: 'Opened' },
  thisBooth: { 'zh-CN': '本展台', en: 'This booth' },
  rehearsal: { 'zh-CN': '演练数据', en: 'Rehearsal data' },
} as const satisfies Record<string, LocalizedText>;

/** The countdown line: "10 秒后返回首页" / "Back to the start in 10 s". */
export function returningIn(seconds: number, locale: Locale): string {
  const s = formatNumber(seconds, locale);
  return locale === 'zh-CN' ? `${s} 秒后返回首页` : `Back to the start in ${s} s`;
}

const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();

/** How old a figure is, in words: "刚刚" / "just now", "5 分钟前" / "5 minutes ago". */
export function formatAge(ms: number, locale: Locale): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 45) return locale === 'zh-CN' ? '刚刚' : 'just now';
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' })));
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

