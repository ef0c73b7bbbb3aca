// Hostile scenarios against accounts: enumeration through the reset routes
// (answers and timing), authorisation with every kind of bad token, other
// users' resources, guessing codes, and the rate limits across instances.
import type { Test } from 'tap';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import { build, REDIS_URL, tempDir, type ReadModels } from './app.js';
import { buildWithMail, poster, type MailApp } from './accounts.js';
import { deletePrefix } from './redis-cleanup.js';
import { smtpSink, type SmtpSink } from './smtp-sink.js';
import { scanForSecrets } from './secret-scan.js';
import { envelopeProblem, fillPath, routesFromOpenApi, type Route } from './routes.js';

/** A distinctive secret: easy to find if it ever leaks, impossible to find by accident. */
export const secret = (what: string) => `${what}-${randomBytes(9).toString('base64url')}`;

// ---------------------------------------------------------------- statistics

export interface Sample {
  median: number;
  q1: number;
  q3: number;
  iqr: number;
  n: number;
}

function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

export function summarise(values: number[]): Sample {
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return { median: quantile(sorted, 0.5), q1, q3, iqr: q3 - q1, n: values.length };
}

/** P(a random `a` is slower than a random `b`) (ties count half): 0.5 when neither is systematically slower. */
export function superiority(a: number[], b: number[]): number {
  let wins = 0;
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (a.length * b.length);
}

// ---------------------------------------------------------------- enumeration

export interface TimingResult {
  route: string;
  mail: 'smtp' | 'outbox';
  known: Sample;
  unknown: Sample;
  /** |median(known) - median(unknown)|, ms. */
  differenceMs: number;
  /** What the difference must stay under, ms (see enumerationTiming). */
  boundMs: number;
  /** P(a known-account answer is slower than an unknown one's). */
  superiority: number;
}

/** What a response tells a client: status, body, and which headers it carries (the date aside). */
function visible(res: LightMyRequestResponse, email: string): string {
  const headers = Object.keys(res.headers)
    .filter((h) => !['date', 'connection', 'keep-alive', 'x-request-id'].includes(h))
    .sort();
  return JSON.stringify({ status: res.statusCode, body: res.body.split(email).join('<email>'), headers, length: res.body.length - email.length });
}

/**
 * A's `/reset` and C's `/auth/forgot` must not tell whether an account
 * exists: the same status, body and headers for a known and an unknown
 * account (A: also for a known username with another email), and the same
 * time. `samples` requests per route alternate known and unknown (so drift
 * in machine load hits both alike), after a warm-up.
 *
 * The timing statistic: the difference of the two medians, bounded by the
 * larger of 2 ms and the mean interquartile range of the two groups. Medians
 * and IQRs ignore the outliers a loaded CI machine produces (GC pauses, other
 * test files on the second core); the IQR term scales the bound with the
 * noise actually measured, and the 2 ms term keeps a quiet machine, where the
 * IQR shrinks to a fraction of a millisecond, from failing on timer jitter.
 * A second, rank-based check: P(a known answer is slower than an unknown
 * one) must lie within 0.1-0.9; it is 0.5 when neither is systematically
 * slower, with a standard error of ~0.09 for 20 + 20 samples, so the band is
 * over four standard errors wide, yet a shift smaller than the noise but
 * consistent (most pairs one way) falls outside it.
 * Before answers took the same time, known accounts were 2-8 ms slower with
 * the outbox (an fsync'd append and a file; P = 0.96-1.00) and unknown ones
 * ~95 ms slower with SMTP (a fresh connection to probe the server, against a
 * pooled send; P = 0.00).
 */
