import { describe, expect, it } from 'vitest';
import { inAppTarget } from '../../kiosk/lib/link-target';
import { inPageTarget, parseRoute, paths, routePath, type ClickInfo, type LinkInfo } from '../../kiosk/lib/phone/routes';

describe('parseRoute', () => {
  it('reads the home page with or without a trailing slash or index.html', () => {
    for (const path of ['/m', '/m/', '/m/index.html']) expect(parseRoute(path)).toEqual({ page: 'home' });
  });

  it('reads a section, an item and the roadshow', () => {
    expect(parseRoute('/m/section/experts')).toEqual({ page: 'section', id: 'experts' });
    expect(parseRoute('/m/item/oc-ta-exm-microscopy')).toEqual({ page: 'item', id: 'oc-ta-exm-microscopy' });
    expect(parseRoute('/m/roadshow')).toEqual({ page: 'roadshow' });
    expect(parseRoute('/m/roadshow/')).toEqual({ page: 'roadshow' });
  });

  it('forgives what a hand-typed poster address may get wrong: trailing slash, capitals, plurals', () => {
    expect(parseRoute('/m/item/alpha-item-1/')).toEqual({ page: 'item', id: 'alpha-item-1' });
    expect(parseRoute('/m/Item/Alpha-Item-1')).toEqual({ page: 'item', id: 'alpha-item-1' });
    expect(parseRoute('/m/sections/alpha')).toEqual({ page: 'section', id: 'alpha' });
    expect(parseRoute('/m/items/alpha-item-1')).toEqual({ page: 'item', id: 'alpha-item-1' });
  });

  it('decodes the id the kiosk QR code encoded', () => {
    expect(parseRoute(`/m/item/${encodeURIComponent('a b')}`)).toEqual({ page: 'item', id: 'a b' });
  });

  it('calls anything else unknown, including a malformed escape and extra parts', () => {
    for (const path of ['/m/nothing', '/m/item', '/m/item/a/b', '/m/roadshow/x', '/m/item/%E0%A4%A', '/kiosk/', '/mm/item/a']) {
      expect(parseRoute(path), path).toEqual({ page: 'unknown' });
    }
  });

  it('round-trips every route through its canonical path', () => {
    for (const route of [{ page: 'home' }, { page: 'section', id: 'alpha' }, { page: 'item', id: 'alpha-item-1' }, { page: 'roadshow' }] as const) {
      expect(parseRoute(routePath(route))).toEqual(route);
    }
    expect(paths.item('alpha-item-1')).toBe('/m/item/alpha-item-1');
    expect(paths.section('beta')).toBe('/m/section/beta');
    expect(paths.home()).toBe('/m/');
    expect(paths.roadshow()).toBe('/m/roadshow');
  });
});

describe('inPageTarget', () => {
  const origin = 'http://192.168.1.10:3000';
  const click = (over: Partial<ClickInfo> = {}): ClickInfo => ({
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    defaultPrevented: false,
    ...over,
  });
  const link = (href: string, over: Partial<LinkInfo> = {}): LinkInfo => ({ href, target: '', download: false, ...over });

  it('takes over a plain click on a link under /m/, keeping query and hash', () => {
    expect(inPageTarget(click(), link(`${origin}/m/item/alpha-item-1`), origin)).toBe('/m/item/alpha-item-1');
    expect(inPageTarget(click(), link('/m/section/alpha?from=poster#top'), origin)).toBe('/m/section/alpha?from=poster#top');
  });

  it('is the console router’s rule too, for its own base', () => {
    expect(inAppTarget(click(), link('/console/fleet'), origin, '/console')).toBe('/console/fleet');
    expect(inAppTarget(click(), link('/m/item/a'), origin, '/console')).toBeNull();
    expect(inAppTarget(click({ ctrlKey: true }), link('/console/fleet'), origin, '/console')).toBeNull();
    expect(inAppTarget(click(), link('/console/fleet', { target: '_blank' }), origin, '/console')).toBeNull();
  });

  it('leaves new-tab clicks, other buttons and handled clicks to the browser', () => {
    for (const over of [{ metaKey: true }, { ctrlKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }, { defaultPrevented: true }]) {
      expect(inPageTarget(click(over), link('/m/roadshow'), origin), JSON.stringify(over)).toBeNull();
    }
  });

  it('leaves links to other sites, other apps, images, downloads and named targets to the browser', () => {
    expect(inPageTarget(click(), link('https://example.org/m/item/x'), origin)).toBeNull();
    expect(inPageTarget(click(), link('/kiosk/'), origin)).toBeNull();
    expect(inPageTarget(click(), link('/media/photo.webp'), origin)).toBeNull();
    expect(inPageTarget(click(), link('/m/item/x', { download: true }), origin)).toBeNull();
    expect(inPageTarget(click(), link('/m/item/x', { target: '_blank' }), origin)).toBeNull();
    expect(inPageTarget(click(), link('/m/item/x', { target: '_self' }), origin)).toBe('/m/item/x');
  });
});
