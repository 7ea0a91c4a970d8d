import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** helmet with a CSP that allows no inline or foreign scripts. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        // Show-floor networks are often plain http on a LAN address; upgrading would break them.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
}
