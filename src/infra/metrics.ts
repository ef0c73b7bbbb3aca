// Prometheus metrics at GET /metrics: request rate and latency per route,
// projection lag (events and seconds), event store append latency, and the
// process defaults. One registry per app, so test apps never share counters.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { comparePositions, type EventStore, type Position } from './eventstore/types.js';
import type { ProjectionProgress } from './projection-status.js';
import { bearer } from './auth.js';
import { tokenCheck } from './secrets.js';

export interface Metrics {
  registry: Registry;
  appendSeconds: Histogram<'store' | 'outcome'>;
  /** From an event's append to its read-model write, for events applied live (not during a catch-up). */
  projectionDelaySeconds: Histogram;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const appendSeconds = new Histogram({
    name: 'chronicle_eventstore_append_duration_seconds',
    help: 'Time to append to the event store (durable when it resolves)',
    labelNames: ['store', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const projectionDelaySeconds = new Histogram({
    name: 'chronicle_projection_delay_seconds',
    help: 'Time from an event\'s append to its read models showing it (events applied by this process once caught up)',
    buckets: [0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, appendSeconds, projectionDelaySeconds };
}

/** The same store, timing every append. */
export function instrumentEventStore(store: EventStore, metrics: Metrics): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<EventStore['append']>) => {
        const end = metrics.appendSeconds.startTimer({ store: target.kind });
        try {
          const result = await target.append(...args);
          end({ outcome: 'ok' });
          return result;
        } catch (error) {
          end({ outcome: (error as Error).name });
          throw error;
        }
      };
    },
  });
}


/** Events and seconds the read models are behind the log; counting stops at `cap` events. */
export async function projectionLag(
  eventStore: EventStore,
  applied: Position | null,
  now: Date,
  cap = 10_000,
): Promise<{ events: number; seconds: number }> {
  const head = await eventStore.headPosition();
  if (!head || (applied && comparePositions(applied, head) >= 0)) return { events: 0, seconds: 0 };
  let events = 0;
  let seconds = 0;
  for await (const e of eventStore.readAll({ ...(applied ? { after: applied } : {}), maxCount: cap })) {
    if (events === 0) seconds = Math.max(0, (now.getTime() - e.created.getTime()) / 1000);
    events += 1;
  }
  return { events, seconds };
}

export const metricsPlugin = fp(
  async function metricsPlugin(
    app: FastifyInstance,
    opts: {
      metrics: Metrics;
      eventStore: EventStore;
      progress: ProjectionProgress | null;
      now: () => Date;
      /** Bearer token the scraper sends; unset: open, except in production where /metrics is not served. */
      token: string | undefined;
      production: boolean;
    },
  ) {
    const { registry } = opts.metrics;
    const requests = new Counter({
      name: 'chronicle_http_requests_total',
      help: 'HTTP requests answered, per route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'chronicle_http_request_duration_seconds',
      help: 'HTTP request latency per route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    const progress = opts.progress;
    if (progress) {
      // Both gauges are collected concurrently in one scrape: measure once for both.
      let measuring: Promise<{ events: number; seconds: number }> | null = null;
      const lag = () => {
        measuring ??= progress
          .position()
          .then((applied) => projectionLag(opts.eventStore, applied, opts.now()))
          .catch(() => ({ events: -1, seconds: -1 }))
          .finally(() => setImmediate(() => (measuring = null)));
        return measuring;
      };
      new Gauge({
        name: 'chronicle_projection_lag_events',
        help: 'Events in the log not yet applied to every read model (counted up to 10000; -1: unknown)',
        registers: [registry],
        async collect() {
          this.set((await lag()).events);
        },
      });
      new Gauge({
        name: 'chronicle_projection_lag_seconds',
        help: 'Age of the oldest event not yet applied to every read model (-1: unknown)',
        registers: [registry],
        async collect() {
          this.set((await lag()).seconds);
        },
      });
    }

    // A callback hook: every answer passes here, and it needs no promise.
    app.addHook('onResponse', (request, reply, done) => {
      // Unmatched paths share one label, so random URLs cannot blow up the series count.
      const route = request.routeOptions.url ?? 'unmatched';
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      done();
    });

    new Counter({
      name: 'chronicle_http_connections_dropped_total',
      help: 'Connections closed on arrival because the open-connection cap was reached',
      registers: [registry],
    });
    const dropped = registry.getSingleMetric('chronicle_http_connections_dropped_total') as Counter;
    app.server.on('drop', () => dropped.inc());

    if (opts.production && opts.token === undefined) {
      // Fail closed: route names and traffic are no business of the public.
      app.log.warn('METRICS_TOKEN is not set: GET /metrics is not served in production');
      return;
    }
    const presentsToken = opts.token === undefined ? null : tokenCheck(opts.token);
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (presentsToken && !presentsToken(bearer(request) ?? '')) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer realm="metrics"')
          .send({ error: 'A valid metrics token is required (Authorization: Bearer <METRICS_TOKEN>)' });
      }
      void reply.header('content-type', registry.contentType);
      return registry.metrics();
    });
  },
  { name: 'metrics' },
);