export async function enumerationTiming(t: Test, options: { samples: number; mail: 'smtp' | 'outbox' }): Promise<TimingResult[]> {
  const env = { AUTH_RATE_LIMIT: '0' };
  const app: FastifyInstance =
    options.mail === 'smtp' ? (await buildWithMail(t, { env })).app : (await build(t, { env })).app;
  const post = poster(app);
  const tag = randomUUID().slice(0, 8);
  const known = { username: `timing_${tag}`, email: `timing.${tag}@example.com`, password: 'timing-password-1' };
  if ((await post('/register', known)).statusCode !== 201) throw new Error('cannot register the known account');
  // A first mail opens the SMTP connection (~250 ms), outside what is measured.
  await post('/users/register', { username: `warm_${tag}`, email: `warm.${tag}@example.com`, password: 'timing-password-1' });
  const cases: { route: string; known: () => Promise<LightMyRequestResponse>; unknown: () => Promise<LightMyRequestResponse>; others: (() => Promise<LightMyRequestResponse>)[]; email: (which: 'known' | 'unknown') => string }[] = [
    {
      route: 'POST /reset',
      known: () => post('/reset', { username: known.username, email: known.email }),
      unknown: () => post('/reset', { username: `nobody_${tag}`, email: `nobody.${tag}@example.com` }),
      others: [
        () => post('/reset', { username: known.username, email: `other.${tag}@example.com` }),
        () => post('/reset', { username: `nobody_${tag}`, email: known.email }),
      ],
      email: () => '\u0000',
    },
    {
      route: 'POST /auth/forgot',
      known: () => post('/auth/forgot', { email: known.email }),
      unknown: () => post('/auth/forgot', { email: `nobody.${tag}@example.com` }),
      others: [],
      email: (which) => (which === 'known' ? known.email : `nobody.${tag}@example.com`),
    },
  ];
  const results: TimingResult[] = [];
  for (const c of cases) {
    // The same answer, whichever account.
    const k = await c.known();
    const u = await c.unknown();
    t.equal(k.statusCode, 200, `${c.route}: 200 for a known account`);
    t.equal(visible(u, c.email('unknown')), visible(k, c.email('known')), `${c.route}: status, body and headers the same for an unknown account`);
    for (const other of c.others) t.equal(visible(await other(), '\u0000'), visible(k, '\u0000'), `${c.route}: and for a username with another email`);

    for (let i = 0; i < 2; i++) {
      await c.known();
      await c.unknown();
    }
    const times = { known: [] as number[], unknown: [] as number[] };
    const timed = async (which: 'known' | 'unknown') => {
      const started = process.hrtime.bigint();
      const res = await c[which]();
      times[which].push(Number(process.hrtime.bigint() - started) / 1e6);
      if (res.statusCode !== 200) throw new Error(`${c.route} (${which}) answered ${res.statusCode} ${res.body}`);
    };
    for (let i = 0; i < options.samples / 2; i++) {
      // ABBA: neither kind always goes first.
      if (i % 2 === 0) {
        await timed('known');
        await timed('unknown');
      } else {
        await timed('unknown');
        await timed('known');
      }
    }
    const ks = summarise(times.known);
    const us = summarise(times.unknown);
    const differenceMs = Math.abs(ks.median - us.median);
    const boundMs = Math.max(2, (ks.iqr + us.iqr) / 2);
    const result = { route: c.route, mail: options.mail, known: ks, unknown: us, differenceMs, boundMs, superiority: superiority(times.known, times.unknown) };
    results.push(result);
    const ms = (s: Sample) => `median ${s.median.toFixed(2)} ms (IQR ${s.q1.toFixed(2)}-${s.q3.toFixed(2)})`;
    t.ok(result.superiority >= 0.1 && result.superiority <= 0.9, `${c.route} (${options.mail}): P(known slower) ${result.superiority.toFixed(2)} within 0.1-0.9`);
    t.ok(
      differenceMs <= boundMs,
      `${c.route} (${options.mail}): known ${ms(ks)}, unknown ${ms(us)}; medians differ by ${differenceMs.toFixed(2)} ms, bound ${boundMs.toFixed(2)} ms; P(known slower) ${result.superiority.toFixed(2)}`,
    );
  }
  return results;
}

