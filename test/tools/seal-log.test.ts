// npm run seal-log: a small log in the form written before personal data was
// sealed (plain fields, claim and D streams named by the values) copied into a
// fresh store: afterwards no personal value is left in the clear in the copy,
// the service runs on it (sign-in, D data), and an account deleted before the
// copy is erased in it.
import t from 'tap';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import argon2 from 'argon2';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import { build, tempDir, testConfig } from '../support/app.js';
import { openPersonalData } from '../../src/personal.js';
import { createMemoryReadStore } from '../../src/infra/readstore/memory.js';
import { replay } from '../../projections/replay.js';
import { allProjections } from '../../projections/index.js';
import { findValue } from '../../src/data/queries.js';

const run = promisify(execFile);
const at = '2026-01-01T00:00:00.000Z';
const ev = (type: string, data: Record<string, unknown>) => ({ id: randomUUID(), type, data: { ...data, at } });

/** What the service wrote before this change, for two accounts: kept (with a D key) and gone (deleted). */
async function oldLog(store: EventStore): Promise<void> {
  const hash = await argon2.hash('old-password-1', { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 });
  await store.append('ids-user', [ev('UserIdAllocated', {}), ev('UserIdAllocated', {})], 'no_stream');
  await store.append('username-keeper_qx', [ev('UsernameClaimed', { userId: 1, username: 'Keeper_QX' })], 'no_stream');
  await store.append('email-keeper.qx@oldmail.example', [ev('EmailClaimed', { userId: 1, email: 'keeper.qx@oldmail.example' })], 'no_stream');
  await store.append('user-1', [ev('UserRegistered', {
    userId: 1, username: 'Keeper_QX', email: 'keeper.qx@oldmail.example', passwordHash: hash, mustVerifyEmail: false,
    profile: { full_name: 'Keeper Quixley-Old', gender: 'gq-old' }, via: 'D',
  })], 'no_stream');
  await store.append('data-1-notes_qx', [ev('DataStored', { userId: 1, key: 'notes_qx', value: 'Hollyhock Marzipan' })], 'no_stream');
  await store.append('username-goner_qx', [ev('UsernameClaimed', { userId: 2, username: 'goner_qx' })], 'no_stream');
  await store.append('user-2', [ev('UserRegistered', {
    userId: 2, username: 'goner_qx', email: null, passwordHash: hash, mustVerifyEmail: false,
    profile: { phoneNumber: '5550177001' }, via: 'C',
  })], 'no_stream');
  await store.append('data-2-diary_qx', [ev('DataStored', { userId: 2, key: 'diary_qx', value: 'Snapdragon Quartermaine' })], 'no_stream');
  await store.append('user-2', [ev('AccountDeleted', { userId: 2, username: 'goner_qx', email: null, via: 'B' })], 0n);
  await store.append('username-goner_qx', [ev('UsernameReleased', { userId: 2 })], 0n);
}

const KEPT = ['Keeper_QX', 'keeper_qx', 'keeper.qx@oldmail.example', 'Keeper Quixley-Old', 'gq-old', 'notes_qx', 'Hollyhock Marzipan', '$argon2'];
const GONE = ['goner_qx', '5550177001', 'diary_qx', 'Snapdragon Quartermaine'];

const bytesUnder = (dir: string): Buffer =>
  Buffer.concat(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => readFileSync(join(f.parentPath, f.name))));

t.test('an old log copied into today\'s form', async (t) => {
  const sourceDir = tempDir(t);
  const source = await openEmbeddedEventStore({ dir: join(sourceDir, 'events') });
  await oldLog(source);
  await source.close();
  t.ok(bytesUnder(join(sourceDir, 'events')).includes(Buffer.from('Hollyhock Marzipan')), 'control: the old log holds personal data in the clear');

  const targetDir = tempDir(t);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/tools/seal-log.ts'], {
    env: { ...process.env, DATA_DIR: sourceDir, TARGET_DATA_DIR: targetDir, NODE_ENV: 'test', EVENTSTORE_URL: '' },
  });
  t.match(stdout, /copied 11 events; 1 deleted accounts erased in the copy/);
  const copied = bytesUnder(join(targetDir, 'events'));
  for (const value of [...KEPT, ...GONE]) t.notOk(copied.includes(Buffer.from(value)), `not in the copy in the clear: ${value}`);
  t.notOk(bytesUnder(targetDir).includes(Buffer.from('Snapdragon Quartermaine')), 'nothing of the deleted account anywhere under the target');

  // The service runs on the copy.
  const { app } = await build(t, { dataDir: targetDir, config: testConfig(targetDir) });
  const token = await app.inject({ method: 'POST', url: '/api/token', payload: { username: 'keeper_qx', password: 'old-password-1' } });
  t.equal(token.statusCode, 200, 'the kept account signs in (its claim found under the new stream name)');
  const auth = { authorization: `Bearer ${token.json().data.access_token}` };
  const notes = await app.inject({ method: 'GET', url: '/api/data/notes_qx', headers: auth });
  t.equal(notes.json().data.value, 'Hollyhock Marzipan', 'its D data is there');
  const taken = await app.inject({ method: 'POST', url: '/api/register', payload: { username: 'KEEPER_qx', email: 'x.qx@example.com', password: 'password-123', full_name: 'X', gender: 'x' } });
  t.equal(taken.json().code, 'USERNAME_EXISTS', 'its username is still taken');
  const again = await app.inject({ method: 'POST', url: '/auth/create', payload: { username: 'goner_qx', email: 'goner.qx@example.com', password: 'password-123' } });
  t.equal(again.statusCode, 201, 'the deleted account\'s name is free');
  const auditStdout = (await run(process.execPath, ['--import', 'tsx', 'src/tools/audit.ts', '2'], {
    env: { ...process.env, DATA_DIR: targetDir, NODE_ENV: 'test', EVENTSTORE_URL: '' },
  })).stdout;
  t.match(auditStdout, /registered as \[erased\] \(via C\)/, 'the deleted account reads as erased');
  t.notMatch(auditStdout, /goner_qx|5550177001/);
});

t.test('an old log read as it is: its D values, kept in the clear, are found by their key', async (t) => {
  const dir = tempDir(t);
  const raw = await openEmbeddedEventStore({ dir: join(dir, 'events') });
  await oldLog(raw);
  const personal = await openPersonalData(testConfig(dir), raw);
  t.teardown(async () => {
    await personal.dataKeys.close();
    await raw.close();
  });
  const readStore = createMemoryReadStore();
  await replay({ eventStore: personal.eventStore, readStore, projections: allProjections });
  const svc = { readStore, names: personal.names, dataKeys: personal.dataKeys };
  t.same(await findValue(svc, 1, 'notes_qx'), { value: 'Hollyhock Marzipan' }, 'an unsealed D value reads back by its key');
  t.equal(await findValue(svc, 1, 'diary_qx'), undefined, "another account's key is not the caller's");
  t.equal(await findValue(svc, 2, 'diary_qx'), undefined, "a deleted account's key is gone with it");
});
