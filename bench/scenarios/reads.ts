// Read scenarios: the bare ceiling, one product, product pages, one data key.
// Each first fetches its answer once and checks it; the load then requires
// every answer to be byte-for-byte that one (autocannon's expectBody).
import assert from 'node:assert/strict';
import { call, type User } from '../lib/client.js';
import { load, type LoadResult } from '../lib/load.js';
import { clean, fromLoad, pct, type Result } from '../lib/results.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

async function steadyGet(base: string, path: string, token: string | undefined): Promise<LoadResult> {
  const first = await call(base, 'GET', path, { token, expect: 200 });
  return load({
    url: base + path,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    expectBody: first.text,
    duration: DURATION,
    warmupSeconds: 2,
  });
}

/** Measures the bare route answering `body` (the scenario's own answer): its req/s. */
export type Ceiling = (body: string) => Promise<number>;

export async function bare(base: string, body = '{"hello":"world"}'): Promise<{ result: Result; rps: number }> {
  await call(base, 'PUT', '/body', { body: JSON.parse(body), expect: 200 });
  const first = await call(base, 'GET', '/', { expect: 200 });
  assert.equal(first.text, body, 'the bare route does not answer the scenario\'s JSON');
  const r = await steadyGet(base, '/', undefined);
  assert.ok(clean(r), 'the bare route answered wrongly');
  return {
    rps: r.requestsPerSecond,
    result: {
      scenario: 'bare Fastify route (ceiling)',
      target: 'none: the 100% every ratio is read against',
      pass: null,
      measured: `${r.requestsPerSecond} req/s, p99 ${r.latencyMs.p99} ms`,
      configuration: { connections: r.connections, seconds: r.durationSeconds, route: `GET / → the scenario's JSON (${body.length} bytes), serialized per request` },
      ...fromLoad(r),
    },
  };
}

/**
 * A scenario's load between two runs of the bare route answering the same
 * JSON, one right before and one right after: the machine's speed drifts over
 * a run by more than the targets' margins, and the mean of the two brackets
 * the scenario's own moment. Returns the load and that mean.
 */
async function bracketed(ceiling: Ceiling, body: string, measure: () => Promise<LoadResult>): Promise<{ r: LoadResult; bareRps: number }> {
  const before = await ceiling(body);
  const r = await measure();
  const after = await ceiling(body);
  return { r, bareRps: (before + after) / 2 };
}

export async function getProduct(base: string, user: User, ceiling: Ceiling, productId: number): Promise<Result> {
  const first = await call(base, 'GET', `/products/${productId}`, { token: user.token, expect: 200 });
  assert.equal(first.json.id, productId);
  assert.equal(first.json.name, `Product ${productId}`);
  const { r, bareRps } = await bracketed(ceiling, first.text, () => steadyGet(base, `/products/${productId}`, user.token));
  const ratio = r.requestsPerSecond / bareRps;
  return {
    scenario: 'GET /products/:id',
    target: '≥ 50% of bare (cached reads), p99 < 10 ms at 50 connections',
    pass: clean(r) && ratio >= 0.5 && r.latencyMs.p99 < 10,
    measured: `${r.requestsPerSecond} req/s = ${pct(ratio)} of bare, p99 ${r.latencyMs.p99} ms`,
    configuration: { connections: r.connections, seconds: r.durationSeconds, token: 'valid bearer JWT, session checked' },
    ...fromLoad(r, bareRps),
  };
}

