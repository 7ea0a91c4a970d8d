import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one server instance, on its own registry (no global state). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'showfloor_' });
  return {
    registry,
    connectedClients: new Gauge({
      name: 'showfloor_connected_clients',
      help: 'Open socket.io connections per namespace',
      labelNames: ['namespace'] as const,
      registers: [registry],
    }),
    eventsIngested: new Counter({
      name: 'showfloor_events_ingested_total',
      help: 'Visitor and interaction events stored, by type',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    eventDuplicates: new Counter({
      name: 'showfloor_event_duplicates_total',
      help: 'Events received again with an id already stored (not counted twice)',
      registers: [registry],
    }),
    eventsRateLimited: new Counter({
      name: 'showfloor_events_rate_limited_total',
      help: 'Events refused with 429 because their device posted faster than its limit (sent again later by a well-behaved device)',
      registers: [registry],
    }),
    broadcasts: new Counter({
      name: 'showfloor_broadcasts_total',
      help: 'Patches broadcast on /live, by type',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    ingestAckSeconds: new Histogram({
      name: 'showfloor_ingest_ack_seconds',
      help: 'Time from receiving an events post to acknowledging it after the commit',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    ingestGroupSize: new Histogram({
      name: 'showfloor_ingest_group_requests',
      help: 'Requests committed together in one transaction',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    slowClientsCut: new Counter({
      name: 'showfloor_slow_clients_cut_total',
      help: 'Socket connections closed because they did not read what they were sent (buffered bytes over the limit)',
      registers: [registry],
    }),
    floodingClientsCut: new Counter({
      name: 'showfloor_flooding_clients_cut_total',
      help: 'Socket connections closed because they sent messages faster than the inbound limit',
      registers: [registry],
    }),
    requestsRefused: new Counter({
      name: 'showfloor_requests_refused_total',
      help: 'Requests refused to protect the server, by reason (rate limits, busy password checks, full storage)',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
