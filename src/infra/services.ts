// What command and query code needs from the infrastructure, passed
// explicitly (no global singletons). The app builds one per process.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { EventStore, Position } from './eventstore/types.js';
import type { Mailer } from './mail.js';
import type { Passwords } from './passwords.js';
import type { ReadModelStore } from './readstore/types.js';
import type { Counter } from './ratelimit.js';
import type { KeyedHash } from './secrets.js';
import type { DataKeys } from './keystore/data-keys.js';

export interface Services {
  config: Config;
  eventStore: EventStore;
  readStore: ReadModelStore;
  passwords: Passwords;
  keyedHash: KeyedHash;
  /** HMACs that stand for personal values in stream names and read-model keys (keyed from DATA_KEY_SECRET). */
  names: KeyedHash;
  /** Accounts' data keys: destroying one erases the account's personal data from the log. */
  dataKeys: DataKeys;
  mailer: Mailer;
  /** Rate-limit counters and shared budgets (Redis when configured, so every instance counts together). */
  limits: Counter;
  log: FastifyBaseLogger;
  /**
   * Resolves once the read models show everything up to `position`, so a
   * client reads its own writes; gives up (and logs) after the configured bound.
   */
  settle(position: Position | null): Promise<void>;
  /** The clock; tests may replace it. */
  now(): Date;
}
