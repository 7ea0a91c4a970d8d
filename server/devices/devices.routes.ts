import { Router } from 'express';
import type { SessionUser } from '../../shared/auth.schema';
import { CreateDeviceSchema } from '../../shared/devices.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { parseOrThrow } from '../platform/errors';
import type { DevicesService } from './devices.service';

export function devicesRoutes(deps: { devices: DevicesService; auth: AuthService }): Router {
  const router = Router();
  const staff = requireRole(deps.auth, 'admin', 'operator');

  router.post('/api/v1/devices', staff, (req, res) => {
    const input = parseOrThrow(CreateDeviceSchema, req.body ?? {});
    const user = res.locals.user as SessionUser;
    res.status(201).json(deps.devices.create(input, user.id));
  });

  router.get('/api/v1/devices', staff, (_req, res) => {
    res.json({ devices: deps.devices.list() });
  });

  router.delete('/api/v1/devices/:id', staff, (req, res) => {
    deps.devices.revoke(String(req.params.id));
    res.status(204).end();
  });
  return router;
}
