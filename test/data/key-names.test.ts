// A data key's names (its HMAC, entry, hash and stream) are worked out once per
// (secret, user, key) and kept: two apps in one process, each with its own
// secrets, must each read their own value under the same user id and key, and
// a user's keys must never answer for another user's.
import t from 'tap';
import { build, READ_MODELS } from '../support/app.js';
import { signedInUser } from '../support/signed-in-user.js';

for (const readModels of READ_MODELS) {
  t.test(`kept key names are per secret and per user (${readModels} read models)`, async (t) => {
    const first = await build(t, { readModels });
    const second = await build(t, { readModels });
    t.not(first.config.dataKeySecret, second.config.dataKeySecret, 'the two apps hold different secrets');
    const one = await signedInUser(first.app, 'same-name');
    const other = await signedInUser(second.app, 'same-name');
    t.equal(one.id, other.id, 'the same user id in both apps');
    const put = (app: typeof first.app, auth: object, key: string, value: unknown) =>
      app.inject({ method: 'POST', url: '/api/data', headers: auth as Record<string, string>, payload: { key, value } });
    const get = async (app: typeof first.app, auth: object, key: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/data/${key}`, headers: auth as Record<string, string> });
      return res.statusCode === 200 ? res.json().data.value : res.statusCode;
    };
    t.equal((await put(first.app, one.auth, 'k', 'first app')).statusCode, 201);
    t.equal((await put(second.app, other.auth, 'k', 'second app')).statusCode, 201);
    const carol = await signedInUser(first.app, 'carol');
    t.equal((await put(first.app, carol.auth, 'k', 'carol')).statusCode, 201);
    for (let round = 0; round < 3; round++) {
      t.equal(await get(first.app, one.auth, 'k'), 'first app', `round ${round}: the first app reads its own value`);
      t.equal(await get(second.app, other.auth, 'k'), 'second app', `round ${round}: the second app reads its own`);
      t.equal(await get(first.app, carol.auth, 'k'), 'carol', `round ${round}: another user's same key is hers`);
      t.equal(await get(first.app, one.auth, 'missing'), 404, `round ${round}: a key never stored is not found`);
    }
    // Changed and deleted values are read as they are now, not as the names were first worked out.
    t.equal((await first.app.inject({ method: 'PUT', url: '/api/data/k', headers: one.auth, payload: { value: 'changed' } })).statusCode, 200);
    t.equal(await get(first.app, one.auth, 'k'), 'changed');
    t.equal((await first.app.inject({ method: 'DELETE', url: '/api/data/k', headers: one.auth })).statusCode, 200);
    t.equal(await get(first.app, one.auth, 'k'), 404);
    t.equal(await get(first.app, carol.auth, 'k'), 'carol', 'her key outlives his');
  });
}
