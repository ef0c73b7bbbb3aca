// The EventStoreDB adapter against the emulator advertising BatchAppend, as
// real servers do: the client appends through Streams.BatchAppend.
import t from 'tap';
import { esdbAdapterSuite } from './eventstore-esdb-suite.js';

esdbAdapterSuite(t, { batchAppend: true });
