// One user base: an account registered through any family signs in through
// every family that takes the identifier it has; names are unique across them.
import t from 'tap';
import { handle } from '../../src/infra/commands.js';
import { userDecider } from '../../src/users/decider.js';
import { streams } from '../../src/users/events.js';
import { userKeys } from '../../src/users/read-model.js';
import { READ_MODELS } from '../support/app.js';
import { buildWithMail, registerVerifiedB, sessionOf, type MailApp } from '../support/accounts.js';

/** Signs in through every family that takes a username (A/E, C, D) and, with a verified email, B. Answers each token. */
async function signInEverywhere(m: MailApp, username: string, email: string | null, password: string) {
  const tokens: Record<string, string> = {};
  const ae = await m.post('/login', { username, password });
  tokens.AE = ae.json().access_token;
  const c = await m.post('/auth', { username, password });
  tokens.C = c.json().token;
  const d = await m.post('/api/token', { username, password });
  tokens.D = d.json().data?.access_token;
  if (email) {
    const b = await m.post('/users/login', { email, password });
    tokens.B = b.json().token;
  }
  return tokens;
}

for (const readModels of READ_MODELS) {
  t.test(`one user base (${readModels} read models)`, async (t) => {
    const m = await buildWithMail(t, { readModels });
    const { post } = m;

    t.test('an account from any family signs in through all the others', async (t) => {
      await post('/register', { username: 'from_ae', password: 'password-ae', email: 'ae@example.com' });
      await registerVerifiedB(m, 'from_b', 'b@example.com', 'password-b');
      await post('/auth/create', { username: 'from_c', email: 'c@example.com', password: 'password-c' });
      await post('/api/register', { username: 'from_d', email: 'd@example.com', password: 'password-d', full_name: 'D', gender: 'x' });
      const accounts: [string, string][] = [
        ['from_ae', 'ae@example.com'],
        ['from_b', 'b@example.com'],
        ['from_c', 'c@example.com'],
        ['from_d', 'd@example.com'],
      ];
      for (const [username, email] of accounts) {
        // B asks every account for a verified email: confirm it once for those that never did.
        if (username !== 'from_b') {
          await post('/users/resend-verification-code', { email });
          await post('/users/verify-sentcode', { email, password: `password-${username.slice(5)}`, code: m.sink.code(email) });
        }
        const tokens = await signInEverywhere(m, username, email, `password-${username.slice(5)}`);
        t.same(Object.keys(tokens).sort(), ['AE', 'B', 'C', 'D'], username);
        for (const [family, token] of Object.entries(tokens)) {
          t.equal(await sessionOf(m.app, token), true, `${username} through ${family}`);
        }
        const subs = new Set(Object.values(tokens).map((tk) => JSON.parse(Buffer.from(tk.split('.')[1]!, 'base64url').toString()).sub));
        t.equal(subs.size, 1, `${username}: one account behind every token`);
        const sids = new Set(Object.values(tokens).map((tk) => JSON.parse(Buffer.from(tk.split('.')[1]!, 'base64url').toString()).sid));
        t.equal(sids.size, 4, 'every sign-in a session of its own');
      }
    });

    t.test('an A/E account without an email signs in by username everywhere that takes one', async (t) => {
      await post('/register', { username: 'mailless', password: 'password-m' });
      const tokens = await signInEverywhere(m, 'mailless', null, 'password-m');
      for (const [family, token] of Object.entries(tokens)) t.equal(await sessionOf(m.app, token), true, family);
    });

    t.test('a username or email taken in one family is taken in all', async (t) => {
      await post('/auth/create', { username: 'Shared_Name', email: 'shared@example.com', password: 'password-s' });
      t.equal((await post('/register', { username: 'shared_name', password: 'password-x' })).statusCode, 409);
      t.same((await post('/register', { username: 'other1', password: 'password-x', email: 'SHARED@example.com' })).json(), { error: 'Email already exists' });
      t.equal((await post('/users/register', { username: 'SHARED_NAME', email: 'x1@example.com', password: 'password-x' })).json().responseCode, 607);
      t.equal((await post('/users/register', { username: 'other2', email: 'shared@EXAMPLE.com', password: 'password-x' })).json().responseCode, 608);
      t.equal((await post('/api/register', { username: 'shared_NAME', email: 'x2@example.com', password: 'password-x', full_name: 'X', gender: 'x' })).json().code, 'USERNAME_EXISTS');
      t.equal((await post('/api/register', { username: 'other3', email: 'shared@example.com', password: 'password-x', full_name: 'X', gender: 'x' })).json().code, 'EMAIL_EXISTS');
      t.equal((await post('/auth/create', { username: 'other4', email: 'shared@example.com', password: 'password-x' })).statusCode, 409);
    });

    t.test('a deletion that stopped before releasing its claims does not keep the names', async (t) => {
      await post('/auth/create', { username: 'half_gone', email: 'half@example.com', password: 'password-h' });
      const id = Number((await m.users())[m.usernameIndex('half_gone')]);
      // The account is deleted in its stream, but the process died before the claim streams heard of it.
      await handle(m.eventStore, streams.user(id), userDecider, { type: 'DeleteAccount', data: { via: 'B' }, metadata: { now: new Date() } });
      const again = await post('/auth/create', { username: 'HALF_GONE', email: 'half@example.com', password: 'password-2' });
      t.equal(again.statusCode, 201, 'both names are taken over');
      t.not(again.json().user_id, String(id), 'by a new account');
      t.equal((await post('/auth', { username: 'half_gone', password: 'password-2' })).statusCode, 200);
    });

    t.test('concurrent registrations with one email through every family: exactly one wins', async (t) => {
      const email = 'contested@example.com';
      const attempts = [
        post('/register', { username: 'race_ae', password: 'password-r', email }),
        post('/users/register', { username: 'race_b', email, password: 'password-r' }),
        post('/auth/create', { username: 'race_c', email, password: 'password-r' }),
        post('/api/register', { username: 'race_d', email, password: 'password-r', full_name: 'R', gender: 'x' }),
        post('/register', { username: 'race_ae2', password: 'password-r', email }),
        post('/users/register', { username: 'race_b2', email, password: 'password-r' }),
        post('/auth/create', { username: 'race_c2', email, password: 'password-r' }),
        post('/api/register', { username: 'race_d2', email, password: 'password-r', full_name: 'R', gender: 'x' }),
      ];
      const results = await Promise.all(attempts);
      const won = results.filter((r) => r.statusCode === 201 || r.json().responseCode === 615);
      const lost = results.filter((r) => r.statusCode === 409 || r.json().responseCode === 608);
      t.equal(won.length, 1, 'one winner');
      t.equal(lost.length, 7, 'every other attempt told the email is taken');
      const names = ['race_ae', 'race_b', 'race_c', 'race_d', 'race_ae2', 'race_b2', 'race_c2', 'race_d2'];
      let signedIn = 0;
      for (const username of names) {
        const res = await post('/auth', { username, password: 'password-r' });
        if (res.statusCode === 200 || res.statusCode === 403) signedIn += 1;
      }
      t.equal(signedIn, 1, 'only the winner has an account');
      const again = [];
      for (const username of names) again.push((await post('/register', { username, password: 'password-r' })).statusCode);
      t.same(again.sort(), [201, 201, 201, 201, 201, 201, 201, 409], "the losers' usernames were released");
    });
  });
}
