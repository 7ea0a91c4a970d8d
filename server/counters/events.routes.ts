import { Router } from 'express';
import { EventBatchSchema } from '../../shared/events.schema';
import type { DeviceRecord } from '../devices/devices.repository';
import { requireDevice } from '../devices/device-auth.middleware';
import type { DevicesService } from '../devices/devices.service';
import { parseOrThrow } from '../platform/errors';
import type { Metrics } from '../platform/metrics';
import type { IngestService } from './ingest.service';

export function eventsRoutes(deps: { ingest: IngestService; devices: DevicesService; metrics: Metrics }): Router {
  const router = Router();
  router.post('/api/v1/events', requireDevice(deps.devices, 'booth', 'sensor', 'door'), async (req, res) => {
    const stopTimer = deps.metrics.ingestAckSeconds.startTimer();
    const batch = parseOrThrow(EventBatchSchema, req.body ?? {});
    const device = (res.locals as { device: DeviceRecord }).device;
    const result = await deps.ingest.ingest(device.id, batch);
    stopTimer();
    res.json(result);
  });
  return router;
}
