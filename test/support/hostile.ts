// Hostile-input scenarios shared by more than one run (test/security's fuzz
// tests and the soak run, which only differ in size): fuzzing every route in
// openapi.yaml, in process through app.inject and over real sockets against a
// child server. (Authorisation, brute force and enumeration live in the
// test/security files that run them.)
//   fuzzEveryRoute(t, { runs, seed?, readModels?, sweep? })  → { cases, serverErrors, violations, ... }
//   fuzzOverSocket(t, { runs, seed? })                       → { cases, serverErrors, violations, ... }
// Each asserts on `t` and returns its counts.
//
// Fuzzing properties, checked for every request:
// - never a 5xx (no store is made unavailable here, so not even a 503);
// - every error answer in its family's envelope, and no internals (stack frames, paths);
// - no answer carries a password hash or a field named like a password or hash;
// - every answer's status is one openapi.yaml declares for the route, with a
//   body its schema accepts (unless the path was mutated off the route);
// - a rejected request (4xx, or one of B's refusal codes) adds nothing to
//   the event log, except the attempt a wrong one-time code costs
//   (OneTimeCodeAttemptFailed, and the void after the fifth): requests run one
//   at a time and the log's head is compared before and after each;
// - afterwards the process is up, answers /health, the fuzzing user still
//   signs in, memory grew within a generous bound, and the read models equal
//   a fresh replay of the log.
import type { Test } from 'tap';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FastifyRequest } from 'fastify';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { comparePositions, type Position } from '../../src/infra/eventstore/types.js';
import { tempDir, type ReadModels } from './app.js';
import { buildWithStores, openedLog, type AppWithStores } from './stores.js';
import { compareWithReplay } from './replay-check.js';
import { startServer } from './server.js';
import { describeRequest, exampleArbitrary, requestsFor, sweepFor, type HostileRequest, type Pools } from './hostile-inputs.js';
import { secret } from './hostile-accounts.js';
import { hashLeaks } from './secret-scan.js';
import { describeRoute, envelopeProblem, leaksInternals, routesFromOpenApi, type Route } from './routes.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

// ---------------------------------------------------------------- the fuzzed world

export interface FuzzWorld {
  pools: Pools;
  /** Every password and token the world holds, for the secret scans. */
  secrets: string[];
  owner: { id: number; username: string; password: string };
  /** The owner's live access token (signs in again when a request ended the session). */
  token(): string;
  ensureSignedIn(): Promise<void>;
}

type Send = (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; json: any }>;

/**
 * Accounts in every family, products, an order, a key, and an outstanding
 * reset code, so that fuzzed requests built from the pools reach the deciders.
 * The owner's password is in no pool: nothing the fuzzer sends can delete the
 * owner or change its password.
 */
