// Which link clicks a single-page app handles itself: one rule for the phone's and the console's routers.

/** The parts of a click that decide whether the page may handle it itself. */
export interface ClickInfo {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/** The parts of the clicked link that matter. */
export interface LinkInfo {
  href: string;
  target: string;
  download: boolean;
}

/**
 * The path (with query and hash) to show without a reload when a link is clicked, or null to let
 * the browser follow it: a modified or non-primary click (new tab), a link to another site or a
 * page outside the app's `base` (/m, /console: the media files, the other apps), a download or a
 * named target. The phone's and the console's routers both ask it.
 */
export function inAppTarget(click: ClickInfo, link: LinkInfo, origin: string, base: string): string | null {
  if (click.defaultPrevented || click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return null;
  if (link.download || (link.target !== '' && link.target !== '_self')) return null;
  let url: URL;
  try {
    url = new URL(link.href, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