export async function listProducts(base: string, user: User, ceiling: Ceiling, totalProducts: number): Promise<Result> {
  const pages: Record<string, { r: LoadResult; bareRps: number }> = {};
  // Page 5,000 of 100,000 products; a smaller log (BENCH_EVENTS) reads its last page instead.
  const far = Math.min(5000, Math.ceil(totalProducts / 10));
  for (const page of [1, far]) {
    const path = `/products?page=${page}&limit=10`;
    const first = await call(base, 'GET', path, { token: user.token, expect: 200 });
    assert.equal(first.json.pagination.totalProducts, totalProducts);
    assert.deepEqual(
      first.json.products.map((p: { id: number }) => p.id),
      Array.from({ length: 10 }, (_, i) => (page - 1) * 10 + i + 1),
    );
    pages[page] = await bracketed(ceiling, first.text, () => steadyGet(base, path, user.token));
  }
  const [p1, p5000] = [pages[1]!, pages[far]!];
  const ratio = (p: { r: LoadResult; bareRps: number }) => p.r.requestsPerSecond / p.bareRps;
  const worst = Math.min(ratio(p1), ratio(p5000));
  const spread = Math.abs(p1.r.requestsPerSecond - p5000.r.requestsPerSecond) / Math.max(p1.r.requestsPerSecond, p5000.r.requestsPerSecond);
  return {
    scenario: 'GET /products?page=N&limit=10',
    target: '≥ 35% of bare (cached reads); page 1 and page 5,000 within 20% of each other',
    pass: clean(p1.r) && clean(p5000.r) && worst >= 0.35 && spread <= 0.2,
    measured:
      `page 1 ${p1.r.requestsPerSecond} req/s = ${pct(ratio(p1))}, ` +
      `page ${far} ${p5000.r.requestsPerSecond} req/s = ${pct(ratio(p5000))}, spread ${pct(spread)}`,
    configuration: { products: totalProducts, pages: [1, far], limit: 10, connections: p1.r.connections, seconds: p1.r.durationSeconds },
    ...fromLoad(p1.r, p1.bareRps),
    page5000: fromLoad(p5000.r, p5000.bareRps),
    spread,
  };
}

export async function getData(base: string, user: User, ceiling: Ceiling, key: string): Promise<Result> {
  const first = await call(base, 'GET', `/api/data/${key}`, { token: user.token, expect: 200 });
  assert.equal(first.json.status, 'success');
  assert.equal(first.json.data.key, key);
  const { r, bareRps } = await bracketed(ceiling, first.text, () => steadyGet(base, `/api/data/${key}`, user.token));
  const ratio = r.requestsPerSecond / bareRps;
  return {
    scenario: 'GET /api/data/:key',
    target: '≥ 50% of bare (cached reads)',
    pass: clean(r) && ratio >= 0.5,
    measured: `${r.requestsPerSecond} req/s = ${pct(ratio)} of bare, p99 ${r.latencyMs.p99} ms`,
    configuration: { connections: r.connections, seconds: r.durationSeconds },
    ...fromLoad(r, bareRps),
  };
}

/**
 * Page 1 of 10 among few products (another service over a small log) against
 * page 1 among the large catalogue measured before: a page costs the same
 * whatever the catalogue's size.
 */
export async function listSmallCatalogue(base: string, user: User, ceiling: Ceiling, products: number, largeRps: number, largeProducts: number): Promise<Result> {
  const path = '/products?page=1&limit=10';
  const first = await call(base, 'GET', path, { token: user.token, expect: 200 });
  assert.equal(first.json.pagination.totalProducts, products);
  const bareRps = await ceiling(first.text);
  const r = await steadyGet(base, path, user.token);
  const spread = Math.abs(r.requestsPerSecond - largeRps) / Math.max(r.requestsPerSecond, largeRps);
  return {
    scenario: `GET /products?page=1&limit=10 among ${products} vs ${largeProducts.toLocaleString('en')}`,
    target: 'about as fast among 100 products as among 100,000',
    pass: clean(r) && spread <= 0.2,
    measured: `${r.requestsPerSecond} req/s = ${pct(r.requestsPerSecond / bareRps)} of bare among ${products}; ${largeRps} req/s among ${largeProducts.toLocaleString('en')} (spread ${pct(spread)})`,
    configuration: { products, comparedWith: largeProducts, connections: r.connections, seconds: r.durationSeconds },
    ...fromLoad(r, bareRps),
    spread,
  };
}
