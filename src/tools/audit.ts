// `npm run audit`: who did what, when, and what it looked like then, from the
// event log. One entity's history in words (secrets never shown, erased
// personal data as [erased]), its state at any moment folded with the
// commands' own evolve, or the whole log in order, as text or NDJSON. Reads
// the log through src/audit/ (shared with the admin routes). EVENTSTORE_URL
// selects EventStoreDB as for the server; otherwise the embedded store under
// DATA_DIR (and its key store beside it), also while the service runs.
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openEventStore } from '../stores.js';
import type { EventStore } from '../infra/eventstore/types.js';
import type { KeyedHash } from '../infra/secrets.js';
import type { DataKeys } from '../infra/keystore/data-keys.js';
import { openPersonalData } from '../personal.js';
import {
  auditLine,
  openedRecord,
  history,
  logEvents,
  matches,
  parseFilter,
  parseMoment,
  stateLines,
  statesAt,
  type Filter,
  type Moment,
  type Subject,
} from '../audit/history.js';

export { describe } from '../audit/describe.js';

export const USAGE = `usage: npm run -s audit -- <subject> [options]

subjects:
  account <username|email|id>   an account's history (every account that held the name)
  product <id>                  a product's history
  order <id>                    an order's history
  data <account> <key>          a D data key's history (account: username, email or id)
  log                           every event of the log, in log order (for export)
  <username|email|id>           the same as "account <...>"

options:
  --at <time|position>  the entity's state at that moment instead of its history
                        (an ISO time such as 2026-11-30T12:00:00Z, a log position C/P,
                        or a commit number: everything up to it)
  --since <time>        only events at or after this ISO time
  --until <time>        only events at or before this ISO time
  --type <type>         only events of this type (repeat, or separate with commas)
  --json                one JSON object per line (NDJSON; the README documents the fields)
  -h, --help            this text

exit status: 0 found, 1 no such entity, 2 bad usage, 78 configuration error
`;

const SUBJECTS = new Set(['account', 'product', 'order', 'data', 'log']);

export class UsageError extends Error {}

export interface Invocation {
  help: boolean;
  subject: Subject | { kind: 'log' };
  /** A bare identifier (the form from before subjects): printed with its old heading. */
  legacy: boolean;
  at: Moment | null;
  atText: string | null;
  filter: Filter;
  json: boolean;
}

function entityId(text: string | undefined, what: string): number {
  if (!text || !/^\d{1,15}$/.test(text) || Number(text) < 1) throw new UsageError(`${what} needs a numeric id, got ${JSON.stringify(text ?? '')}`);
  return Number(text);
}

/** The command line, checked. Throws UsageError for anything it does not understand. */
export function parseInvocation(args: string[]): Invocation {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        at: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        type: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const filter = parseFilter(
    { since: values.since, until: values.until, types: values.type },
    (option, text) => new UsageError(`--${option} needs an ISO 8601 time, got ${JSON.stringify(text)}`),
  );
  const base = { help: false, json: values.json ?? false, filter, at: null, atText: values.at ?? null, legacy: false };
  if (values.help) return { ...base, help: true, subject: { kind: 'log' } };
  const [first, ...rest] = positionals;
  if (first === undefined) throw new UsageError('a subject is required');
  let subject: Subject | { kind: 'log' };
  let legacy = false;
  const extra = (n: number) => {
    if (rest.length > n) throw new UsageError(`unexpected argument ${JSON.stringify(rest[n])}`);
  };
  if (!SUBJECTS.has(first)) {
    if (rest.length > 0) throw new UsageError(`unknown subject ${JSON.stringify(first)}`);
    if (first.trim() === '') throw new UsageError('an account identifier is required');
    subject = { kind: 'account', identifier: first.trim() };
    legacy = true;
  } else if (first === 'account') {
    if (!rest[0]?.trim()) throw new UsageError('account needs a username, email or id');
    extra(1);
    subject = { kind: 'account', identifier: rest[0].trim() };
  } else if (first === 'product' || first === 'order') {
    extra(1);
    subject = { kind: first, id: entityId(rest[0], first) };
  } else if (first === 'data') {
    if (!rest[0]?.trim() || rest[1] === undefined || rest[1] === '') throw new UsageError('data needs an account and a key');
    extra(2);
    subject = { kind: 'data', account: rest[0].trim(), key: rest[1] };
  } else {
    extra(0);
    subject = { kind: 'log' };
  }
  let at: Moment | null = null;
  if (values.at !== undefined) {
    if (subject.kind === 'log') throw new UsageError('--at needs an entity, not the whole log');
    at = parseMoment(values.at);
    if (!at) throw new UsageError(`--at needs an ISO time, a log position C/P or a commit number, got ${JSON.stringify(values.at)}`);
  }
  return { ...base, subject, legacy, at };
}

