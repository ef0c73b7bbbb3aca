// `npm run seal-log`: copies a log written before personal data was sealed
// into a fresh store in today's form. The source is the store the usual
// configuration names (DATA_DIR or EVENTSTORE_URL); the target is
// TARGET_DATA_DIR (an embedded store, its key store beside it) or
// TARGET_EVENTSTORE_URL, and must be empty. DATA_KEY_SECRET must be the one
// the service will run with (the target's keys and stream names derive from
// it); in development the one generated under TARGET_DATA_DIR.
//
// Every event keeps its id, type, time fields and order; on the way:
//  - claim streams `username-<name>` / `email-<address>` and D streams
//    `data-<user>-<key>` get their keyed-HMAC names;
//  - UserRegistered and AccountDeleted record the claim streams' HMACs, and
//    AccountDeleted loses the username and email it used to repeat;
//  - personal fields are sealed under each account's new data key;
//  - accounts deleted in the source have their key destroyed at the end, so
//    their personal data is erased in the target from the start.
// The source is left as it was: destroying it (and its backups) is the
// operator's step, the one that makes the old plaintext go away (README).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openEventStore } from '../stores.js';
import { openEmbeddedEventStore } from '../infra/eventstore/embedded.js';
import type { EventStore, RecordedEvent } from '../infra/eventstore/types.js';
import { isSealed } from '../infra/keystore/sealed-store.js';
import type { KeyedHash } from '../infra/secrets.js';
import { openPersonalData } from '../personal.js';
import { dataStream } from '../data/events.js';
import { emailKey, streams, usernameKey } from '../users/events.js';

/** The event as today's service writes it (before sealing), and the stream it belongs in. */
export function upgradeEvent(
  names: KeyedHash,
  e: Pick<RecordedEvent, 'stream' | 'type' | 'data'>,
  renamed: Map<string, string>,
): { stream: string; data: Record<string, unknown> } {
  const d = e.data;
  if (isSealed(d)) return { stream: renamed.get(e.stream) ?? e.stream, data: d };
  const rename = (to: string) => {
    renamed.set(e.stream, to);
    return to;
  };
  switch (e.type) {
    case 'UsernameClaimed':
      if (typeof d.username === 'string') return { stream: rename(streams.username(usernameKey(names, d.username))), data: d };
      break;
    case 'EmailClaimed':
      if (typeof d.email === 'string') return { stream: rename(streams.email(emailKey(names, d.email))), data: d };
      break;
    case 'DataStored':
    case 'DataUpdated':
    case 'DataDeleted':
      if (typeof d.key === 'string' && typeof d.userId === 'number') {
        return { stream: rename(dataStream(names, d.userId, d.key)), data: d };
      }
      break;
    case 'UserRegistered':
      if (typeof d.username === 'string' && d.usernameKey === undefined) {
        const email = typeof d.email === 'string' ? d.email : null;
        return {
          stream: e.stream,
          data: { ...d, usernameKey: usernameKey(names, d.username), emailKey: email === null ? null : emailKey(names, email) },
        };
      }
      break;
    case 'AccountDeleted':
      if (typeof d.username === 'string') {
        const { username, email, ...rest } = d;
        return {
          stream: e.stream,
          data: { ...rest, usernameKey: usernameKey(names, username), emailKey: typeof email === 'string' ? emailKey(names, email) : null },
        };
      }
      break;
  }
  return { stream: renamed.get(e.stream) ?? e.stream, data: d };
}

/** Copies `source` into the empty `target` store named by `targetConfig`. Returns how many events and erased accounts. */
export async function sealLog(source: EventStore, targetConfig: Config, targetRaw: EventStore): Promise<{ events: number; erased: number }> {
  if ((await targetRaw.headPosition()) !== null) throw new Error('the target store is not empty');
  const target = await openPersonalData(targetConfig, targetRaw);
  const renamed = new Map<string, string>();
  const deleted = new Set<string>();
  let events = 0;
  try {
    for await (const e of source.readAll()) {
      const { stream, data } = upgradeEvent(target.names, e, renamed);
      await target.eventStore.append(stream, [{ id: e.id, type: e.type, data, metadata: e.metadata }], 'any');
      if (e.type === 'AccountDeleted' && typeof e.data.userId === 'number') deleted.add(String(e.data.userId));
      events += 1;
    }
    for (const owner of deleted) await target.dataKeys.destroy(owner);
  } finally {
    await target.dataKeys.close();
  }
  return { events, erased: deleted.size };
}

async function main(): Promise<number> {
  let config: Config;
  let targetConfig: Config;
  try {
    config = loadConfig();
    const targetDir = process.env.TARGET_DATA_DIR;
    const targetUrl = process.env.TARGET_EVENTSTORE_URL;
    if (!targetDir && !targetUrl) throw new ConfigError('TARGET_DATA_DIR', 'name the fresh store to copy into (or TARGET_EVENTSTORE_URL)');
    // The target's secrets as the service will find them: from the environment, or (development) under TARGET_DATA_DIR.
    targetConfig = loadConfig({ ...process.env, DATA_DIR: targetDir ?? config.dataDir, EVENTSTORE_URL: targetUrl ?? '' });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      return 78; // EX_CONFIG
    }
    throw error;
  }
  const source = await openEventStore(config);
  const target = targetConfig.eventStoreUrl
    ? await openEventStore(targetConfig)
    : await openEmbeddedEventStore({ dir: join(targetConfig.dataDir, 'events') });
  try {
    const { events, erased } = await sealLog(source, targetConfig, target);
    process.stdout.write(`copied ${events} events; ${erased} deleted accounts erased in the copy\n`);
    return 0;
  } finally {
    await target.close();
    await source.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`seal-log failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
