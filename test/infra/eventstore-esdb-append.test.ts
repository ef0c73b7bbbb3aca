// The EventStoreDB adapter against the emulator with no ServerFeatures:
// the client appends through Streams.Append.
import t from 'tap';
import { esdbAdapterSuite } from './eventstore-esdb-suite.js';

esdbAdapterSuite(t, { batchAppend: false });
