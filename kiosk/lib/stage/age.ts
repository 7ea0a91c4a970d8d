import type { LocalizedText } from '../i18n';

/**
 * How old the figures on screen are, in words readable from afar: "3 分钟前 · 3 min ago".
 * Coarse on purpose: an audience needs "recent" or "stale", not seconds.
 */
export function ageText(ageMs: number): LocalizedText {
  const minutes = Math.floor(Math.max(0, ageMs) / 60_000);
  if (minutes < 1) return { 'zh-CN': '刚刚', en: 'just now' };
  if (minutes < 60) return { 'zh-CN': `${minutes} 分钟前`, en: `${minutes} min ago` };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { 'zh-CN': `${hours} 小时前`, en: `${hours} h ago` };
  const days = Math.floor(hours / 24);
  return { 'zh-CN': `${days} 天前`, en: `${days} days ago` };
}
