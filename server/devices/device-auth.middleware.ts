import type { RequestHandler } from 'express';
import type { DeviceRole } from '../../shared/devices.schema';
import { AppError, unauthorized } from '../platform/errors';
import type { DeviceRecord } from './devices.repository';
import type { DevicesService } from './devices.service';

/** The bearer token in an Authorization header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = (header ?? '').match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/** Admits requests that carry the token of an active device with one of `roles`; sets `res.locals.device`. */
export function requireDevice(devices: DevicesService, ...roles: DeviceRole[]): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.get('authorization'));
    if (!token) return next(unauthorized('Send the device token as "Authorization: Bearer <token>"'));
    const device = await devices.authenticate(token);
    if (!device) return next(unauthorized('The device token is not valid (revoked or mistyped)'));
    if (!roles.includes(device.role)) {
      return next(new AppError(403, 'forbidden', `A ${device.role} device may not do this (needs ${roles.join(' or ')})`));
    }
    (res.locals as { device?: DeviceRecord }).device = device;
    next();
  };
}
