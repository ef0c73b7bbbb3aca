// The data keys and the store that seals personal fields: both key backends
// (SQLite, and EventStoreDB on the emulator) keep one key per owner, let the
// first of two racing writers win, and forget a destroyed key for good; the
// SQLite file keeps no byte of it; a second instance never uses a destroyed
// key from its cache; sealed parts are bound to their stream and event type.
import t, { type Test } from 'tap';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { DataKeys, keyEncryptionKey } from '../../src/infra/keystore/data-keys.js';
import { openEsdbKeyBackend } from '../../src/infra/keystore/esdb.js';
import { ERASED, openSealedPart, sealEventStore, sealedPartOf, type PersonalFields } from '../../src/infra/keystore/sealed-store.js';
import { typesToOpen } from '../../projections/apply.js';
import { allProjections } from '../../projections/index.js';
import { openSqliteKeyBackend } from '../../src/infra/keystore/sqlite.js';
import { KeyDestroyedError, type KeyBackend } from '../../src/infra/keystore/types.js';
import { startEmulator } from '../support/esdb-emulator.js';
import { tempDir } from '../support/app.js';
import { loadConfig } from '../../src/config.js';

const backends: { name: string; open(t: Test): Promise<() => KeyBackend> }[] = [
  {
    name: 'sqlite',
    async open(t) {
      const file = join(tempDir(t), 'keys', 'data-keys.sqlite');
      return () => openSqliteKeyBackend(file);
    },
  },
  {
    name: 'eventstoredb (emulator)',
    async open(t) {
      const emulator = await startEmulator({ batchAppend: true });
      t.teardown(() => emulator.stop());
      return () => openEsdbKeyBackend(emulator.url);
    },
  },
];

for (const backend of backends) {
  t.test(`${backend.name} key backend`, async (t) => {
    const open = await backend.open(t);
    const one = open();
    const two = open();
    t.teardown(async () => {
      await one.close();
      await two.close();
    });
    t.same(await one.read('7'), { state: 'absent' });
    const [a, b] = await Promise.all([one.create('7', Buffer.from('first')), two.create('7', Buffer.from('second'))]);
    t.same(a, b, 'two racing creators end up with the same key');
    t.equal((await two.read('7')).state, 'live', 'the other instance reads it');
    t.same(await one.create('7', Buffer.from('third')), a, 'an existing key is never replaced');
    await one.destroy('7');
    t.same(await two.read('7'), { state: 'destroyed' }, 'destroyed for every instance');
    t.same(await two.create('7', Buffer.from('again')), { state: 'destroyed' }, 'a destroyed owner never gets a key again');
    await two.destroy('7');
    await one.destroy('8');
    t.same(await one.read('8'), { state: 'destroyed' }, 'an owner without a key can be destroyed too');
    t.equal((await one.read('9')).state, 'absent', 'other owners are untouched');
  });
}

t.test('sqlite: a destroyed key leaves no byte in any file (database, WAL, shared memory)', async (t) => {
  const dir = tempDir(t);
  const backend = openSqliteKeyBackend(join(dir, 'data-keys.sqlite'));
  t.teardown(() => backend.close());
  const wrapped = randomBytes(60);
  const other = randomBytes(60);
  await backend.create('1', wrapped);
  await backend.create('2', other);
  const everything = () => Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
  t.ok(everything().includes(wrapped), 'control: the key is on disk while it lives');
  await backend.destroy('1');
  t.notOk(everything().includes(wrapped), 'gone from every file once destroyed');
  t.ok(everything().includes(other) || (await backend.read('2')).state === 'live', 'the other key stays');
});

function keysOn(backend: KeyBackend, secret = 'k'.repeat(40)) {
  return new DataKeys(backend, keyEncryptionKey(secret));
}

t.test('data keys: wrapped under the key-encryption key, cached, and never served once destroyed', async (t) => {
  const file = join(tempDir(t), 'keys.sqlite');
  const backendA = openSqliteKeyBackend(file);
  const backendB = openSqliteKeyBackend(file);
  const a = keysOn(backendA);
  const b = keysOn(backendB);
  t.teardown(async () => {
    await a.close();
    await b.close();
  });
  const key = await a.forWriting('5');
  t.equal(key.length, 32, 'a 256-bit key');
  const stored = await backendA.read('5');
  t.ok(stored.state === 'live' && !stored.wrapped.includes(key), 'the backend holds it wrapped, not in the clear');
  t.same(await b.forReading('5'), key, 'another instance unwraps the same key');
  const wrongSecret = keysOn(openSqliteKeyBackend(file), 'x'.repeat(40));
  await t.rejects(wrongSecret.forReading('5'), 'without DATA_KEY_SECRET the key does not unwrap');
  await wrongSecret.close();

  // Instance A destroys the key; B still holds it in its cache.
  await a.destroy('5');
  t.equal(await a.forReading('5'), null, 'gone on the instance that destroyed it');
  b.forget('5'); // what B's sealing store does when it reads the deletion from the log
  t.equal(await b.forReading('5'), null, 'gone on the other instance once it saw the deletion');
  await t.rejects(b.forWriting('5'), KeyDestroyedError, 'nothing can be sealed for an erased owner');
  const fresh = keysOn(openSqliteKeyBackend(file));
  t.equal(await fresh.forReading('5'), null, 'a new instance (a restart) finds it destroyed');
  await fresh.close();
});

