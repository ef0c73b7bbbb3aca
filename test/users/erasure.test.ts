// Forgetting a person (API-CONTRACT.md, "Personal data and erasure"): a
// journey through every family with distinctive personal data, then a scan of
// every byte the service keeps. Before deletion the event log holds none of it
// in the clear; after deletion and a restart, nothing of the deleted accounts
// is left anywhere (DATA_DIR's files with WAL and journal, every Redis key and
// value, the server log), while every other account is intact and signs in.
// Once on the embedded store, once on EventStoreDB (the emulator, $all read
// back raw).
import t, { type Test } from 'tap';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { EventStoreDBClient } from '@eventstore/db-client';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import { openEventStoreDb } from '../../src/infra/eventstore/esdb.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { openEsdbKeyBackend } from '../../src/infra/keystore/esdb.js';
import type { KeyBackend } from '../../src/infra/keystore/types.js';
import { openRedisReadStore } from '../../src/infra/readstore/redis.js';
import { openPersonalData } from '../../src/personal.js';
import { LogCapture, REDIS_URL, tempDir, testConfig } from '../support/app.js';
import { deletePrefix } from '../support/redis-cleanup.js';
import { compareWithReplay } from '../support/replay-check.js';
import { smtpSink } from '../support/smtp-sink.js';
import { startEmulator } from '../support/esdb-emulator.js';

/** One person per family, each with values found nowhere else. `tag` keeps victims and survivors apart. */
function people(tag: string) {
  return {
    a: { username: `pere_${tag}_grinus`, email: `peregrinus.${tag}@wildmail.example`, password: `pw-a-${tag}-1` },
    b: { username: `thadd_${tag}_eus`, email: `thaddeus.${tag}@wildmail.example`, password: `pw-b-${tag}-1` },
    c: {
      username: `cyr_${tag}_ano`,
      email: `cyrano.${tag}@wildmail.example`,
      password: `pw-c-${tag}-1`,
      phoneNumber: tag === 'victim' ? '5550199427' : '5550188316',
      address: { street: `17 Quillfeather ${tag} Lane`, city: `Marrow${tag}dale` },
    },
    d: {
      username: `otto_${tag}_line`,
      email: `ottoline.${tag}@wildmail.example`,
      password: `pw-d-${tag}-1`,
      full_name: `Ottoline ${tag} Vexcombe-Farrow`,
      age: tag === 'victim' ? 87 : 63,
      gender: `gender-${tag}-zq`,
      key: `diary_${tag}_zq`,
      value: { text: `my diary, Plumbago ${tag} Vermillion` },
    },
  };
}
type People = ReturnType<typeof people>;

/** Every personal value of one set of people, as it would appear in bytes in the clear. */
function personalValues(p: People): string[] {
  return [
    ...[p.a, p.b, p.c, p.d].flatMap((x) => [x.username, x.username.toLowerCase(), x.email]),
    p.c.phoneNumber,
    p.c.address.street,
    p.c.address.city,
    p.d.full_name,
    `"age":${p.d.age}`,
    p.d.gender,
    p.d.key,
    p.d.value.text,
  ];
}

async function journey(app: FastifyInstance, p: People, code: (email: string) => string): Promise<Record<string, string>> {
  const call = async (method: 'POST' | 'GET' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const tokens: Record<string, string> = {};
  await call('POST', '/register', { username: p.a.username, email: p.a.email, password: p.a.password });
  tokens.a = (await call('POST', '/login', { username: p.a.username, password: p.a.password })).access_token;

  await call('POST', '/users/register', { username: p.b.username, email: p.b.email, password: p.b.password });
  await call('POST', '/users/verify-sentcode', { email: p.b.email, password: p.b.password, code: code(p.b.email) });
  tokens.b = (await call('POST', '/users/login', { email: p.b.email, password: p.b.password })).token;

  const { address, ...c } = p.c;
  await call('POST', '/auth/create', { ...c, deliveryAddress: address });
  tokens.c = (await call('POST', '/auth', { username: p.c.username, password: p.c.password })).token;

  const { key, value, ...d } = p.d;
  await call('POST', '/api/register', d);
  tokens.d = (await call('POST', '/api/token', { username: p.d.username, password: p.d.password })).data.access_token;
  const auth = { authorization: `Bearer ${tokens.d}` };
  await call('POST', '/api/data', { key, value: { draft: true } }, auth);
  await call('PUT', `/api/data/${key}`, { value }, auth);
  // Not personal (the issue): products and orders stay, owned by the numeric id.
  const product = await call('POST', '/products', { name: `Lamp ${p.a.username.length}`, description: 'brass' }, auth);
  await call('POST', '/orders', { items: [{ productId: product.id, quantity: 1 }] }, auth);
  return tokens;
}

/** Every byte under `dir` (all files, WAL and journal included), less the development mail outbox. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'outbox') out.push(...filesUnder(path));
    } else out.push({ path, bytes: readFileSync(path) });
  }
  return out;
}

/** Every key and value under the prefix, as one text per key. */
async function redisDump(prefix: string): Promise<{ path: string; bytes: Buffer }[]> {
  const redis = new Redis(REDIS_URL);
  try {
    const out: { path: string; bytes: Buffer }[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'string' ? await redis.get(key)
          : type === 'hash' ? await redis.hgetall(key)
          : type === 'zset' ? await redis.zrange(key, '0', '-1', 'WITHSCORES')
          : type === 'set' ? await redis.smembers(key)
          : type === 'list' ? await redis.lrange(key, 0, -1)
          : null;
        out.push({ path: `redis ${key}`, bytes: Buffer.from(`${key}\n${JSON.stringify(value)}`) });
      }
    } while (cursor !== '0');
    return out;
  } finally {
    redis.disconnect();
  }
}

