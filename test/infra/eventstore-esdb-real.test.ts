// The contract suite against a real EventStoreDB, when EVENTSTORE_URL points at
// one (e.g. `docker compose up eventstore`). Without it the file skips, loudly.
import t from 'tap';
import { openEventStoreDb } from '../../src/infra/eventstore/esdb.js';
import { eventStoreContract } from './eventstore-contract.js';

const url = process.env['EVENTSTORE_URL'];

if (!url) {
  const reason =
    'SKIPPED: no real EventStoreDB; set EVENTSTORE_URL=esdb://127.0.0.1:2113?tls=false to run the contract suite against one';
  process.stderr.write(`${reason}\n`);
  t.comment(reason);
  t.skip(reason, () => {});
} else {
  // A real server's log is shared and never empty: assertions stay relative to what each test wrote.
  eventStoreContract(
    t,
    async () => {
      const store = openEventStoreDb(url);
      return { store, cleanup: () => store.close() };
    },
    { freshLog: false },
  );
}