const PERSONAL: PersonalFields = {
  sealed: { Said: { owner: 'userId', fields: ['name', 'words'] }, Heard: { owner: 'userId', fields: ['name', 'words'] } },
  erasures: { Gone: 'userId' },
};

async function sealedLog(t: Test): Promise<{
  raw: EventStore;
  log: EventStore;
  keys: DataKeys;
  other: (options?: { now?: () => number }) => EventStore;
}> {
  const dir = tempDir(t);
  const raw = await openEmbeddedEventStore({ dir: join(dir, 'events') });
  const keys = keysOn(openSqliteKeyBackend(join(dir, 'keys.sqlite')));
  const second: DataKeys[] = [];
  t.teardown(async () => {
    await keys.close();
    for (const k of second) await k.close();
    await raw.close();
  });
  return {
    raw,
    keys,
    log: sealEventStore(raw, keys, PERSONAL),
    other(options = {}) {
      const k = new DataKeys(openSqliteKeyBackend(join(dir, 'keys.sqlite')), keyEncryptionKey('k'.repeat(40)), options);
      second.push(k);
      return sealEventStore(raw, k, PERSONAL);
    },
  };
}

const said = (userId: number, name: string, words: string) => ({ id: randomUUID(), type: 'Said', data: { userId, name, words, at: 'now' } });

t.test('sealed store: personal fields encrypted, the rest readable, opened on read', async (t) => {
  const { raw, log } = await sealedLog(t);
  await log.append('talk-1', [said(1, 'Ada', 'hello there'), said(1, 'Ada', 'hello there')], 'no_stream');
  const [first, second] = await raw.readStream('talk-1');
  t.same(Object.keys(first!.data).sort(), ['at', 'sealed', 'userId'], 'on disk: ids and times readable, the rest in one part');
  t.notMatch(JSON.stringify(first!.data), /Ada|hello/);
  t.not((first!.data.sealed as { c: string }).c, (second!.data.sealed as { c: string }).c, 'a fresh nonce each time: equal data, different ciphertext');
  t.same((await log.readStream('talk-1')).map((e) => e.data), [
    { userId: 1, name: 'Ada', words: 'hello there', at: 'now' },
    { userId: 1, name: 'Ada', words: 'hello there', at: 'now' },
  ]);
  const all = [];
  for await (const e of log.readAll()) all.push(e.data.name);
  t.same(all, ['Ada', 'Ada'], 'readAll opens too');

  // Bound to stream and type: the same part under another stream does not open.
  await raw.append('talk-2', [{ id: randomUUID(), type: 'Said', data: first!.data }], 'no_stream');
  await t.rejects(log.readStream('talk-2'), 'a sealed part moved to another stream fails authentication');

  // Written before sealing existed: passes through as it is.
  await raw.append('talk-3', [said(2, 'Old', 'plain')], 'no_stream');
  t.match((await log.readStream('talk-3'))[0]!.data, { name: 'Old', words: 'plain' }, 'old events stay readable');
});

t.test('sealed store: a reader that needs only some types opened gets the others as stored, and opens one later by its stream and type', async (t) => {
  const { log, keys } = await sealedLog(t);
  await log.append('talk-1', [said(1, 'Ada', 'kept words'), said(1, 'Ada', 'open words'), { id: randomUUID(), type: 'Other', data: { userId: 1, name: 'Ada', at: 'now' } }], 'no_stream');
  // Written as another type that is sealed too: a reader that needs it opened gets it opened.
  const openOnly = new Set(['Heard', 'Other']);
  await log.append('talk-1', [{ id: randomUUID(), type: 'Heard', data: { userId: 1, name: 'Bea', words: 'opened words', at: 'now' } }], 2n);
  const read = [];
  for await (const e of log.readAll({ openOnly })) read.push(e);
  const subscribed = log.subscribe({ openOnly });
  const [batch] = await (async () => {
    for await (const b of subscribed) return [b];
    return [[]];
  })();
  await subscribed.close();
  for (const [how, events] of [['readAll', read], ['subscribe', batch!]] as const) {
    t.ok(sealedPartOf(events[0]!.data), `${how}: a type not asked for arrives sealed`);
    t.notMatch(JSON.stringify(events.slice(0, 2).map((e) => e.data)), /Ada|kept words|open words/, `${how}: nothing personal of it in the clear`);
    t.same(events[2]!.data, { userId: 1, name: 'Ada', at: 'now' }, `${how}: a type with no personal fields as ever`);
    t.match(events[3]!.data, { name: 'Bea', words: 'opened words' }, `${how}: a type asked for arrives opened`);
  }
  const part = sealedPartOf(read[0]!.data)!;
  t.same(await openSealedPart(keys, '1', { stream: 'talk-1', type: 'Said' }, part), { name: 'Ada', words: 'kept words' }, 'opened later with its owner\'s key');
  t.same(await openSealedPart(keys, '1', { stream: 'talk-1', type: 'Said' }, part), { name: 'Ada', words: 'kept words' }, 'and again (kept opened: the checks below run against the kept copy)');
  await t.rejects(openSealedPart(keys, '1', { stream: 'talk-2', type: 'Said' }, part), 'not under another stream');
  await t.rejects(openSealedPart(keys, '1', { stream: 'talk-1', type: 'Other' }, part), 'nor as another type');
  await keys.destroy('1');
  t.equal(await openSealedPart(keys, '1', { stream: 'talk-1', type: 'Said' }, part), null, 'erased: null once the key is destroyed');
});

