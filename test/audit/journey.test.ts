// Audit and time travel, on the embedded store and on EventStoreDB (the
// emulator): a journey through the families (register, a failed sign-in, a
// product created and renamed, ordered, the order cancelled, a D key stored and
// updated, the account deleted), then every entity's history with the request
// that caused each event, its state at moments in between, and the whole log
// as NDJSON with no personal value of the erased account in it.
import t, { type Test } from 'tap';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import type { Config } from '../../src/config.js';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import { openEventStoreDb } from '../../src/infra/eventstore/esdb.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { openEsdbKeyBackend } from '../../src/infra/keystore/esdb.js';
import type { KeyBackend } from '../../src/infra/keystore/types.js';
import { openPersonalData } from '../../src/personal.js';
import { history, parseMoment, statesAt, type AuditRecord, type Subject } from '../../src/audit/history.js';
import { parseInvocation, runAudit } from '../../src/tools/audit.js';
import { build, tempDir, testConfig } from '../support/app.js';
import { startEmulator } from '../support/esdb-emulator.js';

const run = promisify(execFile);

interface Backend {
  name: string;
  open(t: Test, dataDir: string): Promise<{ raw: () => EventStore | Promise<EventStore>; keys: () => KeyBackend | Promise<KeyBackend> | undefined; env: Record<string, string> }>;
}

const backends: Backend[] = [
  {
    name: 'embedded',
    async open(_t, dataDir) {
      return { raw: () => openEmbeddedEventStore({ dir: join(dataDir, 'events') }), keys: () => undefined, env: { EVENTSTORE_URL: '' } };
    },
  },
  {
    name: 'eventstoredb',
    async open(t) {
      const emulator = await startEmulator({ batchAppend: true });
      t.teardown(() => emulator.stop());
      return { raw: () => openEventStoreDb(emulator.url), keys: () => openEsdbKeyBackend(emulator.url), env: { EVENTSTORE_URL: emulator.url } };
    },
  },
];

const START = Date.parse('2026-03-01T09:00:00.000Z');
const who = { username: 'audrey_q7', email: 'audrey.q7@example.com', password: 'correct horse 77', full_name: 'Audrey Quillfeather-Snow', age: 71, gender: 'gender-q7' };
const key = 'diary.q7';
const values = [{ note: 'first-entry-q7' }, { note: 'second-entry-q7' }];
const AGENT = 'journey-agent-q7/1.0';
const personal = [who.username, who.email, who.full_name, who.gender, key, 'first-entry-q7', 'second-entry-q7', AGENT];

/** Runs the tool's library as the command line would, output captured. */
async function auditWith(store: EventStore, names: Parameters<typeof runAudit>[1], args: string[], keys?: Parameters<typeof runAudit>[5]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (c) => (o += c));
  err.on('data', (c) => (e += c));
  const code = await runAudit(store, names, parseInvocation(args), out, err, keys);
  return { code, out: o, err: e };
}
const ndjson = (text: string) => text.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditRecord);

