/** What a request says about where it comes from (browsers send these; scripts and sensors usually do not). */
export interface RequestOrigin {
  origin: string | undefined;
  secFetchSite: string | undefined;
  host: string | undefined;
}

/**
 * Decides whether a browser request may act with the cookies it carries. A page from another
 * origin — another site, or only another port on the same host, which is the same *site* and so
 * still gets our SameSite=Lax cookie — must not drive a signed-in operator's browser, over HTTP or
 * over a socket. Allowed: the server's own origin (the Host the request was sent to), PUBLIC_URL,
 * and ALLOWED_ORIGINS. Clients that send neither Origin nor Sec-Fetch-Site are not browsers
 * carrying someone's cookies (door sensors, curl, scripts): they pass and are judged by their
 * token or credentials.
 *
 * @returns undefined when allowed, otherwise the reason for the refusal.
 */
export function crossSiteRefusal(request: RequestOrigin, allowedOrigins: readonly string[]): string | undefined {
  const { origin, secFetchSite, host } = request;
  if (origin !== undefined) {
    if (origin === 'null') return 'Requests from an opaque origin are refused';
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return 'The Origin header is not a URL';
    }
    if (url.host === host || allowedOrigins.includes(url.origin)) return undefined;
    return `Requests from ${origin} are refused (not this server's origin, PUBLIC_URL or ALLOWED_ORIGINS)`;
  }
  if (secFetchSite !== undefined && secFetchSite !== 'same-origin' && secFetchSite !== 'none') return 'Cross-site requests are refused';
  return undefined;
}

/** The origins allowed besides the request's own: PUBLIC_URL's and ALLOWED_ORIGINS. */
export function allowedOriginsOf(config: { publicUrl: string | undefined; allowedOrigins: readonly string[] }): string[] {
  return [...(config.publicUrl ? [new URL(config.publicUrl).origin] : []), ...config.allowedOrigins];
}
