import type { RequestHandler } from 'express';
import { AppError } from './errors';
import { crossSiteRefusal } from './origin-policy';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses cross-site requests that change something (see crossSiteRefusal for the rule). */
export function refuseCrossSite(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const refusal = crossSiteRefusal({ origin: req.get('origin'), secFetchSite: req.get('sec-fetch-site'), host: req.get('host') }, allowedOrigins);
    next(refusal ? new AppError(403, 'cross_site', refusal) : undefined);
  };
}

/**
 * The same rule for socket.io namespaces that act with the session cookie (/console) or drive a
 * screen (/device), checked on the handshake: a page from another origin cannot join them
 * through a visitor's or operator's browser (cross-site WebSocket hijacking).
 */
export function refuseCrossSiteSocket(allowedOrigins: readonly string[]) {
  return (socket: { handshake: { headers: Record<string, string | string[] | undefined> } }, next: (error?: Error) => void): void => {
    const header = (name: string) => {
      const value = socket.handshake.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const refusal = crossSiteRefusal({ origin: header('origin'), secFetchSite: header('sec-fetch-site'), host: header('host') }, allowedOrigins);
    next(refusal ? new Error(`cross_site: ${refusal}`) : undefined);
  };
}
