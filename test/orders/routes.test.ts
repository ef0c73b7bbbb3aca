import t from 'tap';
import { build, READ_MODELS } from '../support/app.js';
import { readLog } from '../support/event-log.js';
import { signedInUser, type SignedInUser } from '../support/signed-in-user.js';

const ITEMS_MESSAGE = { error: 'items must be a list of 1 to 100 objects {"productId": integer, "quantity": integer}' };
const QUANTITY_MESSAGE = { error: 'quantity must be an integer from 1 to 1000' };
const PRODUCT_ID_MESSAGE = { error: 'productId must be a positive integer' };

for (const readModels of READ_MODELS) {
  t.test(`A orders (${readModels} read models)`, async (t) => {
    const { app, dataDir } = await build(t, { readModels });
    const seller = await signedInUser(app, 'seller');
    const alice = await signedInUser(app, 'alice');
    const bob = await signedInUser(app, 'bob');

    const product = async (name: string) => {
      const res = await app.inject({ method: 'POST', url: '/products', headers: seller.auth, payload: { name, description: 'd' } });
      return res.json().id as number;
    };
    const order = (user: SignedInUser, payload: unknown) =>
      app.inject({ method: 'POST', url: '/orders', headers: user.auth, payload: payload as object });
    const list = (user: SignedInUser) => app.inject({ method: 'GET', url: '/orders', headers: user.auth });
    const one = (user: SignedInUser, id: number | string) =>
      app.inject({ method: 'GET', url: `/orders/${id}`, headers: user.auth });
    const cancel = (user: SignedInUser, id: number | string) =>
      app.inject({ method: 'POST', url: `/orders/${id}/cancel`, headers: user.auth });

    const lamp = await product('Lamp');
    const chair = await product('Chair');

    t.test('every route needs a token', async (t) => {
      for (const route of [
        { method: 'POST', url: '/orders', payload: { items: [{ productId: lamp, quantity: 1 }] } },
        { method: 'GET', url: '/orders' },
        { method: 'GET', url: '/orders/1' },
        { method: 'POST', url: '/orders/1/cancel' },
      ] as const) {
        const none = await app.inject(route);
        t.equal(none.statusCode, 401, `${route.method} ${route.url}`);
        t.same(none.json(), { error: 'Access denied. No token provided.' });
        const bad = await app.inject({ ...route, headers: { authorization: 'Bearer x.y.z' } });
        t.equal(bad.statusCode, 401);
        t.same(bad.json(), { error: 'Invalid token.' });
      }
    });

    t.test('no orders yet is 404 "No orders found"', async (t) => {
      const res = await list(bob);
      t.equal(res.statusCode, 404);
      t.same(res.json(), { error: 'No orders found' });
    });

    t.test('places an order, keeping the names as they were', async (t) => {
      const res = await order(alice, { items: [{ productId: lamp, quantity: 2 }, { productId: chair, quantity: 1 }] });
      t.equal(res.statusCode, 201);
      const placed = res.json();
      t.same(Object.keys(placed).sort(), ['createdAt', 'id', 'items', 'status', 'userId']);
      t.match(placed, { userId: alice.id, status: 'placed' });
      t.same(placed.items, [
        { productId: lamp, name: 'Lamp', quantity: 2 },
        { productId: chair, name: 'Chair', quantity: 1 },
      ]);
      t.ok(Number.isInteger(placed.id) && placed.id > 0);
      t.ok(!Number.isNaN(Date.parse(placed.createdAt)) && new Date(placed.createdAt).toISOString() === placed.createdAt, 'ISO-8601');

      t.same((await one(alice, placed.id)).json(), placed, 'read back without waiting');
      t.same((await list(alice)).json(), { orders: [placed] });

      // The product changes and goes away; the order does not.
      await app.inject({ method: 'PUT', url: `/products/${lamp}`, headers: seller.auth, payload: { name: 'Lamp v2', description: 'd' } });
      await app.inject({ method: 'DELETE', url: `/products/${chair}`, headers: seller.auth });
      t.same((await one(alice, placed.id)).json(), placed, 'past orders keep the names and products they had');

      const log = await readLog(dataDir, `order-${placed.id}`);
      t.same(log.map((e) => e.type), ['OrderPlaced']);
      t.same(log[0]!.data.items, placed.items, 'names and quantities are in the event');
    });

    t.test('a product that does not exist (now) is 404 "Product not found"', async (t) => {
      for (const productId of [chair /* deleted above */, 424242]) {
        const res = await order(alice, { items: [{ productId: lamp, quantity: 1 }, { productId, quantity: 1 }] });
        t.equal(res.statusCode, 404, `product ${productId}`);
        t.same(res.json(), { error: 'Product not found' });
      }
    });

    t.test('bad order bodies are 400, and nothing is recorded', async (t) => {
      const before = (await readLog(dataDir, 'ids-order')).length;
      const cases: [unknown, object][] = [
        [{}, ITEMS_MESSAGE],
        [{ items: [] }, ITEMS_MESSAGE],
        [{ items: 'lamp' }, ITEMS_MESSAGE],
        [{ items: { productId: lamp, quantity: 1 } }, ITEMS_MESSAGE],
        [{ items: [lamp] }, ITEMS_MESSAGE],
        [{ items: [null] }, ITEMS_MESSAGE],
        [[], ITEMS_MESSAGE],
        [{ items: Array.from({ length: 101 }, (_, i) => ({ productId: i + 1, quantity: 1 })) }, ITEMS_MESSAGE],
        [{ items: [{ productId: lamp, quantity: 0 }] }, QUANTITY_MESSAGE],
        [{ items: [{ productId: lamp, quantity: 1001 }] }, QUANTITY_MESSAGE],
        [{ items: [{ productId: lamp, quantity: -1 }] }, QUANTITY_MESSAGE],
        [{ items: [{ productId: lamp, quantity: 1.5 }] }, QUANTITY_MESSAGE],
        [{ items: [{ productId: lamp, quantity: '2' }] }, QUANTITY_MESSAGE],
        [{ items: [{ productId: lamp }] }, QUANTITY_MESSAGE],
        [{ items: [{ productId: String(lamp), quantity: 1 }] }, PRODUCT_ID_MESSAGE],
        [{ items: [{ productId: 0, quantity: 1 }] }, PRODUCT_ID_MESSAGE],
        [{ items: [{ productId: 2 ** 53, quantity: 1 }] }, PRODUCT_ID_MESSAGE],
        [{ items: [{ quantity: 1 }] }, PRODUCT_ID_MESSAGE],
        [{ items: [{ productId: lamp, quantity: 1 }, { productId: lamp, quantity: 2 }] }, { error: 'Each product may appear only once in an order' }],
      ];
      for (const [payload, error] of cases) {
        const res = await order(alice, payload);
        t.equal(res.statusCode, 400, JSON.stringify(payload).slice(0, 80));
        t.same(res.json(), error, JSON.stringify(payload).slice(0, 80));
      }
      t.equal((await readLog(dataDir, 'ids-order')).length, before, 'no order id was spent on a bad order');
      const limits = await order(alice, { items: [{ productId: lamp, quantity: 1000 }] });
      t.equal(limits.statusCode, 201, 'quantity 1000 is fine');
    });

    t.test('lists the caller\'s orders newest first, and only theirs', async (t) => {
      const carol = await signedInUser(app, 'carol');
      const ids: number[] = [];
      for (let i = 1; i <= 3; i += 1) ids.push((await order(carol, { items: [{ productId: lamp, quantity: i }] })).json().id);
      const bobs = (await order(bob, { items: [{ productId: lamp, quantity: 7 }] })).json();
      const res = await list(carol);
      t.equal(res.statusCode, 200);
      t.same(res.json().orders.map((o: { id: number }) => o.id), [...ids].reverse(), 'newest first');
      t.ok(res.json().orders.every((o: { userId: number }) => o.userId === carol.id));
      t.same((await list(bob)).json().orders.map((o: { id: number }) => o.id), [bobs.id]);
    });

    t.test('another user\'s order is 404, never their data', async (t) => {
      const mine = (await order(alice, { items: [{ productId: lamp, quantity: 3 }] })).json();
      for (const res of [await one(bob, mine.id), await cancel(bob, mine.id)]) {
        t.equal(res.statusCode, 404);
        t.same(res.json(), { error: 'Order not found' });
      }
      t.equal((await one(alice, mine.id)).json().status, 'placed', 'bob could not cancel it');
      const missing = await one(alice, 777777);
      t.same([missing.statusCode, missing.json()], [404, { error: 'Order not found' }]);
      t.equal((await cancel(alice, 777777)).statusCode, 404);
    });

    t.test('cancel: a placed order once; again is 409', async (t) => {
      const placed = (await order(alice, { items: [{ productId: lamp, quantity: 1 }] })).json();
      const res = await cancel(alice, placed.id);
      t.equal(res.statusCode, 200);
      t.same(res.json(), { ...placed, status: 'cancelled' });
      t.equal((await one(alice, placed.id)).json().status, 'cancelled', 'read back without waiting');
      t.ok((await list(alice)).json().orders.some((o: { id: number; status: string }) => o.id === placed.id && o.status === 'cancelled'));
      const again = await cancel(alice, placed.id);
      t.equal(again.statusCode, 409);
      t.same(again.json(), { error: 'Order already cancelled' });

      const racer = (await order(alice, { items: [{ productId: lamp, quantity: 1 }] })).json();
      const racing = await Promise.all(Array.from({ length: 5 }, () => cancel(alice, racer.id)));
      t.same(racing.map((r) => r.statusCode).sort(), [200, 409, 409, 409, 409], 'concurrent cancels: exactly one wins');
      t.same((await readLog(dataDir, `order-${racer.id}`)).map((e) => e.type), ['OrderPlaced', 'OrderCancelled']);
    });

    t.test('bad order ids are 400 "Invalid order ID"', async (t) => {
      for (const id of ['abc', '0', '1.5', '-2', '1e2', '99999999999999999999']) {
        for (const res of [await one(alice, id), await cancel(alice, id)]) {
          t.equal(res.statusCode, 400, id);
          t.same(res.json(), { error: 'Invalid order ID' });
        }
      }
    });

    t.test('order ids are allocated in order', async (t) => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => order(bob, { items: [{ productId: lamp, quantity: 1 }] })),
      );
      const ids = results.map((r) => r.json().id as number);
      t.equal(new Set(ids).size, 8, 'distinct');
      const next = (await order(bob, { items: [{ productId: lamp, quantity: 1 }] })).json().id;
      t.ok(ids.every((id) => id < next), 'a later order has a higher id');
    });
  });
}