// ---------------------------------------------------------------- tokens

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT signed with HS256 (or another HMAC) under `secret`, any header and claims. */
export function signJwt(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const algorithm = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[String(header.alg)] ?? 'sha256';
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac(algorithm, secret).update(body).digest('base64url')}`;
}

export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
}

// ---------------------------------------------------------------- authorisation

interface Person {
  id: number;
  username: string;
  email: string;
  password: string;
  token: string;
}

/** Registers through A/E (with an email) and signs in. */
async function person(m: MailApp, name: string): Promise<Person> {
  const tag = randomUUID().slice(0, 6);
  const p = { username: `${name}_${tag}`, email: `${name}.${tag}@example.com`, password: secret(`${name}-password`) };
  const reg = await m.post('/register', p);
  if (reg.statusCode !== 201) throw new Error(`register ${name}: ${reg.body}`);
  return { ...p, id: reg.json().id as number, token: await signIn(m, p) };
}

async function signIn(m: MailApp, p: { username: string; password: string }): Promise<string> {
  const res = await m.post('/login', { username: p.username, password: p.password });
  if (res.statusCode !== 200) throw new Error(`login ${p.username}: ${res.body}`);
  return res.json().access_token as string;
}

/** A request to a route, with its path filled from `values` and a body that passes validation. */
interface Call {
  route: Route;
  url: string;
  payload?: string;
}

function bodyFor(route: Route, values: { productId: number; key: string }): string | undefined {
  switch (`${route.method} ${route.path}`) {
    case 'POST /products':
    case 'PUT /products/{id}':
      return JSON.stringify({ name: 'Changed by someone', description: 'not the owner' });
    case 'POST /orders':
      return JSON.stringify({ items: [{ productId: values.productId, quantity: 1 }] });
    case 'POST /api/data':
      return JSON.stringify({ key: values.key, value: 'overwritten' });
    case 'PUT /api/data/{key}':
      return JSON.stringify({ value: 'overwritten' });
    default:
      // A route added later: its schema's example (every required field, made up).
      if (!route.body) return undefined;
      return JSON.stringify(Object.fromEntries((route.body.required ?? []).map((f) => [f, route.body!.properties?.[f]?.type === 'integer' ? 1 : 'x'])));
  }
}

function callsTo(routes: Route[], values: { productId: number; orderId: number; key: string }): Call[] {
  return routes.map((route) => {
    const url = fillPath(route, { id: String(route.path.startsWith('/orders') ? values.orderId : values.productId), key: values.key });
    const payload = bodyFor(route, values);
    return { route, url, ...(payload === undefined ? {} : { payload }) };
  });
}

export interface AuthorisationResult {
  /** Requests with a bad credential, each refused with 401. */
  refusals: number;
  /** Requests by another user on someone's resources. */
  trespasses: number;
  protectedRoutes: number;
}

/**
 * Every protected route of openapi.yaml refuses, with 401 in its family's
 * envelope (and WWW-Authenticate: Bearer, and nothing written), every kind
 * of bad credential; and another signed-in user touching someone's products,
 * orders, data and account gets 403/404 and never their data.
 */
export async function authorisationMatrix(t: Test, options: { readModels?: ReadModels } = {}): Promise<AuthorisationResult> {
  // LOG_LEVEL info: every request is logged, and the log is scanned for secrets at the end.
  const m = await buildWithMail(t, { ...(options.readModels ? { readModels: options.readModels } : {}), env: { AUTH_RATE_LIMIT: '0', LOG_LEVEL: 'info' } });
  const secretKey = m.config.jwtSecret;
  const routes = (await routesFromOpenApi()).filter((r) => r.protected);
  t.ok(routes.length >= 10, `${routes.length} protected routes in openapi.yaml`);
  const alice = await person(m, 'alice');
  const mallory = await person(m, 'mallory');
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const inject = (call: Call, headers: Record<string, string>) =>
    m.app.inject({
      method: call.route.method,
      url: call.url,
      headers: { ...(call.payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(call.payload === undefined ? {} : { payload: call.payload }),
    });

  // Alice's things; her data holds a marker that must never reach anyone else.
  const marker = secret('alice-private');
  const product = (await m.app.inject({ method: 'POST', url: '/products', headers: bearer(alice.token), payload: { name: 'Alice lamp', description: 'in the public catalogue' } })).json() as { id: number };
  const order = (await m.app.inject({ method: 'POST', url: '/orders', headers: bearer(alice.token), payload: { items: [{ productId: product.id, quantity: 3 }] } })).json() as { id: number; createdAt: string };
  t.equal((await m.app.inject({ method: 'POST', url: '/api/data', headers: bearer(alice.token), payload: { key: 'diary', value: { text: marker } } })).statusCode, 201);
  const values = { productId: product.id, orderId: order.id, key: 'diary' };
  const calls = callsTo(routes, values);

  // ------------------------------------------------ bad credentials, each kind
  const now = Math.floor(Date.now() / 1000);
  const claims = claimsOf(alice.token);
  const [h, p, s] = alice.token.split('.') as [string, string, string];
  const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11);
  const live = { sub: String(alice.id), sid: claims.sid, typ: 'access' };
  // Sessions ended three ways: logout, password reset, account deletion.
  const loggedOut = await signIn(m, alice);
  await m.app.inject({ method: 'GET', url: '/logout', headers: bearer(loggedOut) });
  const resetVictim = await person(m, 'reset');
  await m.post('/reset', { username: resetVictim.username, email: resetVictim.email });
  const resetPassword = secret('new-password');
  t.equal((await m.post('/new-password', { username: resetVictim.username, otp: Number(m.sink.code(resetVictim.email)), password: resetPassword })).statusCode, 200, 'A password reset');
  const cVictim = await person(m, 'creset');
  await m.post('/auth/forgot', { email: cVictim.email });
  const resetToken = (await m.post('/auth/forgot/otp', { email: cVictim.email, otp: m.sink.code(cVictim.email) })).json().token as string;
  t.match(resetToken, /^\d+\.[A-Za-z0-9_-]{32}$/, 'a reset-purpose token from /auth/forgot/otp');
  const deleted = await person(m, 'deleted');
  const gone = await m.app.inject({ method: 'DELETE', url: '/users/delete-user', payload: { email: deleted.email, password: deleted.password } });
  t.equal(gone.json().responseCode, 617, 'an account deleted');
  const bLogin = await m.post('/users/login', { email: mallory.email, password: mallory.password });
  const sessionId = bLogin.json().sessionId as string | undefined;

  const bad: [string, Record<string, string>][] = [
    ['no token', {}],
    ['an empty Bearer', { authorization: 'Bearer ' }],
    ['a flipped signature byte', bearer(`${h}.${p}.${flipped}`)],
    ['the payload\'s sub changed', bearer(`${h}.${b64({ ...claims, sub: String(mallory.id) })}.${s}`)],
    ['expired (signed with the server\'s secret)', bearer(signJwt({ ...live, iat: now - 7200, exp: now - 3600 }, secretKey))],
    ['alg none', bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...live, exp: now + 3600 })}.`)],
    ['alg HS512 with the server\'s secret', bearer(signJwt({ ...live, exp: now + 3600 }, secretKey, { alg: 'HS512', typ: 'JWT' }))],
    ['signed with another secret', bearer(signJwt({ ...live, exp: now + 3600 }, `${secretKey}-not`))],
    ['not an access token (typ refresh)', bearer(signJwt({ ...live, typ: 'refresh', exp: now + 3600 }, secretKey))],
    ['no session id', bearer(signJwt({ sub: String(alice.id), typ: 'access', exp: now + 3600 }, secretKey))],
    ['another user\'s session id under one\'s own sub', bearer(signJwt({ ...live, sub: String(mallory.id), exp: now + 3600 }, secretKey))],
    ['a session ended by logout', bearer(loggedOut)],
    ['a session ended by a password reset', bearer(resetVictim.token)],
    ['a session of a deleted account', bearer(deleted.token)],
    ['a reset-purpose token (C)', bearer(resetToken)],
    ['a reset-purpose token in C\'s header', { authentication: resetToken }],
    ['a B session id instead of a JWT', bearer(sessionId ?? 'missing')],
    ['a token without "Bearer"', { authorization: alice.token }],
  ];
  // The crafted tokens are refused for what they are, not for being crafted wrong: the same
  // crafting with a future expiry and the live session is accepted.
  // (On spare resources of alice's: some of these requests delete what they name.)
  const control = signJwt({ ...live, iat: now, exp: now + 3600 }, secretKey);
  const spare = (await m.app.inject({ method: 'POST', url: '/products', headers: bearer(alice.token), payload: { name: 'Spare', description: 'spare' } })).json() as { id: number };
  const spareOrder = (await m.app.inject({ method: 'POST', url: '/orders', headers: bearer(alice.token), payload: { items: [{ productId: spare.id, quantity: 1 }] } })).json() as { id: number };
  await m.app.inject({ method: 'POST', url: '/api/data', headers: bearer(alice.token), payload: { key: 'spare', value: 1 } });
  for (const call of callsTo(routes, { productId: spare.id, orderId: spareOrder.id, key: 'spare' })) {
    const ok = await inject(call, bearer(control));
    t.not(ok.statusCode, 401, `${call.route.method} ${call.route.path}: a well-made token for a live session is accepted (${ok.statusCode})`);
  }

  let refusals = 0;
  for (const [what, headers] of bad) {
    for (const call of calls) {
      const before = await m.eventStore.headPosition();
      const res = await inject(call, headers);
      const where = `${call.route.method} ${call.route.path} with ${what}`;
      refusals += 1;
      t.equal(res.statusCode, 401, where);
      t.equal(envelopeProblem(call.url, res.statusCode, res.json()), null, `${where}: the family envelope`);
      if (call.route.family === 'D') t.equal(res.json().code, 'INVALID_TOKEN', `${where}: INVALID_TOKEN`);
      t.equal(res.headers['www-authenticate'], 'Bearer', `${where}: WWW-Authenticate`);
      t.same(await m.eventStore.headPosition(), before, `${where}: nothing written`);
    }
  }

  // ------------------------------------------------ someone else's resources
  let trespasses = 0;
  const seenByMallory: string[] = [];
  const trespass = async (call: Call, expected: number[], what: string) => {
    const res = await inject(call, bearer(mallory.token));
    trespasses += 1;
    seenByMallory.push(res.body);
    t.ok(expected.includes(res.statusCode), `${what}: ${res.statusCode} (expected ${expected.join(' or ')})`);
    return res;
  };
  for (const call of calls.filter((c) => c.route.params.some((q) => q.in === 'path'))) {
    const what = `mallory ${call.route.method} ${call.url} (alice's)`;
    // Products are a catalogue every signed-in user reads (API-CONTRACT.md); only changing them is the owner's.
    if (call.route.method === 'GET' && call.route.path === '/products/{id}') {
      await trespass(call, [200], what);
      continue;
    }
    const res = await trespass(call, call.route.path.startsWith('/products') ? [403] : [404], what);
    if (res.statusCode >= 400) t.equal(envelopeProblem(call.url, res.statusCode, res.json()), null, `${what}: the family envelope`);
  }
  await trespass({ route: routes.find((r) => r.method === 'GET' && r.path === '/orders')!, url: '/orders' }, [404], 'mallory lists her orders (none): not alice\'s');
  const postData = routes.find((r) => r.method === 'POST' && r.path === '/api/data')!;
  await trespass({ route: postData, url: '/api/data', payload: JSON.stringify({ key: 'diary', value: 'mallory\'s own' }) }, [201], 'mallory stores a key with the same name: her own');
  const postProduct = routes.find((r) => r.method === 'POST' && r.path === '/products')!;
  const massAssigned = await trespass(
    { route: postProduct, url: '/products', payload: JSON.stringify({ name: 'Mine', description: 'mass assignment', userId: alice.id, id: product.id }) },
    [201],
    'mallory creates a product naming alice as its owner',
  );
  t.equal(massAssigned.json().userId, mallory.id, 'the product is mallory\'s whatever the body says');
  t.not(massAssigned.json().id, product.id, 'with a new id');

  // Accounts: another user's codes, tokens and credentials do nothing to alice's account.
  const takeover = secret('takeover-password');
  await m.post('/reset', { username: mallory.username, email: mallory.email });
  const malloryCode = m.sink.code(mallory.email);
  t.equal((await m.post('/new-password', { username: alice.username, otp: Number(malloryCode), password: takeover })).statusCode, 401, 'mallory\'s code does not reset alice\'s password (A)');
  await m.post('/auth/forgot', { email: mallory.email });
  t.equal((await m.post('/auth/forgot/otp', { email: alice.email, otp: m.sink.code(mallory.email) })).statusCode, 401, 'nor open alice\'s reset (C)');
  const malloryReset = (await m.post('/auth/forgot/otp', { email: mallory.email, otp: m.sink.code(mallory.email) })).json().token as string;
  const retargeted = `${alice.id}.${malloryReset.split('.')[1]}`;
  t.equal((await m.post('/auth/forgot/reset', { new_password: takeover }, { authentication: retargeted })).statusCode, 401, 'mallory\'s reset token renamed to alice\'s id is refused (C)');
  await m.post('/users/reset-password', { email: mallory.email });
  const link = m.sink.resetToken(mallory.email);
  t.equal((await m.post(`/users/reset-password/${alice.id}.${link.split('.')[1]}`, { password: takeover })).json().responseCode, 613, 'and so is her reset link (B)');
  const wrongDelete = await m.app.inject({ method: 'DELETE', url: '/users/delete-user', payload: { email: alice.email, password: mallory.password } });
  t.equal(wrongDelete.json().responseCode, 603, 'deleting alice\'s account needs alice\'s password (B)');
  const forged = signJwt({ ...live, exp: now + 3600 }, `${secretKey}-not`);
  await m.app.inject({ method: 'GET', url: '/logout', headers: bearer(forged) });
  await m.app.inject({ method: 'GET', url: '/logout', headers: bearer(String(claims.sid).slice(0, -1)) });
  seenByMallory.push(wrongDelete.body);

  // Alice's things are as she left them, and nothing of hers reached mallory.
  const mine = (url: string) => m.app.inject({ method: 'GET', url, headers: bearer(alice.token) });
  t.equal((await mine(`/products/${product.id}`)).json().name, 'Alice lamp', 'alice\'s product unchanged');
  t.equal((await mine(`/orders/${order.id}`)).json().status, 'placed', 'alice\'s order still placed');
  t.same((await mine('/api/data/diary')).json().data.value, { text: marker }, 'alice\'s value unchanged');
  t.equal((await m.post('/login', { username: alice.username, password: alice.password })).statusCode, 200, 'alice signs in with her password');
  t.equal((await mine('/orders')).statusCode, 200, 'alice\'s session survived every attempt');
  const leaked = seenByMallory.filter((body) => body.includes(marker) || body.includes(alice.email) || body.includes(order.createdAt));
  t.same(leaked, [], 'no answer to mallory holds alice\'s data');

  // Every password, token, code and session id used above: none kept in the clear anywhere.
  const secrets = [
    ...[alice, mallory, resetVictim, cVictim, deleted].flatMap((x) => [x.password, x.token]),
    loggedOut,
    control,
    forged,
    resetToken,
    malloryReset,
    retargeted,
    link,
    malloryCode,
    takeover,
    resetPassword,
    ...(sessionId ? [sessionId] : []),
    ...bad.flatMap(([, headers]) => Object.values(headers).map((v) => v.replace(/^Bearer /, '')).filter((v) => v.length > 20)),
  ];
  await scanForSecrets(t, { ...m, ...(options.readModels === 'redis' ? { redisPrefix: m.config.redisKeyPrefix } : {}) }, secrets);
  return { refusals, trespasses, protectedRoutes: routes.length };
}

