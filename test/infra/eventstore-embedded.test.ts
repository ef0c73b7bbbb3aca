// The contract suite against the embedded SQLite store, a fresh directory per test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import { eventStoreContract } from './eventstore-contract.js';

eventStoreContract(t, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chronicle-embedded-'));
  const store = await openEmbeddedEventStore({ dir });
  return {
    store,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
