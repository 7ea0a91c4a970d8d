import { inAppTarget } from '../link-target';
import { BASE, parseRoute, routePath, type Route } from './routes';

/**
 * Client-side pages under /console/ with real addresses (the server answers every /console/*
 * with this app), so the back button, reloads and bookmarks work.
 */
export class Router {
  path = $state(location.pathname);
  readonly route: Route = $derived(parseRoute(this.path));

  constructor() {
    window.addEventListener('popstate', () => (this.path = location.pathname));
  }

  go(to: Route | string, options: { replace?: boolean } = {}): void {
    const path = typeof to === 'string' ? to : routePath(to);
    if (path === this.path) return;
    if (options.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.path = path;
  }

  href(route: Route): string {
    return routePath(route);
  }

  /**
   * For `onclick` on an `<a href>` inside the console: an ordinary click changes the page here;
   * a click with a modifier (new tab) or on another address is left to the browser.
   */
  readonly link = (event: MouseEvent): void => {
    const anchor = event.currentTarget as HTMLAnchorElement;
    const target = inAppTarget(event, { href: anchor.href, target: anchor.target, download: anchor.hasAttribute('download') }, location.origin, BASE);
    if (target === null) return;
    event.preventDefault();
    this.go(new URL(target, location.origin).pathname);
  };
}
