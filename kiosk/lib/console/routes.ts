/** The console's pages, as the address bar names them (the server sends /console/* to this app). */
export type Route =
  | { page: 'content'; section?: string; item?: string; tab?: 'edit' | 'history' }
  | { page: 'new-item'; section: string }
  | { page: 'announcements' }
  | { page: 'fleet' }
  | { page: 'counters' }
  | { page: 'matchmaking' }
  | { page: 'roadshow' }
  | { page: 'audit' }
  | { page: 'schedule' }
  | { page: 'users' }
  | { page: 'not-found' };

export const BASE = '/console';

/** Reads a path such as `/console/content/experts/kiryl-piatkevich/history`. */
export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = rest
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [page, a, b, c] = parts;
  switch (page) {
    case undefined:
    case 'content':
      if (a && b === 'new' && !c) return { page: 'new-item', section: a };
      if (parts.length > 4) return { page: 'not-found' };
      if (c && c !== 'history') return { page: 'not-found' };
      return { page: 'content', ...(a ? { section: a } : {}), ...(b ? { item: b, tab: c === 'history' ? 'history' : 'edit' } : {}) };
    case 'announcements':
    case 'fleet':
    case 'counters':
    case 'matchmaking':
    case 'roadshow':
    case 'audit':
    case 'schedule':
    case 'users':
      return parts.length === 1 ? { page } : { page: 'not-found' };
    default:
      return { page: 'not-found' };
  }
}

/** The path of a route; `parseRoute(routePath(r))` gives `r` back. */
export function routePath(route: Route): string {
  const e = encodeURIComponent;
  switch (route.page) {
    case 'content': {
      let path = `${BASE}/content`;
      if (route.section) path += `/${e(route.section)}`;
      if (route.section && route.item) path += `/${e(route.item)}${route.tab === 'history' ? '/history' : ''}`;
      return path;
    }
    case 'new-item':
      return `${BASE}/content/${e(route.section)}/new`;
    case 'not-found':
      return `${BASE}/`;
    default:
      return `${BASE}/${route.page}`;
  }
}