// ---------------------------------------------------------------- brute force

export interface InstancesSharingRedis {
  /** Two app instances on one event log, one Redis (read models and rate-limit counters) and one mail server. */
  apps: [FastifyInstance, FastifyInstance];
  sink: SmtpSink;
  eventStore: EventStore;
}

/** Two instances as production runs them: one event store, one Redis prefix, one SMTP server, the same secrets. */
export async function instancesSharingRedis(t: Test, env: Record<string, string>): Promise<InstancesSharingRedis> {
  const sink = await smtpSink(t);
  const prefix = `test:${randomUUID()}:`;
  const dataDir = tempDir(t);
  const eventStore = await openEmbeddedEventStore({ dir: join(dataDir, 'events') });
  const stores = [await openRedisReadStore({ url: REDIS_URL, prefix }), await openRedisReadStore({ url: REDIS_URL, prefix })];
  t.teardown(async () => {
    for (const s of stores) await s.close();
    await eventStore.close();
    await deletePrefix(REDIS_URL, prefix);
  });
  const shared = { SMTP_URL: sink.url, REDIS_URL, REDIS_KEY_PREFIX: prefix, ...env };
  // One DATA_DIR: both read the same generated JWT and OTP secrets, as a deployment shares them.
  const one = await build(t, { dataDir, eventStore, readStore: stores[0]!, env: shared });
  const two = await build(t, { dataDir, eventStore, readStore: stores[1]!, env: shared });
  return { apps: [one.app, two.app], sink, eventStore };
}

