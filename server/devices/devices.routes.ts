import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { SessionUser } from '../../shared/auth.schema';
import { CreateDeviceSchema, DeviceCommandInputSchema, PairingApprovalSchema, PairingClaimSchema } from '../../shared/devices.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { AppError, parseOrThrow } from '../platform/errors';
import type { DevicesService } from './devices.service';
import type { PairingService } from './pairing.service';

export function devicesRoutes(deps: { devices: DevicesService; pairing: PairingService; auth: AuthService }): Router {
  const router = Router();
  const staff = requireRole(deps.auth, 'admin', 'operator');
  const userOf = (locals: Record<string, unknown>) => locals.user as SessionUser;

  router.post('/api/v1/devices', staff, async (req, res) => {
    const input = parseOrThrow(CreateDeviceSchema, req.body ?? {});
    const { id, token } = await deps.devices.create(input, userOf(res.locals));
    res.status(201).json({ id, token });
  });

  router.get('/api/v1/devices', staff, async (_req, res) => {
    res.json({ devices: await deps.devices.list() });
  });

  router.delete('/api/v1/devices/:id', staff, async (req, res) => {
    await deps.devices.revoke(String(req.params.id), userOf(res.locals));
    res.status(204).end();
  });

  router.post('/api/v1/devices/:id/commands', staff, async (req, res) => {
    const command = parseOrThrow(DeviceCommandInputSchema, req.body ?? {});
    res.status(202).json({ delivered: await deps.devices.command(String(req.params.id), command, userOf(res.locals)) });
  });

  // Screens ask for codes without signing in: limit how often one address may ask.
  const ticketLimiter = rateLimit({
    windowMs: 60_000,
    limit: 20,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError(429, 'too_many_requests', 'Too many pairing requests from this address; wait a minute')),
  });
  router.post('/api/v1/pairing', ticketLimiter, async (req, res) => {
    res.status(201).json(await deps.pairing.open({ address: req.ip ?? null, userAgent: req.get('user-agent') ?? null }));
  });
  router.post('/api/v1/pairing/claim', async (req, res) => {
    res.json(await deps.pairing.claim(parseOrThrow(PairingClaimSchema, req.body ?? {})));
  });
  router.get('/api/v1/pairing', staff, async (_req, res) => {
    res.json({ pending: await deps.pairing.pending() });
  });
  router.post('/api/v1/pairing/approve', staff, async (req, res) => {
    const approval = parseOrThrow(PairingApprovalSchema, req.body ?? {});
    res.status(201).json(await deps.pairing.approve(approval, userOf(res.locals)));
  });
  return router;
}
