// Write scenarios through D's key-value API: each POST appends an event,
// waits for the projection, and answers; afterwards every answered write must
// read back. The projection delay comes from the service's own histogram.
import assert from 'node:assert/strict';
import { call, type User } from '../lib/client.js';
import { load } from '../lib/load.js';
import { clean, fromLoad, round, type Result } from '../lib/results.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

/** POSTs unique keys under `prefix` for `seconds`; returns the keys answered 201. */
async function postKeys(base: string, user: User, prefix: string, options: { seconds: number; connections: number; overallRate?: number }) {
  let n = 0;
  const answered: string[] = [];
  const r = await load({
    url: `${base}/api/data`,
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
    expectStatus: 201,
    connections: options.connections,
    duration: options.seconds,
    overallRate: options.overallRate,
    setupRequest: (request, context) => {
      const key = `${prefix}-${n++}`;
      context.key = key;
      return { ...request, body: JSON.stringify({ key, value: { n, written: 'by the benchmark' } }) };
    },
    onResponse: (status, _body, context) => {
      if (status === 201) answered.push(context.key as string);
    },
  });
  return { r, answered };
}

/** Reads every answered key back; answers how many are missing or wrong. */
async function missing(base: string, user: User, keys: string[]): Promise<number> {
  let next = 0;
  let found = 0;
  await load({
    url: base,
    headers: { authorization: `Bearer ${user.token}` },
    connections: 20,
    duration: 600,
    amount: keys.length,
    setupRequest: (request, context) => {
      const key = keys[next++];
      context.key = key;
      return { ...request, path: `/api/data/${key}` };
    },
    onResponse: (status, body, context) => {
      if (status === 200 && JSON.parse(body).data?.key === context.key) found += 1;
    },
  });
  return keys.length - found;
}

export async function postData(base: string, user: User): Promise<Result> {
  const probe = await call(base, 'POST', '/api/data', { token: user.token, body: { key: 'probe', value: 1 }, expect: 201 });
  assert.deepEqual(probe.json, { status: 'success', message: 'Data stored successfully.' });
  const { r, answered } = await postKeys(base, user, 'post', { seconds: DURATION, connections: 50 });
  const lost = await missing(base, user, answered);
  return {
    scenario: 'POST /api/data',
    target: '≥ 3,000 req/s at 50 connections, every answered write present afterwards',
    pass: clean(r) && r.requestsPerSecond >= 3000 && lost === 0,
    measured: `${r.requestsPerSecond} req/s, p99 ${r.latencyMs.p99} ms; ${answered.length} answered, ${lost} missing`,
    configuration: { connections: r.connections, seconds: r.durationSeconds, path: 'append + projection + read-your-writes' },
    ...fromLoad(r),
    answered: answered.length,
    missingAfterwards: lost,
  };
}

type Buckets = Map<number, number>;

async function delayHistogram(base: string): Promise<Buckets> {
  const text = (await call(base, 'GET', '/metrics', { expect: 200 })).text;
  const buckets: Buckets = new Map();
  for (const m of text.matchAll(/^chronicle_projection_delay_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)) {
    buckets.set(m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2]));
  }
  return buckets;
}

/** The q-quantile of the observations between two scrapes, interpolated inside its bucket (seconds). */
export function quantile(before: Buckets, after: Buckets, q: number): { value: number; count: number } {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((b) => (after.get(b) ?? 0) - (before.get(b) ?? 0));
  const count = counts[counts.length - 1] ?? 0;
  const rank = q * count;
  for (let i = 0; i < bounds.length; i += 1) {
    if (counts[i]! >= rank) {
      const lower = i === 0 ? 0 : bounds[i - 1]!;
      const below = i === 0 ? 0 : counts[i - 1]!;
      const upper = bounds[i]!;
      if (!Number.isFinite(upper)) return { value: lower, count };
      const inBucket = counts[i]! - below;
      return { value: lower + (upper - lower) * (inBucket ? (rank - below) / inBucket : 1), count };
    }
  }
  return { value: NaN, count };
}

export async function projectionLag(base: string, user: User): Promise<Result> {
  const seconds = Math.max(DURATION, 10);
  const before = await delayHistogram(base);
  const { r, answered } = await postKeys(base, user, 'lag', { seconds, connections: 20, overallRate: 1000 });
  const after = await delayHistogram(base);
  const p99 = quantile(before, after, 0.99);
  const p50 = quantile(before, after, 0.5);
  const p99Ms = round(p99.value * 1000, 1);
  return {
    scenario: 'projection lag at 1,000 writes/s',
    target: 'p99 < 50 ms from append to read-model visibility',
    pass: clean(r) && r.requestsPerSecond >= 950 && p99.count >= answered.length && p99Ms < 50,
    measured: `p99 ${p99Ms} ms, p50 ${round(p50.value * 1000, 1)} ms over ${p99.count} events at ${r.requestsPerSecond} writes/s`,
    configuration: { rate: 1000, seconds, connections: r.connections, source: 'chronicle_projection_delay_seconds histogram (append → read model), interpolated in its bucket' },
    lagMs: { p50: round(p50.value * 1000, 2), p99: p99Ms },
    events: p99.count,
    ...fromLoad(r),
  };
}