const send = (app: FastifyInstance, method: string, url: string, payload: unknown, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: method as 'POST',
    url,
    remoteAddress,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(payload),
  });

/** A wrong guess for a 6-digit code: any other 6-digit number. */
const wrongCode = (code: string, i: number) => String(100_000 + ((Number(code) - 100_000 + 1 + i * 7919) % 900_000));

export interface GuessingResult {
  kinds: number;
  guesses: number;
}

/**
 * Every kind of one-time secret (A's reset code, C's reset code and reset
 * token, B's verification code and reset link): four wrong guesses and the
 * right one works; five wrong guesses and the right one fails too, and a new
 * one works again. Guesses alternate between two instances and come from a
 * new address each time, so the count lives in the event log, not in a
 * process or per address. The rate limits are off here: this is the
 * per-code limit alone.
 */
export async function codeGuessing(t: Test): Promise<GuessingResult> {
  const { apps, sink, eventStore } = await instancesSharingRedis(t, { AUTH_RATE_LIMIT: '0' });
  let n = 0;
  const address = () => `10.7.${Math.floor(n / 250)}.${(n++ % 250) + 1}`;
  const on = (i: number) => apps[i % 2]!;
  const tag = randomUUID().slice(0, 6);
  const password = secret('guess-password');

  interface Kind {
    name: string;
    /** Sets up an account (once) and issues a fresh secret; answers it. */
    issue(round: number): Promise<string>;
    /** Presents a secret; answers whether it was accepted. */
    present(secretValue: string, i: number): Promise<boolean>;
    wrong(secretValue: string, i: number): string;
  }
  const codeOf = (email: string) => sink.code(email);
  const randomToken = (right: string, i: number) => `${right.split('.')[0]}.${Buffer.from(`wrong-guess-${i}-${tag}-padding-xx`).toString('base64url').slice(0, 32)}`;
  const account = async (name: string, via: 'A' | 'B' | 'C') => {
    const a = { username: `${name}_${tag}`, email: `${name}.${tag}@example.com`, password };
    const res =
      via === 'A'
        ? await send(on(0), 'POST', '/register', a, address())
        : via === 'C'
          ? await send(on(0), 'POST', '/auth/create', a, address())
          : await send(on(0), 'POST', '/users/register', a, address());
    if (res.statusCode >= 300 || (via === 'B' && res.json().responseCode !== 615)) throw new Error(`${name}: ${res.body}`);
    return a;
  };
  const kinds: Kind[] = [];
  {
    const a = await account('guess_a', 'A');
    kinds.push({
      name: "A's reset code (/new-password)",
      issue: async () => (await send(on(1), 'POST', '/reset', { username: a.username, email: a.email }, address()), codeOf(a.email)),
      present: async (code, i) => (await send(on(i), 'POST', '/new-password', { username: a.username, otp: Number(code), password }, address())).statusCode === 200,
      wrong: wrongCode,
    });
  }
  {
    const c = await account('guess_c', 'C');
    kinds.push({
      name: "C's reset code (/auth/forgot/otp)",
      issue: async () => (await send(on(1), 'POST', '/auth/forgot', { email: c.email }, address()), codeOf(c.email)),
      present: async (code, i) => (await send(on(i), 'POST', '/auth/forgot/otp', { email: c.email, otp: code }, address())).statusCode === 200,
      wrong: wrongCode,
    });
  }
  {
    const c = await account('guess_t', 'C');
    kinds.push({
      name: "C's reset token (/auth/forgot/reset)",
      async issue() {
        await send(on(1), 'POST', '/auth/forgot', { email: c.email }, address());
        return (await send(on(0), 'POST', '/auth/forgot/otp', { email: c.email, otp: codeOf(c.email) }, address())).json().token as string;
      },
      present: async (token, i) => (await send(on(i), 'POST', '/auth/forgot/reset', { new_password: password }, address(), { authentication: token })).statusCode === 200,
      wrong: randomToken,
    });
  }
  {
    const b = await account('guess_r', 'B');
    // Verified once, through the real code, so the reset link can be asked for.
    const verified = await send(on(0), 'POST', '/users/verify-sentcode', { email: b.email, password, code: codeOf(b.email) }, address());
    if (verified.json().responseCode !== 605) throw new Error(verified.body);
    kinds.push({
      name: "B's reset link (/users/reset-password/:token)",
      issue: async () => (await send(on(1), 'POST', '/users/reset-password', { email: b.email }, address()), sink.resetToken(b.email)),
      present: async (token, i) => (await send(on(i), 'POST', `/users/reset-password/${token}`, { password }, address())).json().responseCode === 614,
      wrong: randomToken,
    });
  }
  {
    // Verifying uses an account up: round 1 has its own; rounds 2 and 3 share one, round 3 by a resent code.
    let email = '';
    kinds.push({
      name: "B's email verification code (/users/verify-sentcode)",
      async issue(round) {
        if (round < 3) email = (await account(`guess_v${round}`, 'B')).email;
        else await send(on(1), 'POST', '/users/resend-verification-code', { email }, address());
        return `${email} ${codeOf(email)}`;
      },
      async present(value, i) {
        const [email, code] = value.split(' ') as [string, string];
        return (await send(on(i), 'POST', '/users/verify-sentcode', { email, password, code }, address())).json().responseCode === 605;
      },
      wrong: (value, i) => `${value.split(' ')[0]} ${wrongCode(value.split(' ')[1]!, i)}`,
    });
  }

  let guesses = 0;
  for (const kind of kinds) {
    const four = await kind.issue(1);
    for (let i = 0; i < 4; i++) {
      guesses += 1;
      t.notOk(await kind.present(kind.wrong(four, i), i), `${kind.name}: wrong guess ${i + 1} refused`);
    }
    t.ok(await kind.present(four, 5), `${kind.name}: after four wrong guesses the right one works`);

    const five = await kind.issue(2);
    const failedBefore = await countEvents(eventStore, 'OneTimeCodeAttemptFailed');
    for (let i = 0; i < 5; i++) {
      guesses += 1;
      t.notOk(await kind.present(kind.wrong(five, i), i), `${kind.name}: wrong guess ${i + 1} refused`);
    }
    t.equal((await countEvents(eventStore, 'OneTimeCodeAttemptFailed')) - failedBefore, 5, `${kind.name}: five attempts recorded, whichever instance and address`);
    t.notOk(await kind.present(five, 6), `${kind.name}: after five wrong guesses the right one fails too`);
    t.notOk(await kind.present(five, 7), `${kind.name}: on the other instance as well`);
    t.ok(await kind.present(await kind.issue(3), 8), `${kind.name}: a new one works`);
  }
  const voided: string[] = [];
  for await (const e of eventStore.readAll()) if (e.type === 'OneTimeCodeVoided' && e.data.reason === 'attempts') voided.push(String(e.data.purpose));
  t.same(voided.sort(), ['email-verification', 'password-reset', 'password-reset', 'reset-link', 'reset-token'], 'each voided for its attempts, once');
  return { kinds: kinds.length, guesses };
}

