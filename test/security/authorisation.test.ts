// Every protected route of openapi.yaml refuses every kind of bad credential
// with 401 in its family's envelope (no token, tampered, expired, alg none,
// HS512, another secret, wrong typ, no sid, someone else's sid, sessions
// ended by logout, password reset and deletion, C's reset-purpose token, B's
// session id); another user touching someone's products, orders, data and
// account gets 403/404 and never their data.
import t from 'tap';
import type { Test } from 'tap';
import { createHmac, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type ReadModels } from '../support/app.js';
import { buildWithMail, type MailApp } from '../support/accounts.js';
import { scanForSecrets } from '../support/secret-scan.js';
import { envelopeProblem, fillPath, routesFromOpenApi, type Route } from '../support/routes.js';
import { secret } from '../support/hostile-accounts.js';

// ---------------------------------------------------------------- tokens

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT signed with HS256 (or another HMAC) under `secret`, any header and claims. */
function signJwt(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const algorithm = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[String(header.alg)] ?? 'sha256';
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac(algorithm, secret).update(body).digest('base64url')}`;
}

function claimsOf(token: string): Record<string, unknown> {
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

interface AuthorisationResult {
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
async function authorisationMatrix(t: Test, options: { readModels?: ReadModels } = {}): Promise<AuthorisationResult> {
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


for (const readModels of ['memory', 'redis'] as const) {
  t.test(`authorisation (${readModels} read models)`, async (t) => {
    const result = await authorisationMatrix(t, { readModels });
    t.ok(result.refusals >= 18 * result.protectedRoutes, `${result.refusals} refusals over ${result.protectedRoutes} routes`);
    t.ok(result.trespasses >= 10, `${result.trespasses} attempts on another user's resources`);
  });
}
