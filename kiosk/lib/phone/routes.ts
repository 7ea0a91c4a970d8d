import { inAppTarget, type ClickInfo, type LinkInfo } from '../link-target';

export type { ClickInfo, LinkInfo };
/**
 * The phone page's addresses. Pure, so the rules (what a poster or a kiosk QR code may point at)
 * are tested without a browser; the History API side lives in router.svelte.ts.
 *
 * The server sends kiosk/m/index.html for every `/m/*` path, so each of these works on a fresh load.
 */

/** Where the phone page lives; every route below is under it. */
export const PHONE_BASE = '/m';

export type PhoneRoute =
  | { page: 'home' }
  | { page: 'section'; id: string }
  | { page: 'item'; id: string }
  | { page: 'roadshow' }
  /** An address under /m/ that names nothing we know: the page says so and links home. */
  | { page: 'unknown' };

export type PhonePage = PhoneRoute['page'];

/**
 * The route an address names. Tolerant where a hand-typed address may differ (trailing slash,
 * `index.html`, upper case, plural `sections/`/`items/`), strict about the shape otherwise.
 * Ids are slugs (lowercase), so an id that cannot be one is still a route: its page says "not found".
 */
export function parseRoute(pathname: string): PhoneRoute {
  if (pathname !== PHONE_BASE && !pathname.startsWith(`${PHONE_BASE}/`)) return { page: 'unknown' };
  const parts = pathname
    .slice(PHONE_BASE.length)
    .split('/')
    .filter((part) => part !== '' && part !== 'index.html');
  let decoded: string[];
  try {
    decoded = parts.map((part) => decodeURIComponent(part).toLowerCase());
  } catch {
    // A malformed escape such as "%E0%A4%A": nothing we could have linked to.
    return { page: 'unknown' };
  }
  const [head, id, ...rest] = decoded;
  if (head === undefined) return { page: 'home' };
  if (head === 'roadshow' && id === undefined) return { page: 'roadshow' };
  if (id !== undefined && rest.length === 0) {
    if (head === 'section' || head === 'sections') return { page: 'section', id };
    if (head === 'item' || head === 'items') return { page: 'item', id };
  }
  return { page: 'unknown' };
}

/** The canonical address of a route (what links and the address bar show). */
export function routePath(route: PhoneRoute): string {
  switch (route.page) {
    case 'home':
    case 'unknown':
      return `${PHONE_BASE}/`;
    case 'section':
      return `${PHONE_BASE}/section/${encodeURIComponent(route.id)}`;
    case 'item':
      return `${PHONE_BASE}/item/${encodeURIComponent(route.id)}`;
    case 'roadshow':
      return `${PHONE_BASE}/roadshow`;
  }
}

/** Shorthands for links in the templates. */
export const paths = {
  home: (): string => routePath({ page: 'home' }),
  section: (id: string): string => routePath({ page: 'section', id }),
  item: (id: string): string => routePath({ page: 'item', id }),
  roadshow: (): string => routePath({ page: 'roadshow' }),
};

/** The path to show without a reload when a link to the phone pages (/m/…) is clicked, or null (see inAppTarget). */
export function inPageTarget(click: ClickInfo, link: LinkInfo, origin: string): string | null {
  return inAppTarget(click, link, origin, PHONE_BASE);
}
