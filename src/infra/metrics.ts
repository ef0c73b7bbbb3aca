// Prometheus metrics at GET /metrics: request rate and latency per route,
// projection lag (events and seconds), event store append latency, and the
// process defaults. One registry per app, so test apps never share counters.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type Metric, type MetricValueWithName } from 'prom-client';
import { comparePositions, type EventStore, type Position } from './eventstore/types.js';
import type { ProjectionProgress } from './projection-status.js';
import { bearer } from './auth.js';
import { tokenCheck } from './secrets.js';
import { routeOf } from './http/shell.js';

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

/** The request latency histogram's buckets, in seconds. */
const REQUEST_SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

interface RouteTally {
  labels: { method: string; route: string };
  statuses: Map<number, number>;
  /** Answers per bucket (not cumulative); the last one is over every bound. */
  buckets: Float64Array;
  sum: number;
  count: number;
}

/**
 * HTTP requests per route and status (`chronicle_http_requests_total`) and their latency per route
 * (`chronicle_http_request_duration_seconds`), tallied in plain numbers as answers go out and shown
 * at a scrape as prom-client's own Counter and Histogram show theirs. prom-client's inc() and
 * observe() check the labels and build a string of them at every call: 0.7 µs per answer for the
 * two, measured in a loop, a few percent of a cached read; a tally costs three map lookups and a
 * bucket search.
 */
class RouteTallies {
  /** By route pattern, then method: both strings are the same objects at every request. */
  private readonly byRoute = new Map<string, Map<string, RouteTally>>();

  constructor(registry: Registry) {
    const tallies = () => [...this.byRoute.values()].flatMap((methods) => [...methods.values()]);
    const metric = (name: string, help: string, type: 'counter' | 'histogram', values: () => MetricValueWithName<string>[]) =>
      registry.registerMetric({
        name,
        help,
        type,
        get: async () => ({ name, help, type, aggregator: 'sum', values: values() }),
      } as unknown as Metric);
    metric('chronicle_http_requests_total', 'HTTP requests answered, per route and status', 'counter', () =>
      tallies().flatMap((t) => [...t.statuses].map(([status, value]) => ({ value, labels: { ...t.labels, status: String(status) } }))),
    );
    const name = 'chronicle_http_request_duration_seconds';
    metric(name, 'HTTP request latency per route', 'histogram', () =>
      tallies().flatMap((t) => {
        let cumulative = 0;
        const le = [...REQUEST_SECONDS_BUCKETS, '+Inf' as const];
        return [
          ...le.map((bound, i) => ({ metricName: `${name}_bucket`, value: (cumulative += t.buckets[i]!), labels: { le: bound, ...t.labels } })),
          { metricName: `${name}_sum`, value: t.sum, labels: t.labels },
          { metricName: `${name}_count`, value: t.count, labels: t.labels },
        ];
      }),
    );
  }

  record(method: string, route: string, status: number, seconds: number): void {
    let methods = this.byRoute.get(route);
    if (!methods) this.byRoute.set(route, (methods = new Map()));
    let t = methods.get(method);
    if (!t) {
      t = { labels: { method, route }, statuses: new Map(), buckets: new Float64Array(REQUEST_SECONDS_BUCKETS.length + 1), sum: 0, count: 0 };
      methods.set(method, t);
    }
    t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
    let b = 0;
    while (b < REQUEST_SECONDS_BUCKETS.length && seconds > REQUEST_SECONDS_BUCKETS[b]!) b++;
    t.buckets[b]! += 1;
    t.sum += seconds;
    t.count += 1;
  }
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
    const routes = new RouteTallies(registry);
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
      routes.record(request.method, routeOf(request)?.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
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
