// The embedded event store: one SQLite file under DATA_DIR, WAL mode with
// synchronous=FULL, so an append is on disk before its promise resolves and a
// crash (kill -9 or power loss) never loses or half-writes an answered append.
// Appends are committed by a writer thread (embedded-writer.ts), a group at a
// time: whatever arrives while one group is being synced forms the next group
// (group commit: one fsync for the lot, each append still checked against its
// own expected revision inside its own savepoint), and the event loop never
// waits on the disk. Reads use this thread's own connection.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventEmitter, on } from 'node:events';
import { Worker } from 'node:worker_threads';
import { openDatabase, type WriteItem, type WriteReply } from './embedded-writer.js';
import {
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
  eventsOf,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type Subscription,
} from './types.js';

interface PendingAppend {
  item: WriteItem;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

const PAGE = 1000;
/** Other processes may write the same file (a second instance, a tool): poll this often for their events. */
const POLL_MS = 250;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  id       TEXT    NOT NULL,
  stream   TEXT    NOT NULL,
  revision INTEGER NOT NULL,
  type     TEXT    NOT NULL,
  data     TEXT    NOT NULL,
  metadata TEXT    NOT NULL,
  created  INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events(stream, revision);
CREATE INDEX IF NOT EXISTS events_id ON events(id);
`;

const pos = (n: number): Position => {
  const b = BigInt(n);
  return { commit: b, prepare: b };
};

/** A row of the events table in column order (statements in raw mode: no object per row). */
type RawRow = [position: number, id: string, stream: string, revision: number, type: string, data: string, metadata: string, created: number];
const COLUMNS = 'position, id, stream, revision, type, data, metadata, created';

function toRecorded([position, id, stream, revision, type, data, metadata, created]: RawRow): RecordedEvent {
  return {
    id,
    stream,
    revision: BigInt(revision),
    position: pos(position),
    type,
    data: JSON.parse(data) as Record<string, unknown>,
    // Most events carry no metadata: skip the parse for the common empty object.
    metadata: metadata === '{}' ? {} : (JSON.parse(metadata) as Record<string, unknown>),
    created: new Date(created),
  };
}

function unavailable(error: unknown): EventStoreUnavailableError {
  const code = (error as { code?: string }).code ?? 'unknown';
  return new EventStoreUnavailableError(`embedded event store cannot write (${code})`, { cause: error });
}

/** The writer thread's module: the compiled .js in production, the .ts source under the test loader. */
const writerModule = new URL(import.meta.url.endsWith('.ts') ? './embedded-writer.ts' : './embedded-writer.js', import.meta.url);

/** Where a log position is "after" in SQL terms: positions are rowids, the start is -1. */
const afterRowid = (after?: Position): number => (after ? Number(after.commit) : -1);

export interface EmbeddedOptions {
  /** Directory that holds events.db (created if missing). */
  dir: string;
}

export async function openEmbeddedEventStore(options: EmbeddedOptions): Promise<EventStore> {
  mkdirSync(options.dir, { recursive: true });
  const file = join(options.dir, 'events.db');
  const db = openDatabase(file);
  db.exec(SCHEMA);

  const q = {
    head: db.prepare<[], { p: number | null }>('SELECT max(position) AS p FROM events'),
    readStream: db
      .prepare<[string, number], RawRow>(`SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision`)
      .raw(true),
    readAll: db
      .prepare<[number, number], RawRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw(true),
  };

  let writer: Worker;
  try {
    writer = await startWriter(file);
  } catch (error) {
    db.close();
    throw error;
  }
  const committed = new EventEmitter();
  committed.setMaxListeners(0);
  let closed = false;
  let writerGone: Error | null = null;
  const subscriptions = new Set<AbortController>();

  // One group at a time goes to the writer; appends that arrive meanwhile wait for the next.
  let queue: PendingAppend[] = [];
  let inFlight: PendingAppend[] | null = null;
  let flushScheduled = false;
  let seq = 0;
  let drained: (() => void) | null = null;

  function flush(): void {
    flushScheduled = false;
    if (inFlight || queue.length === 0) {
      if (!inFlight) drained?.();
      return;
    }
    if (writerGone) {
      for (const p of queue) p.reject(writerGone);
      queue = [];
      drained?.();
      return;
    }
    inFlight = queue;
    queue = [];
    writer.ref(); // a group in flight keeps the process alive until it is answered
    writer.postMessage({ seq: ++seq, items: inFlight.map((p) => p.item) });
  }

  function settle(reply: WriteReply): void {
    const group = inFlight ?? [];
    inFlight = null;
    writer.unref();
    if ('failure' in reply) {
      const error = Object.assign(new Error(reply.failure.message), { code: reply.failure.code });
      const reason = reply.failure.unavailable ? unavailable(error) : error;
      for (const p of group) p.reject(reason);
    } else {
      reply.outcomes.forEach((o, i) => {
        const p = group[i]!;
        if (o.ok) p.resolve({ nextExpectedRevision: o.next, position: pos(o.position) });
        else if ('wrong' in o) p.reject(new WrongExpectedRevisionError(o.wrong.stream, o.wrong.expected, o.wrong.actual));
        else p.reject(Object.assign(new Error(o.error.message), { name: o.error.name, code: o.error.code }));
      });
      committed.emit('commit');
    }
    flush();
  }

  writer.on('message', (reply: WriteReply) => settle(reply));
  const lost = (error: Error) => {
    writerGone = new EventStoreUnavailableError(`embedded event store writer stopped: ${error.message}`, { cause: error });
    for (const p of [...(inFlight ?? []), ...queue]) p.reject(writerGone);
    inFlight = null;
    queue = [];
    drained?.();
  };
  writer.on('error', lost);
  writer.on('exit', (code) => {
    if (!closed) lost(new Error(`exited with code ${code}`));
  });

  function readAfter(after: number, limit: number): RecordedEvent[] {
    return q.readAll.all(after, limit).map(toRecorded);
  }

  const store: EventStore = {
    kind: 'embedded',

    append(stream, events, expected) {
      if (closed) return Promise.reject(new EventStoreUnavailableError('embedded event store is closed'));
      if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
      if (writerGone) return Promise.reject(writerGone);
      let item: WriteItem;
      try {
        item = {
          stream,
          expected,
          events: events.map((e) => ({ id: e.id, type: e.type, data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata ?? {}) })),
        };
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise<AppendResult>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          // setImmediate lets every request parsed in this turn join the group.
          setImmediate(flush);
        }
      });
    },

    async readStream(stream, options = {}) {
      return q.readStream.all(stream, Number(options.fromRevision ?? 0n)).map(toRecorded);
    },

    readAll(options = {}) {
      return eventsOf(store.readAllPages(options));
    },

    async *readAllPages(options = {}) {
      let after = afterRowid(options.after);
      let left = options.maxCount ?? Number.POSITIVE_INFINITY;
      while (left > 0) {
        const page = readAfter(after, Math.min(PAGE, left));
        if (page.length === 0) return;
        yield page;
        after = Number(page[page.length - 1]!.position.commit);
        left -= page.length;
      }
    },

    subscribe(options = {}) {
      const abort = new AbortController();
      subscriptions.add(abort);
      let after = afterRowid(options.after);
      async function* batches(): AsyncGenerator<RecordedEvent[]> {
        if (abort.signal.aborted) {
          subscriptions.delete(abort); // closed before the first read
          return;
        }
        const commits = on(committed, 'commit', { signal: abort.signal });
        // One outstanding next() at a time: a next() left pending when the poll timer won
        // would swallow the following commit, and every later one would wait for the poll.
        let commit: Promise<void> | null = null;
        const wake = async () => {
          commit ??= commits.next().then(
            () => {
              commit = null;
            },
            () => {
              commit = null; // aborted: the loop sees the signal
            },
          );
          let timer: NodeJS.Timeout | undefined;
          const poll = new Promise<void>((r) => {
            timer = setTimeout(r, POLL_MS);
            timer.unref();
          });
          await Promise.race([commit, poll]);
          clearTimeout(timer);
        };
        try {
          while (!abort.signal.aborted) {
            const page = readAfter(after, PAGE);
            if (page.length > 0) {
              after = Number(page[page.length - 1]!.position.commit);
              yield page;
              continue;
            }
            await wake();
          }
        } catch (error) {
          if ((error as { name?: string }).name !== 'AbortError') throw error;
        } finally {
          subscriptions.delete(abort);
          await commits.return?.();
        }
      }
      const iterator = batches();
      const subscription: Subscription = {
        [Symbol.asyncIterator]: () => iterator,
        async close() {
          abort.abort();
        },
      };
      return subscription;
    },

    async headPosition() {
      const p = q.head.get()?.p;
      return p === null || p === undefined ? null : pos(p);
    },

    async ping() {
      if (writerGone) throw writerGone; // reads would work, writes cannot: not ready
      try {
        db.prepare('SELECT 1').get();
      } catch (error) {
        throw unavailable(error);
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      // Every append already accepted is committed (or refused) before the writer stops.
      if (inFlight || queue.length > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          flush();
        });
      }
      for (const abort of subscriptions) abort.abort();
      if (!writerGone) {
        const exited = new Promise((resolve) => writer.once('exit', resolve));
        writer.ref();
        writer.postMessage('close');
        await exited;
      }
      db.close();
    },
  };
  return store;
}

/** Starts the writer thread over `file`; resolves once it has opened the database. */
function startWriter(file: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const workerData = { eventStoreWriter: file };
    // Under the tests' TypeScript loader the writer is a .ts file, and loader hooks do not reach
    // worker threads: its thread registers tsx itself before importing it.
    const worker = writerModule.pathname.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
            `.then(({ register }) => { register(); return import(${JSON.stringify(writerModule.href)}); })`,
          { eval: true, workerData },
        )
      : new Worker(writerModule, { workerData });
    const failed = (error: Error) => {
      void worker.terminate();
      reject(new EventStoreUnavailableError(`embedded event store cannot start its writer: ${error.message}`, { cause: error }));
    };
    worker.once('error', failed);
    worker.once('message', (message) => {
      worker.off('error', failed);
      if (message === 'ready') {
        worker.unref();
        resolve(worker);
      } else failed(new Error(String(message)));
    });
  });
}
