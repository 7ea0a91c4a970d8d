import { bilingual, formatNumber, UI, type Locale, type LocalizedText } from '../i18n';

export { formatDate, itemCount, position } from '../i18n';

/** Words of the kiosk's own interface (exhibition texts come from the content). */
export const KIOSK_UI = {
  appName: bilingual('展台屏', 'Booth kiosk'),
  touchToStart: bilingual('触摸开始', 'Touch to start'),
  highlights: bilingual('精彩看点', 'Highlights'),
  home: UI.home,
  back: UI.back,
  allSections: bilingual('全部展区', 'All sections'),
  sections: bilingual('展区', 'Sections'),
  language: bilingual('语言', 'Language'),
  exhibits: UI.exhibits,
  noItems: UI.noItems,
  previous: UI.previous,
  next: UI.next,
  keyFacts: UI.keyFacts,
  tags: UI.tags,
  images: bilingual('图片', 'Pictures'),
  zoomHint: bilingual('轻触图片放大', 'Tap a picture to enlarge it'),
  zoomGestures: bilingual('双指缩放，双击放大或还原', 'Pinch to zoom; double-tap to zoom in or out'),
  close: bilingual('关闭', 'Close'),
  onYourPhone: bilingual('用手机继续阅读', 'Take it with you'),
  scanHint: bilingual('用手机相机扫描二维码，在手机上打开本页', 'Scan the code with your phone camera to open this page on your phone'),
  qrLabel: bilingual('在手机上打开本展项的二维码', 'QR code that opens this exhibit on a phone'),
  stillThere: bilingual('还在浏览吗？', 'Are you still there?'),
  keepBrowsing: bilingual('继续浏览', 'Keep browsing'),
  offline: UI.offline,
  savedContent: bilingual('正在显示已保存的内容', 'Showing saved content'),
  /** Before the age of offline figures: "数据更新于5分钟前" / "figures from 5 minutes ago". */
  figuresFrom: bilingual('数据更新于', 'figures from'),
  notice: bilingual('通知', 'Notice'),
  importantNotice: bilingual('重要通知', 'Important notice'),
  liveStrip: UI.liveFigures,
  swipeHint: bilingual('左右滑动切换展项', 'Swipe for the next exhibit'),
  opened: bilingual('开幕', 'Opened'),
  thisBooth: bilingual('本展台', 'This booth'),
  rehearsal: UI.rehearsal,
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

