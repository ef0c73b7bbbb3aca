// The embedded key backend: its own SQLite file under DATA_DIR, apart from the
// event log (the log is append-only; this file must forget). secure_delete
// zeroes freed content in the database file, and after a destroy the WAL is
// checkpointed and truncated, so the key's bytes are gone from every file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { KeyBackend, StoredKey } from './types.js';

export function openSqliteKeyBackend(file: string): KeyBackend {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS data_keys (owner TEXT PRIMARY KEY, wrapped BLOB NOT NULL) STRICT;
           CREATE TABLE IF NOT EXISTS destroyed_keys (owner TEXT PRIMARY KEY, at TEXT NOT NULL) STRICT;`);
  const selectKey = db.prepare<[string], { wrapped: Buffer }>('SELECT wrapped FROM data_keys WHERE owner = ?');
  const selectDestroyed = db.prepare<[string], { owner: string }>('SELECT owner FROM destroyed_keys WHERE owner = ?');
  const insertKey = db.prepare('INSERT OR IGNORE INTO data_keys (owner, wrapped) VALUES (?, ?)');
  const deleteKey = db.prepare('DELETE FROM data_keys WHERE owner = ?');
  const insertDestroyed = db.prepare('INSERT OR IGNORE INTO destroyed_keys (owner, at) VALUES (?, ?)');

  const read = (owner: string): StoredKey => {
    if (selectDestroyed.get(owner)) return { state: 'destroyed' };
    const row = selectKey.get(owner);
    return row ? { state: 'live', wrapped: row.wrapped } : { state: 'absent' };
  };
  const create = db.transaction((owner: string, wrapped: Buffer): StoredKey => {
    if (selectDestroyed.get(owner)) return { state: 'destroyed' };
    insertKey.run(owner, wrapped);
    return read(owner);
  });
  const destroy = db.transaction((owner: string) => {
    deleteKey.run(owner);
    insertDestroyed.run(owner, new Date().toISOString());
  });

  return {
    kind: 'sqlite',
    async read(owner) {
      return read(owner);
    },
    async create(owner, wrapped) {
      return create(owner, wrapped);
    },
    async destroy(owner) {
      destroy(owner);
      // The WAL still holds the page as it was before the delete: copy the
      // zeroed page into the database and cut the WAL to nothing.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      db.close();
    },
  };
}