async function countEvents(store: EventStore, type: string): Promise<number> {
  let count = 0;
  for await (const e of store.readAll()) if (e.type === type) count += 1;
  return count;
}

export interface RateLimitResult {
  limit: number;
  /** 429s seen, each checked for Retry-After and the family envelope. */
  limited: number;
}

/**
 * AUTH_RATE_LIMIT (e.g. 5) across two instances sharing one Redis: per
 * address (one address, other accounts each time, every family of a kind,
 * alternating instances) and per account (one account from a new address
 * each time); a limited account is limited even with the right password; an
 * address or an account over its limit does not limit the others; every 429
 * has Retry-After and the family's envelope; the codes routes are limited per
 * account too, so at most `limit` code guesses a minute reach an account.
 */
export async function rateLimitsAcrossInstances(t: Test, options: { limit: number }): Promise<RateLimitResult> {
  const limit = options.limit;
  const { apps, sink } = await instancesSharingRedis(t, { AUTH_RATE_LIMIT: String(limit) });
  const tag = randomUUID().slice(0, 6);
  let limited = 0;
  const check429 = (res: LightMyRequestResponse, url: string, what: string) => {
    t.equal(res.statusCode, 429, what);
    if (res.statusCode !== 429) return;
    limited += 1;
    const retryAfter = Number(res.headers['retry-after']);
    t.ok(retryAfter >= 1 && retryAfter <= 60, `${what}: Retry-After ${retryAfter}`);
    t.equal(envelopeProblem(url, 429, res.json()), null, `${what}: the family envelope`);
  };
  const victim = { username: `victim_${tag}`, email: `victim.${tag}@example.com`, password: secret('victim-password') };
  if ((await send(apps[0], 'POST', '/auth/create', victim, '10.8.0.1')).statusCode !== 201) throw new Error('victim');

  // Sign-in, per address: every family's sign-in route shares one count.
  const signIns: [string, (name: string) => unknown][] = [
    ['/login', (name) => ({ username: name, password: 'wrong-password' })],
    ['/auth', (name) => ({ username: name, password: 'wrong-password' })],
    ['/api/token', (name) => ({ username: name, password: 'wrong-password' })],
    ['/users/login', (name) => ({ email: `${name}@example.com`, password: 'wrong-password' })],
  ];
  const attacker = '10.8.1.1';
  for (let i = 0; i < limit; i++) {
    const [url, body] = signIns[i % signIns.length]!;
    const res = await send(apps[i % 2]!, 'POST', url, body(`someone_${tag}_${i}`), attacker);
    t.not(res.statusCode, 429, `address: sign-in ${i + 1} of ${limit} through ${url} on instance ${(i % 2) + 1} passes`);
  }
  for (const [i, [url, body]] of signIns.entries()) {
    check429(await send(apps[i % 2]!, 'POST', url, body(`fresh_${tag}_${i}`), attacker), url, `address: over the limit through ${url}, instance ${(i % 2) + 1}`);
  }
  t.not((await send(apps[1], 'POST', '/login', { username: `fresh_${tag}`, password: 'wrong-password' }, '10.8.1.2')).statusCode, 429, 'another address is not limited');

  // Sign-in, per account: a new address each time, both instances, every family.
  for (let i = 0; i < limit; i++) {
    const [url, body] = signIns[i % 3]!; // the three that sign in by username
    const res = await send(apps[i % 2]!, 'POST', url, body(victim.username), `10.8.2.${i + 1}`);
    t.equal(res.statusCode, 401, `account: wrong password ${i + 1} of ${limit} from a new address through ${url}`);
  }
  check429(await send(apps[0], 'POST', '/auth', { username: victim.username, password: 'wrong-password' }, '10.8.2.200'), '/auth', 'account: over the limit from yet another address');
  check429(await send(apps[1], 'POST', '/login', { username: victim.username.toUpperCase(), password: victim.password }, '10.8.2.201'), '/login', 'account: even with the right password, however the name is spelled');
  t.equal((await send(apps[1], 'POST', '/login', { username: `other_${tag}`, password: 'wrong-password' }, '10.8.2.202')).statusCode, 401, 'other accounts from a fresh address are not limited');

  // Codes, per account: guesses at one account's reset code from rotating addresses.
  const coded = { username: `coded_${tag}`, email: `coded.${tag}@example.com`, password: secret('coded-password') };
  await send(apps[0], 'POST', '/register', coded, '10.8.3.1');
  await send(apps[1], 'POST', '/reset', { username: coded.username, email: coded.email }, '10.8.3.2');
  const code = sink.code(coded.email);
  for (let i = 0; i < limit; i++) {
    const res = await send(apps[i % 2]!, 'POST', '/new-password', { username: coded.username, otp: Number(wrongCode(code, i)), password: 'password-new' }, `10.8.4.${i + 1}`);
    t.equal(res.statusCode, 401, `code: wrong guess ${i + 1} from a new address`);
  }
  check429(
    await send(apps[0], 'POST', '/new-password', { username: coded.username, otp: Number(code), password: 'password-new' }, '10.8.4.200'),
    '/new-password',
    'code: the account is limited',
  );

  // Resets, per account (counted by the email given): mail bombing one address from many.
  const before = sink.to(coded.email).length;
  for (let i = 0; i < limit; i++) {
    const res = await send(apps[i % 2]!, 'POST', '/auth/forgot', { email: coded.email }, `10.8.5.${i + 1}`);
    t.equal(res.statusCode, 200, `reset: request ${i + 1} of ${limit} for one email`);
  }
  check429(await send(apps[0], 'POST', '/auth/forgot', { email: coded.email.toUpperCase() }, '10.8.5.200'), '/auth/forgot', 'reset: one email over the limit');
  t.equal(sink.to(coded.email).length - before, limit, `at most ${limit} reset mails a minute reach one address`);

  // Registration, per address, through B's envelope.
  for (let i = 0; i < limit; i++) {
    const res = await send(apps[i % 2]!, 'POST', '/users/register', { username: `reg_${tag}_${i}`, email: `reg${i}.${tag}@example.com`, password: 'password-reg' }, '10.8.6.1');
    t.equal(res.json().responseCode, 615, `registration ${i + 1} of ${limit} from one address`);
  }
  check429(
    await send(apps[1], 'POST', '/users/register', { username: `reg_${tag}_x`, email: `regx.${tag}@example.com`, password: 'password-reg' }, '10.8.6.1'),
    '/users/register',
    'registration: over the limit',
  );
  return { limit, limited };
}
