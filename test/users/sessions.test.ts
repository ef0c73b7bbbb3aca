// Sessions: every sign-in starts one (an event), the token names it, and
// logout, password resets and deletion end them; the per-request check is one
// read-model lookup, and ended sessions leave the read model.
import t from 'tap';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import type { ReadModelStore } from '../../src/infra/readstore/types.js';
import { READ_MODELS, build } from '../support/app.js';
import { bearer, buildWithMail, clock, registerVerifiedB, sessionOf, poster } from '../support/accounts.js';

const sid = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid as string;

t.test('the session check is one read-model lookup per request', async (t) => {
  const inner = createMemoryReadStore();
  const queries: string[] = [];
  const counting = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (['get', 'hgetall', 'hgetallMany', 'zrange', 'zcard', 'dump'].includes(String(prop))) queries.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as ReadModelStore;
  t.teardown(() => inner.close());
  const { app } = await build(t, { readStore: counting });
  const post = poster(app);
  await post('/register', { username: 'counted', password: 'password-1' });
  const token = (await post('/login', { username: 'counted', password: 'password-1' })).json().access_token;

  queries.length = 0;
  t.equal(await sessionOf(app, token), true);
  t.same(queries, ['hgetall'], 'one lookup for a live session');
  queries.length = 0;
  t.equal(await sessionOf(app, 'not.a.jwt'), 'invalid');
  t.same(queries, [], 'none for a token that does not verify');
});

for (const readModels of READ_MODELS) {
  t.test(`sessions end as the contract says (${readModels} read models)`, async (t) => {
    const time = clock();
    const m = await buildWithMail(t, { readModels, now: time.now });
    const { post, app } = m;
    const sessionKeys = async () => Object.keys(await m.users()).filter((k) => k.startsWith('session:'));
    await registerVerifiedB(m, 'sessioned', 'sessioned@example.com', 'password-s');
    const signIns = async () => ({
      AE: (await post('/login', { username: 'sessioned', password: 'password-s' })).json().access_token as string,
      B: (await post('/users/login', { email: 'sessioned@example.com', password: 'password-s' })).json().token as string,
      C: (await post('/auth', { username: 'sessioned', password: 'password-s' })).json().token as string,
      D: (await post('/api/token', { username: 'sessioned', password: 'password-s' })).json().data.access_token as string,
    });
    const live = async (tokens: Record<string, string>) => {
      const out: Record<string, true | string> = {};
      for (const [f, tk] of Object.entries(tokens)) out[f] = await sessionOf(app, tk);
      return out;
    };

    t.test('every sign-in is a SessionStarted event naming its family', async (t) => {
      const before = await sessionKeys();
      const tokens = await signIns();
      t.equal((await sessionKeys()).length - before.length, 4);
      const started: { via: string }[] = [];
      for await (const e of m.eventStore.readAll()) if (e.type === 'SessionStarted') started.push(e.data as { via: string });
      t.same(started.slice(-4).map((d) => d.via), ['E', 'B', 'C', 'D']);
      t.same(await live(tokens), { AE: true, B: true, C: true, D: true });
    });

    t.test('logout ends one session; the others stay', async (t) => {
      const tokens = await signIns();
      const before = (await sessionKeys()).length;
      await app.inject({ method: 'GET', url: '/logout', headers: bearer(tokens.D) });
      t.same(await live(tokens), { AE: true, B: true, C: true, D: 'invalid' });
      await app.inject({ method: 'GET', url: '/logout', headers: bearer(sid(tokens.C)) });
      t.same(await live(tokens), { AE: true, B: true, C: 'invalid', D: 'invalid' });
      t.equal((await sessionKeys()).length, before - 2, 'their keys left the read model');
    });

    t.test('a password reset ends every session of the account', async (t) => {
      const tokens = await signIns();
      await post('/reset', { username: 'sessioned', email: 'sessioned@example.com' });
      const res = await post('/new-password', { username: 'sessioned', otp: Number(m.sink.code('sessioned@example.com')), password: 'password-s' });
      t.equal(res.statusCode, 200);
      t.same(await live(tokens), { AE: 'invalid', B: 'invalid', C: 'invalid', D: 'invalid' });
      t.same(await sessionKeys(), [], 'no session key left');
      const ended: { reason: string; sessionKeys: string[] }[] = [];
      for await (const e of m.eventStore.readAll()) if (e.type === 'SessionsEnded') ended.push(e.data as never);
      t.match(ended[ended.length - 1], { reason: 'password-reset' });
      t.ok(ended[ended.length - 1]!.sessionKeys.length >= 4, 'one event listing every session');
    });

    t.test('expired sessions are refused, and cleaned up by the next sign-in', async (t) => {
      const tokens = await signIns();
      time.advanceMinutes(61);
      t.same(await live(tokens), { AE: 'invalid', B: 'invalid', C: 'invalid', D: 'invalid' });
      await post('/auth', { username: 'sessioned', password: 'password-s' });
      t.equal((await sessionKeys()).length, 1, 'only the new session is left');
      time.advanceMinutes(-61);
    });

    t.test('deleting the account ends every session', async (t) => {
      const tokens = await signIns();
      const res = await app.inject({
        method: 'DELETE',
        url: '/users/delete-user',
        payload: { email: 'sessioned@example.com', password: 'password-s' },
      });
      t.equal(res.json().responseCode, 617);
      t.same(await live(tokens), { AE: 'invalid', B: 'invalid', C: 'invalid', D: 'invalid' });
      t.same(await sessionKeys(), []);
    });

    t.test('tampered, foreign and missing tokens', async (t) => {
      await post('/register', { username: 'forger', password: 'password-f' });
      const token = (await post('/login', { username: 'forger', password: 'password-f' })).json().access_token as string;
      const [h, p, s] = token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url')}.${s}`;
      t.equal(await sessionOf(app, forged), 'invalid', 'a changed payload does not verify');
      t.equal(await sessionOf(app, `${h}.${p}.`), 'invalid');
      const missing = await app.auth.authenticate({ headers: {} } as never);
      t.equal(missing, 'missing');
    });
  });
}
