// One hot key (and one hot product) in one instance: 50 updates at once all
// answer 2xx, because commands on one stream take turns instead of colliding
// on the expected revision; every one of them is in the log.
import t from 'tap';
import { READ_MODELS } from '../support/app.js';
import { buildWithStores } from '../support/stores.js';
import { signedInUser } from '../support/signed-in-user.js';

const CLIENTS = 50;

for (const readModels of READ_MODELS) {
  t.test(`50 concurrent updates of one key, one instance (${readModels} read models)`, async (t) => {
    const { app, eventStore } = await buildWithStores(t, { readModels });
    const alice = await signedInUser(app, 'alice');
    const stored = await app.inject({ method: 'POST', url: '/api/data', headers: alice.auth, payload: { key: 'hot', value: -1 } });
    t.equal(stored.statusCode, 201);

    const answers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, n) =>
        app.inject({ method: 'PUT', url: '/api/data/hot', headers: alice.auth, payload: { value: { n } } }),
      ),
    );
    t.same(answers.map((a) => a.statusCode), Array(CLIENTS).fill(200), 'every update answered 200');
    t.ok(answers.every((a) => a.json().status === 'success'), "in D's success envelope");

    let updates = 0;
    for await (const e of eventStore.readAll()) if (e.type === 'DataUpdated') updates += 1;
    t.equal(updates, CLIENTS, 'every update is in the log, once');
    const read = await app.inject({ method: 'GET', url: '/api/data/hot', headers: alice.auth });
    t.equal(read.statusCode, 200);
    const n = read.json().data.value.n as number;
    t.ok(Number.isInteger(n) && n >= 0 && n < CLIENTS, `the value read back is one of the updates (${n})`);
  });

  t.test(`50 concurrent updates of one product, one instance (${readModels} read models)`, async (t) => {
    const { app } = await buildWithStores(t, { readModels });
    const bob = await signedInUser(app, 'bob');
    const created = await app.inject({ method: 'POST', url: '/products', headers: bob.auth, payload: { name: 'Hot', description: 'x' } });
    t.equal(created.statusCode, 201);
    const id = created.json().id as number;
    const answers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, n) =>
        app.inject({ method: 'PUT', url: `/products/${id}`, headers: bob.auth, payload: { name: `Hot ${n}`, description: 'updated' } }),
      ),
    );
    t.same(answers.map((a) => a.statusCode), Array(CLIENTS).fill(200), 'every update answered 200');
    const etags = answers.map((a) => a.headers.etag);
    t.equal(new Set(etags).size, CLIENTS, 'each answer names its own revision');
    // The update answered with the newest revision is the product read back: answers match the order applied.
    const newest = answers.reduce((a, b) => (Number(JSON.parse(String(b.headers.etag))) > Number(JSON.parse(String(a.headers.etag))) ? b : a));
    const read = await app.inject({ method: 'GET', url: `/products/${id}`, headers: bob.auth });
    t.equal(read.json().name, newest.json().name, 'the update answered last in revision order is the one read back');
    t.equal(read.headers.etag, newest.headers.etag);
  });
}