async function fuzzWorld(send: Send, isLive: (token: string) => Promise<boolean>): Promise<FuzzWorld> {
  const tag = randomBytes(3).toString('hex');
  const owner = { username: `fuzz_owner_${tag}`, email: `owner.${tag}@example.com`, password: secret('owner-password') };
  const bystander = { username: `fuzz_bystander_${tag}`, email: `bystander.${tag}@example.com`, password: secret('bystander-password') };
  const bUser = { username: `fuzz_b_${tag}`, email: `b.${tag}@example.com`, password: secret('b-password') };
  const dUser = { username: `fuzz_d_${tag}`, email: `d.${tag}@example.com`, password: secret('d-password') };
  const expect = (res: { status: number; json: any }, status: number, what: string) => {
    if (res.status !== status) throw new Error(`fuzz world: ${what} answered ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  };
  const ownerId = expect(await send('POST', '/register', owner), 201, 'owner registration').id as number;
  const login = async () => expect(await send('POST', '/login', { username: owner.username, password: owner.password }), 200, 'owner login').access_token as string;
  let token = await login();
  const auth = () => ({ authorization: `Bearer ${token}` });
  const bystanderId = Number(expect(await send('POST', '/auth/create', bystander), 201, 'bystander').user_id);
  const bystanderToken = expect(await send('POST', '/auth', { username: bystander.username, password: bystander.password }), 200, 'bystander login').token as string;
  expect(await send('POST', '/users/register', bUser), 200, 'B registration');
  expect(await send('POST', '/api/register', { ...dUser, full_name: 'Fuzz D', gender: 'x', age: 30 }), 201, 'D registration');
  const p1 = expect(await send('POST', '/products', { name: 'Fuzz lamp', description: 'owned by the fuzzer' }, auth()), 201, 'product').id as number;
  const p2 = expect(
    await send('POST', '/products', { name: 'Bystander chair', description: 'owned by someone else' }, { authorization: `Bearer ${bystanderToken}` }),
    201,
    'product',
  ).id as number;
  const o1 = expect(await send('POST', '/orders', { items: [{ productId: p1, quantity: 2 }] }, auth()), 201, 'order').id as number;
  expect(await send('POST', '/api/data', { key: 'fuzz-key', value: { fuzz: true } }, auth()), 201, 'data');
  expect(await send('POST', '/reset', { username: bystander.username, email: bystander.email }), 200, 'reset code');
  const fuzzPasswords = [secret('fuzz-password'), secret('fuzz-password')];
  const secrets = [owner.password, bystander.password, bUser.password, dUser.password, ...fuzzPasswords, token, bystanderToken];
  return {
    owner: { id: ownerId, username: owner.username, password: owner.password },
    pools: {
      usernames: [owner.username, owner.username.toUpperCase(), bystander.username, bUser.username, dUser.username],
      emails: [owner.email, bystander.email, bUser.email.toUpperCase(), dUser.email],
      passwords: [bystander.password, bUser.password, dUser.password, ...fuzzPasswords],
      ids: [p1, p2, o1, ownerId, bystanderId, 0, 1, 999_999],
      keys: ['fuzz-key', 'other-key'],
      codes: ['123456', '999999', '100000'],
      resetTokens: [`${bystanderId}.${'A'.repeat(32)}`, `${ownerId}.${randomBytes(24).toString('base64url')}`],
    },
    secrets,
    token: () => token,
    async ensureSignedIn() {
      if (await isLive(token)) return;
      token = await login();
      secrets.push(token);
    },
  };
}

// ---------------------------------------------------------------- judging answers

/** B answers these documented refusals with HTTP 200; they write nothing either. */
const B_REFUSALS = new Set([601, 602, 603, 604, 607, 608, 610, 613]);

/**
 * What a rejected request may record: the cost of a wrong one-time code (and
 * its void after the fifth, or once expired), and a refused sign-in on an
 * existing account (the audit's SignInFailed; it changes no state).
 */
const isAttemptCost = (e: { type: string; data: Record<string, unknown> }) =>
  e.type === 'OneTimeCodeAttemptFailed' ||
  e.type === 'SignInFailed' ||
  (e.type === 'OneTimeCodeVoided' && ['attempts', 'expired'].includes(String(e.data.reason)));

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isRejected(url: string, answer: Answer, json: unknown): boolean {
  if (answer.status >= 400 && answer.status < 500) return true;
  const path = url.split('?')[0] ?? '';
  const code = (json as { responseCode?: unknown } | undefined)?.responseCode;
  return answer.status === 200 && (path.startsWith('/users/') || path === '/logout') && typeof code === 'number' && B_REFUSALS.has(code);
}

export class ResponseSchemas {
  private ajv = new Ajv({ strict: false, allErrors: false });
  private compiled = new Map<string, ValidateFunction | null>();
  constructor() {
    addFormats(this.ajv);
  }
  /** Why the body does not match what the route declares for this status, or null. */
  problem(route: Route, status: number, json: unknown): string | null {
    if (!(String(status) in route.responses)) return `status ${status} is not declared for ${describeRoute(route)}`;
    const key = `${describeRoute(route)} ${status}`;
    if (!this.compiled.has(key)) {
      const schema = route.responses[String(status)];
      this.compiled.set(key, schema ? this.ajv.compile(schema) : null);
    }
    const validate = this.compiled.get(key);
    if (validate && !validate(json)) return `body does not match the declared ${status} schema: ${this.ajv.errorsText(validate.errors)}`;
    return null;
  }
}

/** Everything wrong with one answer (empty: all properties hold). */
export function judgeAnswer(route: Route | null, request: Pick<HostileRequest, 'url' | 'pathMutated'>, answer: Answer, schemas: ResponseSchemas | null): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`server error ${answer.status}: ${answer.body.slice(0, 200)}`);
  const json = parseJson(answer.body);
  for (const leak of hashLeaks(answer.body)) problems.push(`the answer carries ${leak}`);
  if (answer.status >= 400) {
    if (json === undefined) problems.push(`error body is not JSON: ${answer.body.slice(0, 100)}`);
    else {
      const envelope = envelopeProblem(request.url, answer.status, json);
      if (envelope) problems.push(`envelope: ${envelope}: ${answer.body.slice(0, 200)}`);
    }
    if (leaksInternals(answer.body)) problems.push(`leaks internals: ${answer.body.slice(0, 200)}`);
  }
  if (route && schemas && !request.pathMutated && json !== undefined) {
    const declared = schemas.problem(route, answer.status, json);
    if (declared) problems.push(declared);
  }
  return problems;
}

// ---------------------------------------------------------------- in-process fuzzing

export interface FuzzOptions {
  /** Random requests in all, spread evenly over the routes (the deterministic sweep comes on top). */
  runs: number;
  seed?: number;
  readModels?: ReadModels;
  /** Also send every mutation to every route once (default true). */
  sweep?: boolean;
}

export interface FuzzResult {
  /** Requests sent (random runs, shrinking replays and the sweep). */
  cases: number;
  /** Answers with a 5xx status. */
  serverErrors: number;
  /** Requests that broke any property (5xx included). */
  violations: number;
  seed: number;
  routes: number;
  /** Per status, how many answers. */
  statuses: Record<number, number>;
  rssGrowthMiB: number;
  /** Live heap growth over the second random round, each end measured after a full garbage collection. */
  heapGrowthMiB: number;
  /** Rejected requests whose effect on the event log was checked. */
  rejected: number;
  /** Every secret the fuzzed world held (for scans by the caller). */
  secrets: string[];
}

/** The fuzz seed: FUZZ_SEED when set (to replay a failure), else random. */
export function fuzzSeed(given?: number): number {
  if (given !== undefined) return given;
  const env = process.env.FUZZ_SEED;
  return env && /^-?\d+$/.test(env) ? Number(env) : Math.floor(Math.random() * 2 ** 31);
}

const MiB = 1024 * 1024;

/** The live heap after a full collection (gc exposed for this measurement only). */
function liveHeap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Fuzzes every route of openapi.yaml through app.inject: `runs` random
 * requests (fast-check, seeded, shrunk on failure) and the deterministic
 * sweep of every mutation, one request at a time. Failures are reported on
 * `t` with the seed; the counts are returned for the soak report.
 */
export async function fuzzEveryRoute(t: Test, options: FuzzOptions): Promise<FuzzResult & { app: AppWithStores; world: FuzzWorld }> {
  const seed = fuzzSeed(options.seed);
  t.comment(`fuzz seed ${seed} (the random rounds use ${seed} and ${seed + 1}; replay with FUZZ_SEED=${seed})`);
  const h = await buildWithStores(t, { ...(options.readModels ? { readModels: options.readModels } : {}), env: { LOG_LEVEL: 'info' } });
  const { app, eventStore } = h;
  const send: Send = async (method, url, body, headers = {}) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: res.statusCode, json: parseJson(res.body) };
  };
  const live = async (token: string) =>
    typeof (await app.auth.authenticate({ headers: { authorization: `Bearer ${token}` } } as FastifyRequest)) === 'object';
  const world = await fuzzWorld(send, live);
  const routes = await routesFromOpenApi();
  const schemas = new ResponseSchemas();
  const statuses: Record<number, number> = {};
  let cases = 0;
  let serverErrors = 0;
  let violations = 0;
  let rejected = 0;
  const reported = new Set<string>();

  const head = async (): Promise<Position | null> => eventStore.headPosition();
  /** The events appended after `before` that a rejected request may not write. */
  const writtenSince = async (before: Position | null): Promise<string[]> => {
    const types: string[] = [];
    for await (const e of eventStore.readAll(before ? { after: before } : {})) if (!isAttemptCost(e)) types.push(e.type);
    return types;
  };

  /** Sends one request and answers every property it breaks. */
  async function probe(route: Route, request: HostileRequest): Promise<string[]> {
    await world.ensureSignedIn();
    const before = await head();
    const res = await app.inject({
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    cases += 1;
    statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    if (res.statusCode >= 500) serverErrors += 1;
    const answer: Answer = { status: res.statusCode, headers: res.headers as Answer['headers'], body: res.body };
    // app.inject resolves the URL as a browser would ("/a/../b" is "/b"): judge what the server saw.
    const seen = new URL(request.url, 'http://localhost');
    const problems = judgeAnswer(route, { ...request, url: seen.pathname + seen.search }, answer, schemas);
    const after = await head();
    const moved = before === null ? after !== null : after === null || comparePositions(before, after) !== 0;
    const refused = isRejected(request.url, answer, parseJson(res.body));
    if (refused) rejected += 1;
    if (moved && refused) {
      const written = await writtenSince(before);
      if (written.length > 0) problems.push(`a rejected request (${res.statusCode}) wrote ${written.join(', ')}`);
    }
    if (problems.length > 0) violations += 1;
    return problems;
  }

  const report = (route: Route, request: HostileRequest, problems: string[], how: string) => {
    const key = `${describeRoute(route)} ${problems[0]?.slice(0, 60)}`;
    if (reported.has(key)) return;
    reported.add(key);
    t.fail(`${describeRoute(route)}: ${problems.join(' | ')}`, { request: describeRequest(request), how, seed });
  };

  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  if (options.sweep !== false) {
    for (const route of routes) {
      const [example] = fc.sample(exampleArbitrary(route, world.pools), { seed, numRuns: 1 });
      for (const request of sweepFor(route, world.pools, { token: () => world.token() }, example ?? {})) {
        const problems = await probe(route, request);
        if (problems.length > 0) report(route, request, problems, 'sweep');
      }
    }
  }
  /** `runs` random requests for every route, fast-check seeded with `runSeed`, shrunk (a little) on failure. */
  const randomRound = async (runs: number, runSeed: number) => {
    for (const route of routes) {
      const arbitrary = fc.limitShrink(requestsFor(route, world.pools, { token: () => world.token() }), 40);
      const details = await fc.check(
        fc.asyncProperty(arbitrary, async (request) => {
          const problems = await probe(route, request);
          if (problems.length > 0) throw new Error(problems.join(' | '));
        }),
        { numRuns: runs, seed: runSeed },
      );
      if (details.failed && details.counterexample) {
        const [request] = details.counterexample;
        const message = String((details.errorInstance as Error | undefined)?.message ?? 'failed');
        report(route, request, [message], `fast-check seed ${runSeed}, run ${details.numRuns}, path ${details.counterexamplePath}, ${details.numShrinks} shrinks`);
      }
    }
  };
  // Two rounds: the first also fills fast-check's and V8's one-time caches (tens of MiB), so
  // the live heap is measured across the second only, where a leak per request would show.
  const perRoute = Math.max(2, Math.ceil(options.runs / routes.length));
  await randomRound(Math.ceil(perRoute / 2), seed);
  const heapBefore = liveHeap();
  const casesBefore = cases;
  await randomRound(Math.floor(perRoute / 2), seed + 1);
  const heapGrowthMiB = (liveHeap() - heapBefore) / MiB;
  const rssGrowthMiB = (process.memoryUsage().rss - rssBefore) / MiB;
  t.comment(`${cases} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The service is whole afterwards.
  t.equal((await send('GET', '/health')).status, 200, 'still answers /health');
  const signedIn = await send('POST', '/login', { username: world.owner.username, password: world.owner.password });
  t.equal(signedIn.status, 200, 'the fuzzing user still signs in');
  // The fuzzer may have deleted every key: one more, so that the secret scans afterwards look at real data.
  const stored = await send('POST', '/api/data', { key: `after-fuzz-${seed}`, value: { fuzzed: cases } }, { authorization: `Bearer ${signedIn.json?.access_token}` });
  t.equal(stored.status, 201, 'and still stores data');
  t.ok(rssGrowthMiB < 512, `resident memory grew ${rssGrowthMiB.toFixed(0)} MiB over ${cases} requests (bound 512 MiB)`);
  // What stays reachable from the second round: its log lines and read-model entries, well under a MiB.
  t.ok(heapGrowthMiB < 32, `live heap grew ${heapGrowthMiB.toFixed(1)} MiB over the last ${cases - casesBefore} requests (bound 32 MiB)`);
  t.ok(rejected > cases / 4, `${rejected} rejected requests checked against the event log`);
  // The log as the service reads it (personal fields opened with its keys).
  for (const model of await compareWithReplay(await openedLog(t, h.config, eventStore), h.readStore)) {
    t.same(model.differences, [], `read model ${model.model} (${model.keys} keys) equals a fresh replay of the log`);
  }
  t.equal(serverErrors, 0, `no 5xx in ${cases} requests over ${routes.length} routes`);
  t.equal(violations, 0, `no property broken in ${cases} requests`);
  return { cases, serverErrors, violations, seed, routes: routes.length, statuses, rssGrowthMiB, heapGrowthMiB, rejected, secrets: world.secrets, app: h, world };
}

// ---------------------------------------------------------------- over real sockets

/** Resident memory of a process, from /proc (Linux). */
export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

/** Sends one request over a socket through node:http (which, unlike fetch, sends a body with any method). */
function httpSend(base: URL, agent: Agent, request: HostileRequest): Promise<Answer> {
  if (process.env.DEBUG_FUZZ) process.stderr.write(`send ${describeRequest(request)}\n`);
  return new Promise((resolve, reject) => {
    // Framed by Content-Length: node:http sends a DELETE or GET body unframed otherwise, and the server
    // would rightly read it as the next request.
    const headers = request.payload === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.payload)) };
    const req = httpRequest(
      { host: base.hostname, port: base.port, method: request.method, path: request.url, headers, agent, timeout: 15_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(request.payload);
  });
}

/**
 * Writes raw bytes to a fresh connection and answers what came back: once
 * `expect` whole responses arrived, the connection closed, or nothing came
 * for `quietMs`.
 */
export function rawExchange(base: URL, bytes: Buffer | Buffer[], options: { quietMs?: number; expect?: number } = {}): Promise<string> {
  if (process.env.DEBUG_FUZZ) process.stderr.write(`raw ${Buffer.concat(Array.isArray(bytes) ? bytes : [bytes]).subarray(0, 60).toString('latin1')}\n`);
  return new Promise((resolve) => {
    const socket = connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout;
    const received = () => Buffer.concat(chunks).toString('latin1');
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received());
    };
    const quiet = () => {
      clearTimeout(timer);
      timer = setTimeout(done, options.quietMs ?? 1000);
    };
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (parseResponses(received()).length >= (options.expect ?? 1)) done();
      else quiet();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => {
      for (const b of Array.isArray(bytes) ? bytes : [bytes]) socket.write(b);
      quiet();
    });
  });
}

