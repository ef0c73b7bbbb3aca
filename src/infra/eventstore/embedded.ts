// The embedded event store: one SQLite file under DATA_DIR, WAL mode with
// synchronous=FULL, so an append is on disk before its promise resolves and a
// crash (kill -9 or power loss) never loses or half-writes an answered append.
// Appends that arrive in the same turn of the event loop are committed in one
// transaction (group commit): one fsync for the lot, each append still checked
// against its own expected revision inside its own savepoint.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventEmitter, on } from 'node:events';
import Database from 'better-sqlite3';
import {
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type Subscription,
} from './types.js';

interface Row {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  created: number;
}

interface PendingAppend {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
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

function toRecorded(row: Row): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: BigInt(row.revision),
    position: pos(row.position),
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    // Most events carry no metadata: skip the parse for the common empty object.
    metadata: row.metadata === '{}' ? {} : (JSON.parse(row.metadata) as Record<string, unknown>),
    created: new Date(row.created),
  };
}

/** SQLite failures that mean "the store cannot serve now", as opposed to a bug. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (
    typeof code === 'string' &&
    /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB|PROTOCOL)/.test(code)
  );
}

function unavailable(error: unknown): EventStoreUnavailableError {
  const code = (error as { code?: string }).code ?? 'unknown';
  return new EventStoreUnavailableError(`embedded event store cannot write (${code})`, { cause: error });
}

/** Where a log position is "after" in SQL terms: positions are rowids, the start is -1. */
const afterRowid = (after?: Position): number => (after ? Number(after.commit) : -1);

export interface EmbeddedOptions {
  /** Directory that holds events.db (created if missing). */
  dir: string;
}

export async function openEmbeddedEventStore(options: EmbeddedOptions): Promise<EventStore> {
  mkdirSync(options.dir, { recursive: true });
  const db = new Database(join(options.dir, 'events.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const q = {
    head: db.prepare<[], { p: number | null }>('SELECT max(position) AS p FROM events'),
    streamRevision: db.prepare<[string], { r: number | null }>(
      'SELECT max(revision) AS r FROM events WHERE stream = ?',
    ),
    readStream: db.prepare<[string], Row>('SELECT * FROM events WHERE stream = ? ORDER BY revision'),
    readAll: db.prepare<[number, number], Row>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
    byId: db.prepare<[string, string], { revision: number }>(
      'SELECT revision FROM events WHERE id = ? AND stream = ?',
    ),
    range: db.prepare<[string, number, number], { id: string; position: number }>(
      'SELECT id, position FROM events WHERE stream = ? AND revision >= ? AND revision <= ? ORDER BY revision',
    ),
    insert: db.prepare(
      'INSERT INTO events (id, stream, revision, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  };

  const committed = new EventEmitter();
  committed.setMaxListeners(0);
  let closed = false;
  const subscriptions = new Set<AbortController>();

  /**
   * Re-appending ids already committed at the same place answers the original
   * result (a retried request after a lost answer must not write twice).
   */
  function idempotentResult(stream: string, events: NewEvent[], expected: ExpectedRevision): AppendResult | null {
    const first = q.byId.get(events[0]!.id, stream);
    if (!first) return null;
    const rows = q.range.all(stream, first.revision, first.revision + events.length - 1);
    const samePlace =
      rows.length === events.length &&
      rows.every((r, i) => r.id === events[i]!.id) &&
      (expected === 'any' ||
        expected === 'stream_exists' ||
        (expected === 'no_stream' && first.revision === 0) ||
        (typeof expected === 'bigint' && expected === BigInt(first.revision - 1)));
    if (!samePlace) return null;
    return {
      nextExpectedRevision: BigInt(first.revision + events.length - 1),
      position: pos(rows[rows.length - 1]!.position),
    };
  }

  function appendOne(item: PendingAppend): AppendResult {
    const { stream, events, expected } = item;
    const replay = idempotentResult(stream, events, expected);
    if (replay) return replay;
    const current = q.streamRevision.get(stream)?.r ?? null;
    const actual = current === null ? ('no_stream' as const) : BigInt(current);
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === null) ||
      (expected === 'stream_exists' && current !== null) ||
      (typeof expected === 'bigint' && current !== null && expected === BigInt(current));
    if (!ok) throw new WrongExpectedRevisionError(stream, expected, actual);
    let revision = current === null ? 0 : current + 1;
    let last = 0;
    const now = Date.now();
    for (const e of events) {
      const info = q.insert.run(
        e.id,
        stream,
        revision,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata ?? {}),
        now,
      );
      last = Number(info.lastInsertRowid);
      revision += 1;
    }
    return { nextExpectedRevision: BigInt(revision - 1), position: pos(last) };
  }

  // Nested better-sqlite3 transactions are savepoints: a failed append rolls back alone.
  const appendInSavepoint = db.transaction(appendOne);
  const commitBatch = db.transaction((batch: PendingAppend[]) =>
    batch.map((item) => {
      try {
        return { ok: true as const, result: appendInSavepoint(item) };
      } catch (error) {
        if (isUnavailable(error)) throw error; // the whole batch fails: nothing is committed
        return { ok: false as const, error };
      }
    }),
  );

  let queue: PendingAppend[] = [];
  let flushScheduled = false;
  let flushing: Promise<void> = Promise.resolve();

  function flush(): void {
    flushScheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      const outcomes = commitBatch(batch);
      outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.result) : batch[i]!.reject(o.error)));
      committed.emit('commit');
    } catch (error) {
      const reason = isUnavailable(error) ? unavailable(error) : error;
      for (const item of batch) item.reject(reason);
    }
  }

  function readAfter(after: number, limit: number): RecordedEvent[] {
    return q.readAll.all(after, limit).map(toRecorded);
  }

  const store: EventStore = {
    kind: 'embedded',

    append(stream, events, expected) {
      if (closed) return Promise.reject(new EventStoreUnavailableError('embedded event store is closed'));
      if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
      return new Promise<AppendResult>((resolve, reject) => {
        queue.push({ stream, events, expected, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          // setImmediate lets every request parsed in this turn join the batch.
          flushing = new Promise((done) =>
            setImmediate(() => {
              flush();
              done();
            }),
          );
        }
      });
    },

    async readStream(stream) {
      return q.readStream.all(stream).map(toRecorded);
    },

    async *readAll(options = {}) {
      let after = afterRowid(options.after);
      let left = options.maxCount ?? Number.POSITIVE_INFINITY;
      while (left > 0) {
        const page = readAfter(after, Math.min(PAGE, left));
        if (page.length === 0) return;
        for (const e of page) yield e;
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
      try {
        db.prepare('SELECT 1').get();
      } catch (error) {
        throw unavailable(error);
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await flushing;
      flush();
      for (const abort of subscriptions) abort.abort();
      db.close();
    },
  };
  return store;
}
