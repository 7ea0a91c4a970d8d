import { inPageTarget, parseRoute, type PhoneRoute } from './routes';

/** What the page keeps in each history entry: where the visitor had scrolled to. */
interface EntryState {
  phoneScrollY?: number;
}

/**
 * The phone page's routes on the History API (no router library: four routes do not need one).
 * Links are ordinary `<a href>` elements, so they work without JavaScript's help too (open in a new
 * tab, long-press, copy); a plain click on one under /m/ is taken over here and shown without a reload.
 */
export class PhoneRouter {
  route = $state.raw<PhoneRoute>(parseRoute(location.pathname));
  /** How many in-page navigations lie behind the current entry: "back" stays on the page only above 0. */
  depth = $state(0);
  /** Bumped on every in-page navigation (not the first load), so the page can move focus to the new heading. */
  navigations = $state(0);

  /** Starts listening; returns the function that stops. */
  start(): () => void {
    // The page restores scroll positions itself: the browser's own restoration runs before the new route renders.
    history.scrollRestoration = 'manual';
    const onPopState = (event: PopStateEvent) => {
      this.depth = Math.max(0, this.depth - 1);
      this.show(location.pathname, (event.state as EntryState | null)?.phoneScrollY ?? 0);
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement)) return;
      const target = inPageTarget(event, { href: link.href, target: link.target, download: link.hasAttribute('download') }, location.origin);
      if (target === null) return;
      event.preventDefault();
      this.go(target);
    };
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick);
    };
  }

  /** Shows `path` and adds it to the history (the same path again only scrolls to the top). */
  go(path: string): void {
    const current = `${location.pathname}${location.search}${location.hash}`;
    if (path === current) {
      window.scrollTo(0, 0);
      return;
    }
    // Remember where the visitor was, for when they come back.
    history.replaceState({ ...(history.state as EntryState | null), phoneScrollY: window.scrollY } satisfies EntryState, '');
    history.pushState({ phoneScrollY: 0 } satisfies EntryState, '', path);
    this.depth++;
    this.show(new URL(path, location.origin).pathname, 0);
  }

  /** Back within the page when there is somewhere to go back to; otherwise (a deep link) up to `fallback`. */
  back(fallback: string): void {
    if (this.depth > 0) history.back();
    else {
      // Replace, not push: "back" from a deep link should not leave the visitor a way "forward" into a loop.
      history.replaceState({ phoneScrollY: 0 } satisfies EntryState, '', fallback);
      this.show(fallback, 0);
    }
  }

  private show(pathname: string, scrollY: number): void {
    this.route = parseRoute(pathname);
    this.navigations++;
    // After the new route has rendered (a frame later), so that there is a page to scroll.
    requestAnimationFrame(() => window.scrollTo(0, scrollY));
  }
}