for (const backend of backends) {
  t.test(`audit and time travel, ${backend.name} event store`, async (t) => {
    const dataDir = tempDir(t);
    const store = await backend.open(t, dataDir);
    let clock = START;
    const config: Config = testConfig(dataDir, store.env.EVENTSTORE_URL ? { EVENTSTORE_URL: store.env.EVENTSTORE_URL } : {});
    const raw = await store.raw();
    const keys = await store.keys();
    t.teardown(async () => {
      await keys?.close();
      await raw.close();
    });
    const { app } = await build(t, { config, eventStore: raw, ...(keys ? { keyBackend: keys } : {}), now: () => new Date(clock) });

    // Each step a minute after the last; `moments` are the times between them.
    const moments: Record<string, string> = {};
    const step = async (name: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload: unknown, token?: string) => {
      clock += 60_000;
      const res = await app.inject({
        method,
        url,
        payload: payload as object,
        headers: { 'x-request-id': `req-${name}`, 'user-agent': AGENT, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      moments[`after ${name}`] = new Date(clock + 30_000).toISOString();
      return res;
    };
    moments.start = new Date(START).toISOString();
    t.equal((await step('register', 'POST', '/api/register', { username: who.username, email: who.email, password: who.password, full_name: who.full_name, age: who.age, gender: who.gender })).statusCode, 201);
    t.equal((await step('fail', 'POST', '/api/token', { username: who.username, password: 'not the password' })).statusCode, 401);
    const token = (await step('token', 'POST', '/api/token', { username: who.username, password: who.password })).json().data.access_token as string;
    const product = (await step('create', 'POST', '/products', { name: 'Brass lamp', description: 'old' }, token)).json().id as number;
    t.equal((await step('rename', 'PUT', `/products/${product}`, { name: 'Copper lamp', description: 'new' }, token)).statusCode, 200);
    const order = (await step('order', 'POST', '/orders', { items: [{ productId: product, quantity: 2 }] }, token)).json().id as number;
    t.equal((await step('cancel', 'POST', `/orders/${order}/cancel`, {}, token)).statusCode, 200);
    t.equal((await step('store', 'POST', '/api/data', { key, value: values[0] }, token)).statusCode, 201);
    t.equal((await step('update', 'PUT', `/api/data/${key}`, { value: values[1] }, token)).statusCode, 200);
    const gone = (await step('gone', 'POST', '/products', { name: 'Short-lived', description: 'x' }, token)).json().id as number;
    t.equal((await step('delete-product', 'DELETE', `/products/${gone}`, undefined, token)).statusCode, 200);
    const deleted = await step('delete-account', 'DELETE', '/users/delete-user', { email: who.email, password: who.password });
    t.equal(deleted.json().responseCode, 617, 'the account is deleted');

    // The log as the tool opens it: the same store, a key store of its own (the app's is closed by then).
    const toolKeys = await store.keys();
    const opened = await openPersonalData(config, raw, toolKeys);
    t.teardown(() => opened.dataKeys.close());
    const log = opened.eventStore;
    // Every run of the tool here opens sealed metadata with the key store, as the command line does.
    const audit = (s: EventStore, n: Parameters<typeof runAudit>[1], args: string[]) => auditWith(s, n, args, opened.dataKeys);
    const json = async (args: string[]) => {
      const r = await audit(log, opened.names, [...args, '--json']);
      t.equal(r.code, 0, `${args.join(' ')} exits 0`);
      return ndjson(r.out);
    };
    const userId = (await history(log, opened.names, { kind: 'account', identifier: who.username })).find((e) => e.type === 'UserRegistered')!.data.userId as number;

    t.test('each history lists exactly its events, in order, with the request that caused each', async (t) => {
      const account = await json(['account', String(userId)]);
      t.same(
        account.map((r) => [r.type, r.metadata.requestId]),
        [
          ['UsernameClaimed', 'req-register'],
          ['EmailClaimed', 'req-register'],
          ['UserRegistered', 'req-register'],
          ['SignInFailed', 'req-fail'],
          ['SessionStarted', 'req-token'],
          ['SessionsEnded', 'req-delete-account'],
          ['AccountDeleted', 'req-delete-account'],
          ['UsernameReleased', 'req-delete-account'],
          ['EmailReleased', 'req-delete-account'],
        ],
      );
      const failed = account.find((r) => r.type === 'SignInFailed')!;
      t.same(failed.data, { userId, reason: 'wrong-password', via: 'D', at: new Date(START + 2 * 60_000).toISOString() }, 'why, and nothing about the guess');
      t.match(failed.metadata, { actor: 'anonymous', family: 'D', route: '/api/token' });
      t.same(await json(['account', who.email]), account, 'by email: the same history');
      t.same(await json([who.username]), account, 'a bare identifier is an account');

      const p = await json(['product', String(product)]);
      t.same(p.map((r) => [r.type, r.metadata.requestId, r.metadata.actor, r.metadata.route]), [
        ['ProductCreated', 'req-create', String(userId), '/products'],
        ['ProductUpdated', 'req-rename', String(userId), '/products/:id'],
      ]);
      t.same(p.map((r) => r.data.name), ['Brass lamp', 'Copper lamp']);
      const o = await json(['order', String(order)]);
      t.same(o.map((r) => [r.type, r.metadata.requestId]), [
        ['OrderPlaced', 'req-order'],
        ['OrderCancelled', 'req-cancel'],
      ]);
      const d = await json(['data', who.username, key]);
      t.same(d.map((r) => [r.type, r.metadata.requestId, r.stream.startsWith(`data-${userId}-`)]), [
        ['DataStored', 'req-store', true],
        ['DataUpdated', 'req-update', true],
      ]);
      t.notOk(d.some((r) => 'key' in r.data || 'value' in r.data), "the erased account's key and value are left out");
      t.same(await json(['data', String(userId), key]), d, 'by account id: the same key');
      const other = await audit(log, opened.names, ['data', String(userId), 'other.key']);
      t.match(other, { code: 1, out: '', err: /^no key "other.key" of an account/ }, 'another key has no history: exit 1');

      const text = await audit(log, opened.names, ['product', String(product)]);
      t.match(text.out, /^History of product \d+ \(\S+ event store\), oldest first:\n\S+  #0  product \d+ created as "Brass lamp" \("old"\) by user \d+\n\S+  #1  product \d+ changed to "Copper lamp"/);
      const typed = await json(['account', String(userId), '--type', 'SignInFailed,SessionStarted']);
      t.same(typed.map((r) => r.type), ['SignInFailed', 'SessionStarted'], '--type filters');
      const window = await json(['account', String(userId), '--since', moments['after register']!, '--until', moments['after token']!]);
      t.same(window.map((r) => r.type), ['SignInFailed', 'SessionStarted'], '--since and --until filter by time');
    });

    t.test('state at T, folded with the commands own evolve', async (t) => {
      const at = async (subject: Subject, moment: string) => {
        const states = await statesAt(log, opened.names, subject, parseMoment(moment)!);
        t.equal(states.length, 1, `one state of ${subject.kind}`);
        return states[0]!;
      };
      const p = { kind: 'product', id: product } as const;
      const o = { kind: 'order', id: order } as const;
      // given the journey, when asked before creation, then: it did not exist yet.
      t.match(await at(p, moments.start!), { status: 'did not exist yet', state: null, events: 0 });
      t.match(await at(o, moments['after rename']!), { status: 'did not exist yet', state: null });
      // between creation and rename: the old name.
      t.match(await at(p, moments['after create']!), { status: 'active', state: { name: 'Brass lamp', description: 'old', ownerId: userId }, events: 1 });
      // between the rename and the cancel: the new name, and the order open with the name it was ordered under.
      t.match(await at(p, moments['after order']!), { status: 'active', state: { name: 'Copper lamp' }, events: 2 });
      t.match(await at(o, moments['after order']!), { status: 'placed', state: { items: [{ productId: product, name: 'Copper lamp', quantity: 2 }] } });
      t.match(await at(o, moments['after cancel']!), { status: 'cancelled' });
      // a deleted product shows as deleted.
      t.match(await at({ kind: 'product', id: gone }, moments['after gone']!), { status: 'active', state: { name: 'Short-lived' } });
      t.match(await at({ kind: 'product', id: gone }, moments['after delete-account']!), { status: 'deleted' });
      // a D key: absent, stored, updated; its value erased with the account.
      const d = { kind: 'data', account: String(userId), key } as const;
      t.match(await at(d, moments['after cancel']!), { status: 'did not exist yet' });
      const stored = await at(d, moments['after update']!);
      t.match(stored, { status: 'stored', events: 2 });
      t.same(stored.state, {}, 'the erased value is left out');
      // the account: signed in, then deleted; no personal value either way.
      const before = await at({ kind: 'account', identifier: String(userId) }, moments['after token']!);
      t.match(before, { status: 'active', state: { userId, openSessions: 1 } });
      t.notOk('username' in before.state! || 'email' in before.state!, 'erased: no username or email');
      t.match(await at({ kind: 'account', identifier: who.username }, moments['after delete-account']!), { status: 'deleted', state: { openSessions: 0 } });
      t.match(await at({ kind: 'account', identifier: String(userId) }, moments.start!), { status: 'did not exist yet' });

      // A log position works as a moment too: the rename's position shows the new name, one before it the old.
      const [created, renamed] = await json(['product', String(product)]);
      t.match(await at(p, renamed!.position), { state: { name: 'Copper lamp' } });
      t.match(await at(p, created!.position), { state: { name: 'Brass lamp' } });

      const text = await audit(log, opened.names, ['product', String(product), '--at', moments['after create']!]);
      t.equal(text.code, 0);
      t.match(text.out, new RegExp(`^product ${product} at ${moments['after create']}: active \\(after 1 event, last at log position \\d+/\\d+\\)\\n  productId: ${product}\\n  ownerId: ${userId}\\n  name: "Brass lamp"\\n`));
      const none = await audit(log, opened.names, ['order', '99999', '--at', moments.start!]);
      t.match(none.out, /order 99999 at .*: did not exist yet/);
    });

    t.test('the whole log as NDJSON: every line parses, in log order, no secret and no personal value of the erased account', async (t) => {
      const r = await audit(log, opened.names, ['log', '--json']);
      t.equal(r.code, 0);
      const lines = r.out.trimEnd().split('\n');
      const records = lines.map((l) => JSON.parse(l) as AuditRecord);
      t.equal(records.length, 21, 'every event of the journey: 9 of the account, 4 id allocations, 4 of the two products, 2 of the order, 2 of the key');
      for (const rec of records) {
        t.same(Object.keys(rec), ['position', 'stream', 'revision', 'time', 'type', 'summary', 'data', 'metadata']);
      }
      const positions = records.map((rec) => rec.position.split('/').map(BigInt));
      t.ok(positions.every((p, i) => i === 0 || p[0]! > positions[i - 1]![0]! || (p[0] === positions[i - 1]![0] && p[1]! > positions[i - 1]![1]!)), 'log order');
      for (const value of personal) t.notOk(r.out.includes(value), `no ${value.slice(0, 4)}…`);
      t.notMatch(r.out, /\$argon2|passwordHash|sessionKey|codeKey|"sealed"/, 'no hashes, HMACs or sealed parts');
      t.notOk(r.out.includes('not the password'), 'the wrong guess is nowhere');
      const text = await audit(log, opened.names, ['log', '--type', 'ProductUpdated']);
      t.match(text.out.trimEnd().split('\n'), [/^\S+  \d+\/\d+  product-\d+  product \d+ changed to "Copper lamp"/]);
      const account = await audit(log, opened.names, ['account', String(userId)]);
      for (const value of personal) t.notOk(account.out.includes(value), `account text: no ${value.slice(0, 4)}…`);
      t.match(account.out, /registered as \[erased\] \(via D\)/);
    });

    t.test("the client's address and user agent: sealed under the signed-in account's key, gone with it, never for anonymous requests", async (t) => {
      const rawText: string[] = [];
      let sealedClients = 0;
      for await (const e of raw.readAll()) {
        rawText.push(JSON.stringify([e.data, e.metadata]));
        if (e.metadata.client) {
          sealedClients += 1;
          t.match(e.metadata.client, { v: 1, o: String(userId), n: String, c: String }, `${e.type}: a sealed part`);
          t.not(e.metadata.actor, 'anonymous');
        }
        if (e.metadata.actor === 'anonymous') t.notOk('client' in e.metadata, `${e.type} (anonymous): no client`);
      }
      t.equal(sealedClients, 11, 'each event of a signed-in request: 2 products (id, created; updated; deleted), the order (id, placed, cancelled), the key (stored, updated)');
      t.notOk(rawText.join('\n').includes(AGENT), 'the user agent is nowhere in the log in the clear');
      const records = await json(['product', String(product)]);
      t.notOk(records.some((r) => 'client' in r.metadata), 'the account is erased: its clients are gone from the audit');
    });

    t.test('the command line, from the store the configuration names (one run: it starts a process)', async (t) => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/tools/audit.ts', 'order', String(order), '--json'], {
        env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', ...store.env },
      });
      t.same(ndjson(stdout), await json(['order', String(order)]));
    });
  });
}

t.test('usage: --help exits 0 with the usage on stdout; bad input exits 2 with it on stderr', async (t) => {
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/tools/audit.ts', ...args], { env: { ...process.env, NODE_ENV: 'test' } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  const help = await cli(['--help']);
  t.equal(help.code, 0);
  t.match(help.stdout, /^usage: npm run -s audit -- <subject> \[options\]/);
  t.equal(help.stderr, '');
  for (const args of [['--colour'], ['frob', '12'], ['product', 'twelve'], ['order', '1', '--at', 'yesterday'], ['log', '--at', '2026-01-01'], []]) {
    const bad = await cli(args);
    t.equal(bad.code, 2, `${JSON.stringify(args)} exits 2`);
    t.equal(bad.stdout, '', 'nothing on stdout');
    t.match(bad.stderr, /^audit: .+\n\nusage: /, 'the problem, then the usage');
  }
});

t.test('the command line parses what it is given, and refuses the rest', async (t) => {
  t.match(parseInvocation(['product', '7', '--at', '2026-03-01T09:05:00Z', '--json']), { subject: { kind: 'product', id: 7 }, json: true, at: { time: new Date('2026-03-01T09:05:00Z') } });
  t.match(parseInvocation(['order', '3', '--at', '120/118']), { at: { position: { commit: 120n, prepare: 118n } } });
  t.match(parseInvocation(['data', 'ann', 'a:b', '--type', 'DataStored', '--type', 'DataUpdated']), { subject: { kind: 'data', account: 'ann', key: 'a:b' }, filter: { types: ['DataStored', 'DataUpdated'] } });
  t.match(parseInvocation(['ann@example.com']), { subject: { kind: 'account', identifier: 'ann@example.com' }, legacy: true });
  for (const bad of [['product'], ['product', '0'], ['data', 'ann'], ['log', 'extra'], ['account'], ['order', '1', '--since', 'monday']]) {
    t.throws(() => parseInvocation(bad), { name: 'Error' }, JSON.stringify(bad));
  }
});
