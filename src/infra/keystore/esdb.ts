// The key backend on EventStoreDB, so that every instance shares the keys: one
// stream per owner, `datakey-<owner>`, holding one `$DataKey` event (the `$`
// type keeps it out of the log our projections read). Destroying a key
// tombstones (hard-deletes) the stream: every instance reads it as deleted at
// once, and it can never be written again. The bytes leave the server's disks
// only when an operator runs a scavenge (README, "Erasure"); until then they
// are wrapped under DATA_KEY_SECRET, which the database never sees.
import {
  ANY,
  EventStoreDBClient,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
} from '@eventstore/db-client';
import { translate } from '../eventstore/esdb.js';
import type { KeyBackend, StoredKey } from './types.js';

const TYPE = '$DataKey';
const stream = (owner: string) => `datakey-${owner}`;

export function openEsdbKeyBackend(url: string): KeyBackend {
  const client = EventStoreDBClient.connectionString(url);

  async function read(owner: string): Promise<StoredKey> {
    try {
      // Read to the end (one event): a call left half-consumed keeps the client from closing.
      let found: Buffer | null = null;
      for await (const resolved of client.readStream<{ type: string; data: { wrapped: string } }>(stream(owner), {
        maxCount: 1,
      })) {
        const e = resolved.event;
        if (e && e.type === TYPE) found = Buffer.from(e.data.wrapped, 'base64');
      }
      if (found) return { state: 'live', wrapped: found };
      return { state: 'absent' };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { state: 'absent' };
      if (error instanceof StreamDeletedError) return { state: 'destroyed' };
      // The log unreachable: the request answers 503 like any other command, not 500.
      throw translate(error);
    }
  }

  return {
    kind: 'eventstoredb',
    read,
    async create(owner, wrapped) {
      try {
        await client.appendToStream(
          stream(owner),
          jsonEvent({ type: TYPE, data: { wrapped: wrapped.toString('base64') } }),
          { expectedRevision: NO_STREAM },
        );
      } catch (error) {
        if (error instanceof StreamDeletedError) return { state: 'destroyed' };
        // Another instance made the key first: use theirs.
        if (!(error instanceof WrongExpectedVersionError)) throw translate(error);
      }
      return read(owner);
    },
    async destroy(owner) {
      try {
        await client.tombstoneStream(stream(owner), { expectedRevision: ANY });
      } catch (error) {
        if (!(error instanceof StreamDeletedError)) throw translate(error);
      }
    },
    async close() {
      await client.dispose();
      // dispose() ends the calls but leaves the channel (and its connection) open (as in eventstore/esdb.ts).
      try {
        (await (client as unknown as { getChannel(): Promise<{ close(): void }> }).getChannel()).close();
      } catch {
        // No channel was ever made.
      }
    },
  };
}
