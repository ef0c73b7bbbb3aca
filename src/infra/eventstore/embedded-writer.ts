// The embedded store's writer: a worker thread that owns the SQLite write
// connection. Each message is one group of appends, committed in one
// transaction (one fsync for the lot, synchronous=FULL), each append checked
// against its own expected revision inside its own savepoint. The fsync
// happens here, so the event loop that serves requests never waits on the
// disk; the main thread keeps its own connection for reads (WAL lets readers
// and the writer work at once).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ExpectedRevision } from './types.js';

export interface WriteEvent {
  id: string;
  type: string;
  /** Serialised by the caller: the JSON text is what the log keeps. */
  data: string;
  metadata: string;
}

export interface WriteItem {
  stream: string;
  events: WriteEvent[];
  expected: ExpectedRevision;
}

export type WriteOutcome =
  | { ok: true; next: bigint; position: number }
  | { ok: false; wrong: { stream: string; expected: ExpectedRevision; actual: bigint | 'no_stream' } }
  | { ok: false; error: { name: string; message: string; code?: string } };

export type WriteReply =
  | { seq: number; outcomes: WriteOutcome[] }
  /** The whole group failed and nothing was committed (disk full, read-only, I/O error, ...). */
  | { seq: number; failure: { code: string; message: string; unavailable: boolean } };

/** SQLite failures that mean "the store cannot serve now", as opposed to a bug. */
export function isUnavailableCode(code: unknown): boolean {
  return typeof code === 'string' && /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB|PROTOCOL)/.test(code);
}

class WrongRevision extends Error {
  constructor(readonly actual: bigint | 'no_stream') {
    super('wrong expected revision');
  }
}

/** A connection to the log's file, as every connection to it is set up: WAL, every commit synced. */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}

export function openCommitter(file: string): { commit(items: WriteItem[]): WriteOutcome[]; close(): void } {
  const db = openDatabase(file);
  const q = {
    streamRevision: db.prepare<[string], { r: number | null }>('SELECT max(revision) AS r FROM events WHERE stream = ?'),
    byId: db.prepare<[string, string], { revision: number }>('SELECT revision FROM events WHERE id = ? AND stream = ?'),
    range: db.prepare<[string, number, number], { id: string; position: number }>(
      'SELECT id, position FROM events WHERE stream = ? AND revision >= ? AND revision <= ? ORDER BY revision',
    ),
    insert: db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };

  /**
   * Re-appending ids already committed at the same place answers the original
   * result (a retried request after a lost answer must not write twice).
   */
  function idempotentResult({ stream, events, expected }: WriteItem): WriteOutcome | null {
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
    return { ok: true, next: BigInt(first.revision + events.length - 1), position: rows[rows.length - 1]!.position };
  }

  function appendOne(item: WriteItem): WriteOutcome {
    const replay = idempotentResult(item);
    if (replay) return replay;
    const { stream, events, expected } = item;
    const current = q.streamRevision.get(stream)?.r ?? null;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === null) ||
      (expected === 'stream_exists' && current !== null) ||
      (typeof expected === 'bigint' && current !== null && expected === BigInt(current));
    if (!ok) throw new WrongRevision(current === null ? 'no_stream' : BigInt(current));
    let revision = current === null ? 0 : current + 1;
    let last = 0;
    const now = Date.now();
    for (const e of events) {
      last = Number(q.insert.run(e.id, stream, revision, e.type, e.data, e.metadata, now).lastInsertRowid);
      revision += 1;
    }
    return { ok: true, next: BigInt(revision - 1), position: last };
  }

  // Nested better-sqlite3 transactions are savepoints: a failed append rolls back alone.
  const appendInSavepoint = db.transaction(appendOne);
  const commit = db.transaction((items: WriteItem[]) =>
    items.map((item): WriteOutcome => {
      try {
        return appendInSavepoint(item);
      } catch (error) {
        if (error instanceof WrongRevision) {
          return { ok: false, wrong: { stream: item.stream, expected: item.expected, actual: error.actual } };
        }
        const code = (error as { code?: string }).code;
        if (isUnavailableCode(code)) throw error; // the whole group fails: nothing is committed
        return { ok: false, error: { name: (error as Error).name, message: (error as Error).message, code } };
      }
    }),
  );
  return { commit, close: () => db.close() };
}

if (parentPort && (workerData as { eventStoreWriter?: string } | null)?.eventStoreWriter) {
  const port = parentPort;
  const committer = openCommitter((workerData as { eventStoreWriter: string }).eventStoreWriter);
  port.on('message', (message: { seq: number; items: WriteItem[] } | 'close') => {
    if (message === 'close') {
      committer.close();
      process.exit(0); // in a worker thread: ends this thread only

    }
    let reply: WriteReply;
    try {
      reply = { seq: message.seq, outcomes: committer.commit(message.items) };
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? 'unknown');
      reply = { seq: message.seq, failure: { code, message: (error as Error).message, unavailable: isUnavailableCode(code) } };
    }
    port.postMessage(reply);
  });
  port.postMessage('ready');
}
