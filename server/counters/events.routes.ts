import { Router } from 'express';
import { EventBatchSchema } from '../../shared/events.schema';
import type { DeviceRecord } from '../devices/devices.repository';
import { requireDevice } from '../devices/device-auth.middleware';
import type { DevicesService } from '../devices/devices.service';
import { AppError, parseOrThrow } from '../platform/errors';
import type { Metrics } from '../platform/metrics';
import type { KeyedRateLimits } from '../platform/token-bucket';
import type { IngestService } from './ingest.service';

/**
 * `limits` holds one token bucket per device, counted in events (a request of 500 costs 500): the
 * public counters are fed by device tokens, and a leaked one must not be able to post thousands
 * of events a second into them. A refused request stores nothing and says when to come back.
 */
export function eventsRoutes(deps: { ingest: IngestService; devices: DevicesService; metrics: Metrics; limits: KeyedRateLimits }): Router {
  const router = Router();
  router.post('/api/v1/events', requireDevice(deps.devices, 'booth', 'sensor', 'door'), async (req, res) => {
    const stopTimer = deps.metrics.ingestAckSeconds.startTimer();
    const batch = parseOrThrow(EventBatchSchema, req.body ?? {});
    const device = (res.locals as { device: DeviceRecord }).device;
    // Checked before it is charged: a refused batch (an unknown item, a stale event) costs nothing.
    const checked = deps.ingest.check(device.id, batch);
    const allowed = await deps.limits.take(device.id, batch.events.length);
    if (!allowed.ok) {
      deps.metrics.eventsRateLimited.inc(batch.events.length);
      const seconds = Math.max(1, Math.ceil(allowed.retryAfterMs / 1000));
      res.set('Retry-After', String(seconds));
      throw new AppError(429, 'rate_limited', `This device sent more events than it may; send them again in ${seconds} s (nothing of this request was stored)`, {
        retryAfterSeconds: seconds,
      });
    }
    const result = await deps.ingest.store(checked);
    stopTimer();
    res.json(result);
  });
  return router;
}