/** Writes text in large chunks, waiting when the pipe is full: the export streams without holding the log. */
class Out {
  private buffer = '';
  constructor(private readonly stream: NodeJS.WritableStream) {}
  /** A promise only when the buffer was written out and the pipe is full (most lines cost no await). */
  line(text: string): Promise<void> | undefined {
    this.buffer += text + '\n';
    return this.buffer.length >= 1 << 16 ? this.flush() : undefined;
  }
  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

/** Runs one invocation against an open log; returns the exit status. */
export async function runAudit(
  store: EventStore,
  names: KeyedHash,
  inv: Invocation,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
  keys?: DataKeys,
): Promise<number> {
  const out = new Out(stdout);
  const { subject } = inv;
  if (subject.kind === 'log') {
    for await (const e of logEvents(store, inv.filter)) {
      let record = inv.json ? openedRecord(e, keys) : null;
      if (record instanceof Promise) record = await record;
      const written = out.line(record ? JSON.stringify(record) : auditLine(e, 'log'));
      if (written) await written;
    }
    await out.flush();
    return 0;
  }
  const what = nothing(subject);
  if (inv.at) {
    const states = await statesAt(store, names, subject, inv.at);
    if (states.length === 0) {
      stderr.write(`no ${what}\n`);
      return 1;
    }
    for (const s of states) {
      if (inv.json) await out.line(JSON.stringify({ at: inv.atText, ...s }));
      else for (const l of stateLines(s, inv.atText!)) await out.line(l);
    }
    await out.flush();
    return 0;
  }
  const events = await history(store, names, subject);
  if (events.length === 0) {
    stderr.write(inv.legacy ? `no account has ever used "${subject.kind === 'account' ? subject.identifier : ''}"\n` : `no ${what}\n`);
    return 1;
  }
  if (!inv.json) {
    const heading = inv.legacy && subject.kind === 'account' ? `History of "${subject.identifier}"` : `History of ${named(subject)}`;
    await out.line(`${heading} (${store.kind} event store), oldest first:`);
  }
  for (const e of events) {
    if (!matches(e, inv.filter)) continue;
    await out.line(inv.json ? JSON.stringify(await openedRecord(e, keys)) : auditLine(e, subject.kind));
  }
  await out.flush();
  return 0;
}

function named(subject: Subject): string {
  switch (subject.kind) {
    case 'account':
      return `account "${subject.identifier}"`;
    case 'product':
      return `product ${subject.id}`;
    case 'order':
      return `order ${subject.id}`;
    case 'data':
      return `key ${JSON.stringify(subject.key)} of account "${subject.account}"`;
  }
}

/** What stderr says when the entity never existed (exit 1). */
function nothing(subject: Subject): string {
  if (subject.kind === 'account') return `account has ever used "${subject.identifier}"`;
  if (subject.kind === 'data') return `key ${JSON.stringify(subject.key)} of an account "${subject.account}"`;
  return named(subject);
}

/**
 * The history of every account that ever held this username or email (or has
 * this id), as lines of text in log order. Empty when no account ever used it.
 */
export async function auditLines(store: EventStore, names: KeyedHash, identifier: string): Promise<string[]> {
  return (await history(store, names, { kind: 'account', identifier })).map((e) => auditLine(e, 'account'));
}

async function main(args: string[]): Promise<number> {
  let inv: Invocation;
  try {
    inv = parseInvocation(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`audit: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (inv.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      return 78; // EX_CONFIG
    }
    throw error;
  }
  const raw = await openEventStore(config);
  const personal = await openPersonalData(config, raw);
  try {
    return await runAudit(personal.eventStore, personal.names, inv, process.stdout, process.stderr, personal.dataKeys);
  } finally {
    await personal.dataKeys.close();
    await personal.eventStore.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `audit log --json | head`: the reader has what it wanted; stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return; // the reader closed the pipe: done
      process.stderr.write(`audit failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