/** Every record of EventStoreDB's $all, system records included, as the server hands them out. */
async function rawAll(url: string): Promise<{ path: string; bytes: Buffer }[]> {
  const client = EventStoreDBClient.connectionString(url);
  try {
    const out: { path: string; bytes: Buffer }[] = [];
    for await (const resolved of client.readAll({ maxCount: 1_000_000 })) {
      const e = resolved.event;
      if (!e) continue;
      const data = e.isJson ? JSON.stringify(e.data) : Buffer.from(e.data as Uint8Array).toString('utf8');
      const metadata = e.metadata instanceof Uint8Array ? Buffer.from(e.metadata).toString('utf8') : JSON.stringify(e.metadata);
      out.push({ path: `$all ${e.streamId}@${e.revision}`, bytes: Buffer.from(`${e.streamId}\n${e.type}\n${data}\n${metadata}`) });
    }
    return out;
  } finally {
    await client.dispose();
    (await (client as unknown as { getChannel(): Promise<{ close(): void }> }).getChannel()).close();
  }
}

function hits(sources: { path: string; bytes: Buffer }[], values: string[]): string[] {
  const found: string[] = [];
  for (const { path, bytes } of sources) {
    for (const v of values) if (bytes.includes(Buffer.from(v, 'utf8'))) found.push(`${v} in ${path}`);
  }
  return found;
}

const logBytes = (logs: LogCapture[]) => [{ path: 'server log', bytes: Buffer.from(logs.flatMap((l) => l.lines).join('\n')) }];

interface Backend {
  name: string;
  open(t: Test, dataDir: string): Promise<{
    raw: () => Promise<EventStore>;
    keys: () => KeyBackend | undefined;
    /** The log's own bytes: the event store's files, or $all. */
    logBytes: (dataDir: string) => Promise<{ path: string; bytes: Buffer }[]>;
  }>;
}

const backends: Backend[] = [
  {
    name: 'embedded',
    async open(_t, dataDir) {
      return {
        raw: async () => openEmbeddedEventStore({ dir: join(dataDir, 'events') }),
        keys: () => undefined,
        logBytes: async (dir) => filesUnder(join(dir, 'events')),
      };
    },
  },
  {
    name: 'eventstoredb',
    async open(t) {
      const emulator = await startEmulator({ batchAppend: true });
      t.teardown(() => emulator.stop());
      return {
        raw: async () => openEventStoreDb(emulator.url),
        keys: () => openEsdbKeyBackend(emulator.url),
        logBytes: () => rawAll(emulator.url),
      };
    },
  },
];

