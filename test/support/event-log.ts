// Reads a test app's embedded event log through a second handle on the same
// SQLite file, so tests can check what was recorded.
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { RecordedEvent } from '../../src/infra/eventstore/types.js';

export async function readLog(dataDir: string, stream: string): Promise<RecordedEvent[]> {
  const store = await openEmbeddedEventStore({ dir: join(dataDir, 'events') });
  try {
    return await store.readStream(stream);
  } finally {
    await store.close();
  }
}
