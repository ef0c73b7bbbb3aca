// Reads a test app's embedded event log through a second handle on the same
// SQLite file, so tests can check what was recorded: opened as the service
// opens it (personal fields decrypted with the accounts' keys under the same
// DATA_DIR), or raw, as it lies on disk.
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openEmbeddedEventStore } from '../../src/infra/eventstore/embedded.js';
import type { RecordedEvent } from '../../src/infra/eventstore/types.js';
import type { KeyedHash } from '../../src/infra/secrets.js';
import { openPersonalData } from '../../src/personal.js';

/** `stream`: a name, or a function of the service's stream-name HMAC (claim and D streams). */
export async function readLog(
  dataDir: string,
  stream: string | ((names: KeyedHash) => string),
  options: { raw?: boolean } = {},
): Promise<RecordedEvent[]> {
  const raw = await openEmbeddedEventStore({ dir: join(dataDir, 'events') });
  const personal = await openPersonalData(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), raw);
  try {
    const name = typeof stream === 'string' ? stream : stream(personal.names);
    return await (options.raw ? raw : personal.eventStore).readStream(name);
  } finally {
    await personal.dataKeys.close();
    await raw.close();
  }
}