/** Every HTTP response in a raw exchange: status and body (pipelined answers included). */
export function parseResponses(raw: string): { status: number; body: string }[] {
  const out: { status: number; body: string }[] = [];
  let rest = raw;
  for (;;) {
    const m = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n/.exec(rest);
    if (!m) break;
    const length = /(?:^|\r\n)content-length:\s*(\d+)/i.exec(m[2]!);
    const start = m[0].length;
    const size = length ? Number(length[1]) : 0;
    if (rest.length < start + size) break;
    out.push({ status: Number(m[1]), body: Buffer.from(rest.slice(start, start + size), 'latin1').toString('utf8') });
    rest = rest.slice(start + size);
  }
  return out;
}

const crlf = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');

/** Malformed HTTP and raw bytes a parser must survive. */
export function malformedHttp(token: string): { name: string; bytes: Buffer | Buffer[]; expect?: number }[] {
  const json = '{"name":"x","description":"y"}';
  const bad = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
  return [
    {
      name: 'invalid UTF-8 in a JSON body',
      bytes: Buffer.concat([
        crlf('POST /products HTTP/1.1', 'Host: x', 'Content-Type: application/json', `Authorization: Bearer ${token}`, `Content-Length: ${json.length + bad.length}`),
        Buffer.from('{"name":"x'),
        bad,
        Buffer.from('","description":"y"}'),
      ]),
    },
    { name: 'invalid UTF-8 in the path', bytes: Buffer.concat([Buffer.from('GET /products/'), bad, Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]) },
    { name: 'invalid UTF-8 in a header', bytes: Buffer.concat([Buffer.from('GET /health HTTP/1.1\r\nHost: x\r\nX-Bad: '), bad, Buffer.from('\r\n\r\n')]) },
    { name: 'invalid UTF-8 in a token', bytes: Buffer.concat([Buffer.from('GET /orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer '), bad, Buffer.from('\r\n\r\n')]) },
    { name: 'garbage request line', bytes: crlf('GARBAGE') },
    { name: 'unknown HTTP version', bytes: crlf('GET /health HTTP/9.9', 'Host: x') },
    { name: 'no path', bytes: crlf('GET', 'Host: x') },
    { name: 'no Host header', bytes: crlf('GET /health HTTP/1.1') },
    { name: 'header without a colon', bytes: crlf('GET /health HTTP/1.1', 'Host: x', 'NoColonHere') },
    { name: 'space before the colon', bytes: crlf('GET /health HTTP/1.1', 'Host : x') },
    { name: 'NUL in a header', bytes: crlf('GET /health HTTP/1.1', 'Host: x', 'X-A: a\u0000b') },
    { name: 'obsolete line folding', bytes: crlf('GET /health HTTP/1.1', 'Host: x', 'X-A: a', ' folded') },
    { name: 'headers over 16 KiB', bytes: crlf('GET /health HTTP/1.1', 'Host: x', `X-Big: ${'b'.repeat(20_000)}`) },
    { name: '2,000 headers', bytes: crlf('GET /health HTTP/1.1', 'Host: x', ...Array.from({ length: 2000 }, (_, i) => `X-${i}: v`)) },
    { name: 'negative Content-Length', bytes: crlf('POST /register HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: -5') },
    { name: 'two different Content-Lengths', bytes: Buffer.concat([crlf('POST /register HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 2', 'Content-Length: 4'), Buffer.from('{}{}')]) },
    {
      name: 'Content-Length and Transfer-Encoding (smuggling)',
      expect: 2,
      bytes: Buffer.concat([
        crlf('POST /register HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 4', 'Transfer-Encoding: chunked'),
        Buffer.from('0\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
    },
    { name: 'invalid chunk size', bytes: Buffer.concat([crlf('POST /register HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Transfer-Encoding: chunked'), Buffer.from('zz\r\n{}\r\n0\r\n\r\n')]) },
    { name: 'huge chunk size', bytes: Buffer.concat([crlf('POST /register HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Transfer-Encoding: chunked'), Buffer.from('FFFFFFFFFFFF\r\n{}')]) },
    { name: 'body shorter than Content-Length', bytes: Buffer.concat([crlf('POST /register HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Content-Length: 1000'), Buffer.from('{"a":')]) },
    { name: 'body over the limit, announced', bytes: crlf('POST /register HTTP/1.1', 'Host: x', 'Content-Type: application/json', `Content-Length: ${10 * 1024 * 1024}`) },
    {
      name: 'three pipelined requests',
      bytes: Buffer.concat([crlf('GET /health HTTP/1.1', 'Host: x'), crlf('GET /nope HTTP/1.1', 'Host: x'), crlf('GET /api/data/x HTTP/1.1', 'Host: x')]),
      expect: 3,
    },
    { name: 'a request in pieces', bytes: [Buffer.from('GET /hea'), Buffer.from('lth HTTP/1.1\r\nHo'), Buffer.from('st: x\r\n\r\n')] },
    { name: 'HTTP/2 preface', bytes: Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n') },
    { name: 'TLS ClientHello', bytes: Buffer.from('16030100a5010000a10303', 'hex') },
    { name: 'CONNECT', bytes: crlf('CONNECT 127.0.0.1:22 HTTP/1.1', 'Host: 127.0.0.1:22') },
    { name: 'absolute URI', bytes: crlf('GET http://evil.example/health HTTP/1.1', 'Host: x') },
    { name: 'asterisk target', bytes: crlf('OPTIONS * HTTP/1.1', 'Host: x') },
    { name: 'path traversal', bytes: crlf('GET /../../../etc/passwd HTTP/1.1', 'Host: x') },
    { name: 'encoded traversal', bytes: crlf('GET /api/data/..%2F..%2Fetc%2Fpasswd HTTP/1.1', 'Host: x', `Authorization: Bearer ${token}`) },
    { name: 'header injection attempt', bytes: crlf('GET /health HTTP/1.1', 'Host: x', 'X-A: a\rSet-Cookie: evil=1') },
    { name: 'lowercase method', bytes: crlf('get /health HTTP/1.1', 'Host: x') },
    { name: 'unknown method', bytes: crlf('BREW /products HTTP/1.1', 'Host: x') },
    { name: 'HTTP/1.0 keep-alive', bytes: crlf('GET /health HTTP/1.0', 'Connection: keep-alive') },
  ];
}

export interface SocketFuzzResult {
  cases: number;
  serverErrors: number;
  violations: number;
  seed: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
}

/**
 * Against a child-process server over real sockets: `runs` random requests
 * built as for app.inject (through node:http), then malformed HTTP and
 * `runs / 4` buffers of random bytes on raw connections. Afterwards the
 * process is still up, answers, and its memory stayed bounded.
 */
export async function fuzzOverSocket(t: Test, options: { runs: number; seed?: number }): Promise<SocketFuzzResult> {
  const seed = fuzzSeed(options.seed);
  t.comment(`socket fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
  // LOG_LEVEL info: startServer waits for the "listening" line.
  const server = await startServer(t, { DATA_DIR: tempDir(t), LOG_LEVEL: 'info' });
  const base = new URL(server.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  t.teardown(() => agent.destroy());
  const send: Send = async (method, url, body, headers = {}) => {
    const answer = await httpSend(base, agent, {
      method: method as HostileRequest['method'],
      url,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      hostile: [],
      pathMutated: false,
    });
    return { status: answer.status, json: parseJson(answer.body) };
  };
  const live = async (token: string) => (await send('GET', '/orders', undefined, { authorization: `Bearer ${token}` })).status !== 401;
  const world = await fuzzWorld(send, live);
  const routes = await routesFromOpenApi();
  const pid = server.child.pid!;
  const rssBefore = rssOf(pid);
  let cases = 0;
  let serverErrors = 0;
  let violations = 0;
  const fail = (what: string, problems: string[], extra: Record<string, unknown> = {}) => {
    violations += 1;
    if (violations <= 20) t.fail(`${what}: ${problems.join(' | ')}`, { seed, ...extra });
  };

  const perRoute = Math.max(1, Math.ceil(options.runs / routes.length));
  let previous = '';
  for (const route of routes) {
    const requests = fc.sample(requestsFor(route, world.pools, { token: () => world.token() }), { seed, numRuns: perRoute });
    for (const request of requests) {
      // Only a logout can end the fuzzing user's session (its password is in no pool).
      if (previous.startsWith('/logout')) await world.ensureSignedIn();
      previous = request.url;
      let answer: Answer;
      try {
        answer = await httpSend(base, agent, request);
      } catch (error) {
        // node:http refuses to send some headers itself (it validates them): not the server's doing.
        if ((error as NodeJS.ErrnoException).code === 'ERR_INVALID_CHAR') continue;
        fail(describeRoute(route), [`no answer: ${String(error)}`], { request: describeRequest(request) });
        continue;
      }
      cases += 1;
      if (answer.status >= 500) serverErrors += 1;
      // 431 comes from Node's HTTP parser (headers over 16 KiB) before any route: no envelope to judge.
      if (answer.status === 431) continue;
      const problems = judgeAnswer(route, request, answer, null);
      if (problems.length > 0) fail(describeRoute(route), problems, { request: describeRequest(request) });
    }
  }

  for (const { name, bytes, expect } of malformedHttp(world.token())) {
    const raw = await rawExchange(base, bytes, { expect: expect ?? 1 });
    cases += 1;
    for (const answer of parseResponses(raw)) {
      if (answer.status >= 500) {
        serverErrors += 1;
        fail(`raw ${name}`, [`server error ${answer.status}`], { body: answer.body.slice(0, 200) });
      }
    }
  }
  const randomBuffers = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 2048 }), { seed, numRuns: Math.max(4, Math.ceil(options.runs / 6)) });
  for (const [i, bytes] of randomBuffers.entries()) {
    // Half of them behind a valid request line, so the bytes reach the header and body parsers.
    const prefix = i % 2 === 0 ? Buffer.from(`POST /api/data HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${world.token()}\r\n`) : Buffer.alloc(0);
    const raw = await rawExchange(base, Buffer.concat([prefix, Buffer.from(bytes)]), { quietMs: 150 });
    cases += 1;
    for (const answer of parseResponses(raw)) {
      if (answer.status >= 500) {
        serverErrors += 1;
        fail('random bytes', [`server error ${answer.status}`], { bytes: Buffer.from(bytes).toString('hex').slice(0, 200) });
      }
    }
  }

  const rssAfter = rssOf(pid);
  t.equal(server.child.exitCode, null, 'the server process is still running');
  t.equal(server.child.signalCode, null, 'and was not killed');
  t.equal((await send('GET', '/health')).status, 200, 'it answers /health');
  t.equal((await send('POST', '/login', { username: world.owner.username, password: world.owner.password })).status, 200, 'the fuzzing user still signs in');
  t.ok(rssAfter < rssBefore + 256 * MiB, `server memory ${(rssBefore / MiB).toFixed(0)} → ${(rssAfter / MiB).toFixed(0)} MiB (bound +256 MiB)`);
  t.notMatch(server.stderr(), /uncaught|unhandled|FATAL/i, 'nothing uncaught on stderr');
  t.equal(serverErrors, 0, `no 5xx in ${cases} socket cases`);
  t.equal(violations, 0, 'no property broken over the socket');
  return { cases, serverErrors, violations, seed, rssBeforeMiB: rssBefore / MiB, rssAfterMiB: rssAfter / MiB };
}

export * from './hostile-accounts.js';