for (const backend of backends) {
  t.test(`forgetting a person, ${backend.name} event store: a scan of every byte`, async (t) => {
    const dataDir = tempDir(t);
    const store = await backend.open(t, dataDir);
    const prefix = `test:${randomUUID()}:`;
    t.teardown(() => deletePrefix(REDIS_URL, prefix));
    const sink = await smtpSink(t);
    const config: Config = testConfig(dataDir, { REDIS_URL, REDIS_KEY_PREFIX: prefix, SMTP_URL: sink.url, LOG_LEVEL: 'info' });
    const logs: LogCapture[] = [];

    const start = async () => {
      const eventStore = await store.raw();
      const readStore = await openRedisReadStore({ url: REDIS_URL, prefix });
      const keyBackend = store.keys();
      const capture = new LogCapture();
      logs.push(capture);
      const app = await buildApp({ config, eventStore, readStore, logStream: capture, ...(keyBackend ? { keyBackend } : {}) });
      return {
        app,
        eventStore,
        readStore,
        async stop() {
          await app.close();
          await readStore.close();
          await keyBackend?.close();
          await eventStore.close();
        },
      };
    };

    const victim = people('victim');
    const survivor = people('survivor');
    const victimValues = personalValues(victim);
    const survivorValues = personalValues(survivor);

    let running = await start();
    await journey(running.app, victim, (email) => sink.code(email));
    await journey(running.app, survivor, (email) => sink.code(email));

    // The mail log line names the account and the kind of mail, not the address.
    const mailLines = logs[0]!.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'mail sent');
    t.equal(mailLines.length, 2, 'one line per verification mail');
    t.match(mailLines[0], { mail: { kind: 'email-verification-code', accountId: Number } });
    t.notMatch(JSON.stringify(mailLines), /@/, 'no address in it');

    // Before deletion: the read models hold nothing personal in the clear either (accounts without names or
    // profile; D's values sealed under the HMAC of their key, opened when read).
    const redisBefore = await redisDump(prefix);
    t.same(hits(redisBefore, [...victimValues, ...survivorValues]), [], `before deletion: none of ${victimValues.length + survivorValues.length} values in Redis's ${redisBefore.length} keys`);
    const logBefore = await store.logBytes(dataDir);
    const inLogBefore = hits(logBefore, [...victimValues, ...survivorValues, '$argon2']);
    t.same(inLogBefore, [], `before deletion: none of ${victimValues.length + survivorValues.length} values (nor a password hash) in the event log's ${logBefore.length} files/records`);

    // Every victim deletes the account through B's delete-user.
    for (const who of [victim.a, victim.b, victim.c, victim.d]) {
      const res = await running.app.inject({ method: 'DELETE', url: '/users/delete-user', payload: { email: who.email, password: who.password } });
      t.equal(res.json().responseCode, 617, `${who.username} deleted (${res.body})`);
    }
    await running.stop();
    running = await start();

    // Control: a canary planted in each kind of source (Redis, DATA_DIR, the server log, the event log), so a
    // scan that read nothing, or the wrong thing, cannot pass as clean.
    const canaries = ['redis', 'file', 'server-log', 'event-log'].map((where) => `canary-${where}-${randomUUID()}`);
    const redis = new Redis(REDIS_URL);
    await redis.set(`${prefix}canary`, canaries[0]!);
    redis.disconnect();
    writeFileSync(join(dataDir, 'canary.txt'), canaries[1]!);
    running.app.log.info({ note: canaries[2] }, 'canary');
    await running.eventStore.append('canary', [{ id: randomUUID(), type: 'Canary', data: { note: canaries[3] } }], 'no_stream');

    const sources = [...filesUnder(dataDir), ...(await redisDump(prefix)), ...logBytes(logs), ...(await store.logBytes(dataDir))];
    const bytes = sources.reduce((n, s) => n + s.bytes.length, 0);
    const found = hits(sources, victimValues);
    t.same(found, [], `after deletion and a restart: ${bytes} bytes in ${sources.length} files, keys and records scanned for ${victimValues.length} values: 0 hits`);
    t.comment(`scan: ${bytes} bytes, ${sources.length} sources, ${victimValues.length} values searched, ${found.length} hits`);
    t.same(canaries.filter((c) => hits(sources, [c]).length === 0), [], 'control: the planted canary found in Redis, DATA_DIR, the server log and the event log');

    // Every other account is intact and signs in, through every family.
    const { app } = running;
    const s = survivor;
    t.equal((await app.inject({ method: 'POST', url: '/login', payload: { username: s.a.username, password: s.a.password } })).statusCode, 200, 'A signs in');
    t.equal((await app.inject({ method: 'POST', url: '/users/login', payload: { email: s.b.email, password: s.b.password } })).json().responseCode, 609, 'B signs in');
    t.equal((await app.inject({ method: 'POST', url: '/auth', payload: { username: s.c.username, password: s.c.password } })).statusCode, 200, 'C signs in');
    const dToken = (await app.inject({ method: 'POST', url: '/api/token', payload: { username: s.d.username, password: s.d.password } })).json().data.access_token;
    const kept = await app.inject({ method: 'GET', url: `/api/data/${s.d.key}`, headers: { authorization: `Bearer ${dToken}` } });
    t.same(kept.json().data.value, s.d.value, "D's data of another account is intact");

    // The read models equal a replay of the log from the start.
    const personal = await openPersonalData(config, running.eventStore, store.keys());
    for (const model of await compareWithReplay(personal.eventStore, running.readStore)) {
      t.same(model.differences, [], `${model.model}: live equals a replay from the start`);
    }
    await personal.dataKeys.close();

    // The same names again: fresh, empty accounts.
    const again = await app.inject({ method: 'POST', url: '/api/register', payload: { ...victim.d, key: undefined, value: undefined } });
    t.equal(again.statusCode, 201, 'the username and email are free again');
    t.not(again.json().data.user_id, undefined);
    const token = (await app.inject({ method: 'POST', url: '/api/token', payload: { username: victim.d.username, password: victim.d.password } })).json().data.access_token;
    const gone = await app.inject({ method: 'GET', url: `/api/data/${victim.d.key}`, headers: { authorization: `Bearer ${token}` } });
    t.equal(gone.statusCode, 404);
    t.equal(gone.json().code, 'KEY_NOT_FOUND', 'the new account starts empty');
    await running.stop();
  });
}
