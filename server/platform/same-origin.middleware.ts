import type { RequestHandler } from 'express';
import { AppError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site requests that change something. Browsers say where a request comes from
 * (Sec-Fetch-Site, Origin); a page on another site cannot make a signed-in operator's browser
 * post here. Clients that send neither header (door sensors, curl, scripts) are not browsers
 * carrying someone's cookies, so they pass and are judged by their token or credentials.
 */
export function refuseCrossSite(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return next(new AppError(403, 'cross_site', 'Cross-site requests are refused'));
    }
    const origin = req.get('origin');
    if (origin !== undefined && origin !== 'null') {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        return next(new AppError(403, 'cross_site', 'The Origin header is not a URL'));
      }
      if (host !== req.get('host')) return next(new AppError(403, 'cross_site', `Requests from ${origin} are refused`));
    } else if (origin === 'null') {
      return next(new AppError(403, 'cross_site', 'Requests from an opaque origin are refused'));
    }
    next();
  };
}