t.test('projections: the types they need opened, and none that one keeps sealed and another needs open', async (t) => {
  const p = (name: string, handles: string[], keepsSealed?: string[]) => ({ name, handles: new Set(handles), ...(keepsSealed ? { keepsSealed: new Set(keepsSealed) } : {}), apply: () => [] });
  t.same([...typesToOpen([p('a', ['X', 'Y'], ['X']), p('b', ['Y', 'Z'])])].sort(), ['Y', 'Z']);
  t.throws(() => typesToOpen([p('a', ['X'], ['X']), p('b', ['X'])]), /X is kept sealed by a, but another projection needs it open/);
  const open = typesToOpen(allProjections);
  for (const type of ['UserRegistered', 'DataStored', 'DataUpdated', 'DataDeleted', 'PasswordReset', 'UsernameClaimed', 'EmailClaimed']) {
    t.notOk(open.has(type), `the service's projections need no ${type} opened`);
  }
  t.ok(open.has('AccountDeleted'), 'AccountDeleted is opened (sealed only in logs moved by seal-log)');
});

t.test('sealed store: after erasure the fields read as erased, on every instance', async (t) => {
  const { log, keys, other } = await sealedLog(t);
  let clock = 0;
  const b = other({ now: () => clock });
  await log.append('user-1', [said(1, 'Ada', 'secret words')], 'no_stream');
  await log.append('talk-9', [said(9, 'Bob', 'other words')], 'no_stream');
  t.match((await b.readStream('user-1'))[0]!.data, { name: 'Ada' }, 'instance B opened (and cached) the key');
  // Instance A records the erasure and destroys the key.
  await log.append('user-1', [{ id: randomUUID(), type: 'Gone', data: { userId: 1 } }], 0n);
  await keys.destroy('1');
  t.match((await log.readStream('user-1'))[0]!.data, { userId: 1, name: ERASED, words: ERASED }, 'erased on A');
  // B's cached key is fresh, but the deletion is in the batch it reads: noted before anything opens.
  t.match((await b.readStream('user-1'))[0]!.data, { name: ERASED, words: ERASED }, 'B: erased, not opened with its cached key');
  t.match((await b.readStream('talk-9'))[0]!.data, { name: 'Bob' }, 'other owners unaffected');

  // A third instance that never reads the deletion stops using its cached key within the recheck interval.
  const c = other({ now: () => clock });
  await log.append('talk-2', [said(2, 'Cy', 'more words')], 'no_stream');
  t.match((await c.readStream('talk-2'))[0]!.data, { name: 'Cy' }, 'C cached the key of owner 2');
  await keys.destroy('2');
  clock += 1_001;
  t.match((await c.readStream('talk-2'))[0]!.data, { name: ERASED }, 'C: a cached key older than the recheck interval is checked, and found destroyed');
});

t.test('DATA_KEY_SECRET: generated once under DATA_DIR in development, required (>= 32 bytes) in production', async (t) => {
  const dir = tempDir(t);
  const first = loadConfig({ DATA_DIR: dir });
  t.ok(Buffer.byteLength(first.dataKeySecret) >= 32, 'generated');
  t.equal(loadConfig({ DATA_DIR: dir }).dataKeySecret, first.dataKeySecret, 'kept across restarts');
  t.not(first.dataKeySecret, first.otpSecret, 'a secret of its own');
  const production = { NODE_ENV: 'production', DATA_DIR: dir, JWT_SECRET: 'j'.repeat(32), OTP_SECRET: 'o'.repeat(32), MAIL_TRANSPORT: 'outbox' };
  t.throws(() => loadConfig(production), /DATA_KEY_SECRET: is required in production/);
  t.throws(() => loadConfig({ ...production, DATA_KEY_SECRET: 'short' }), /DATA_KEY_SECRET: must be at least 32 bytes/);
  t.equal(loadConfig({ ...production, DATA_KEY_SECRET: 'd'.repeat(32) }).dataKeySecret, 'd'.repeat(32));
});
