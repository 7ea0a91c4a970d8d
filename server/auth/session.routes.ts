import { Router, type Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { LoginSchema, normalizeUsername } from '../../shared/auth.schema';
import { AppError, parseOrThrow, unauthorized } from '../platform/errors';
import { currentUser } from './auth.middleware';
import type { AuthService } from './auth.service';
import { PasswordGate } from './password-gate';
import './session.types';
import type { DomainEventPublisher } from '../platform/domain-events';
import type { SharedLimitOptions } from '../cluster/rate-limit-store';

const regenerate = (req: Request) => new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
const save = (req: Request) => new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
const destroy = (req: Request) => new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));

/** `sharedLimits`: count failed sign-ins in Redis, across every node of a cluster (in this process otherwise). */
export function sessionRoutes(deps: { auth: AuthService; maxFailures: number; bus: DomainEventPublisher; gate?: PasswordGate; sharedLimits?: SharedLimitOptions }): Router {
  const router = Router();
  const gate = deps.gate ?? new PasswordGate();
  const nameOf = (req: Request) => {
    const name = (req.body as { username?: unknown } | undefined)?.username;
    return typeof name === 'string' ? normalizeUsername(name) : '';
  };
  // Failed logins per address and user name; successful ones do not count.
  const loginLimiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: deps.maxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Keyed on the name as sign-in reads it: " admin" and "ADMIN\n" are admin's tries too.
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${nameOf(req)}`,
    handler: (_req, _res, next) => next(new AppError(429, 'too_many_attempts', 'Too many failed sign-ins; wait 15 minutes and try again')),
    ...deps.sharedLimits,
  });

  router.post('/api/v1/session', loginLimiter, async (req, res) => {
    const login = parseOrThrow(LoginSchema, req.body ?? {});
    const user = await gate.run(ipKeyGenerator(req.ip ?? ''), () => deps.auth.verify(login));
    if (!user) throw unauthorized('Wrong user name or password');
    // A new session id at sign-in, so an id planted before login is worthless (session fixation).
    await regenerate(req);
    req.session.user = user;
    await save(req);
    res.json({ user });
  });

  router.get('/api/v1/session', async (req, res) => {
    const user = await currentUser(req, deps.auth);
    if (!user) throw unauthorized('Not signed in');
    res.json({ user });
  });

  router.delete('/api/v1/session', async (req, res) => {
    const userId = req.session.user?.id;
    const sessionId = req.sessionID;
    await destroy(req);
    res.clearCookie('showfloor.sid', { path: '/' });
    if (userId) deps.bus.publish('session.ended', { userId, sessionId });
    res.status(204).end();
  });
  return router;
}
