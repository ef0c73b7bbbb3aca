// An entity's history from the log, and its state at any moment folded with
// the same `evolve` its commands use. The command-line tool (src/tools/audit.ts)
// and the admin routes (src/audit/routes.ts) both read the log through here,
// so they answer the same events and the same JSON.
import type { EventStore, Position, RecordedEvent } from '../infra/eventstore/types.js';
import { comparePositions, decodePosition } from '../infra/eventstore/types.js';
import { ERASED } from '../infra/keystore/sealed-store.js';
import type { DataKeys } from '../infra/keystore/data-keys.js';
import { isSealedValue, openValue, type SealedValue } from '../infra/keystore/sealed-metadata.js';
import { CLIENT_FIELD } from '../infra/request-context.js';
import type { KeyedHash } from '../infra/secrets.js';
import { evolve as evolveData, initialState as dataInitial, type KeyState } from '../data/decider.js';
import { dataStream, type DataEvent } from '../data/events.js';
import { evolve as evolveOrder, initialState as orderInitial, type OrderState } from '../orders/decider.js';
import { orderStreams, type OrderEvent } from '../orders/events.js';
import { evolve as evolveProduct, initialState as productInitial, type ProductState } from '../products/decider.js';
import { productStreams, type ProductEvent } from '../products/events.js';
import { evolve as evolveUser, initialState as userInitial, type UserState } from '../users/decider.js';
import { emailKey, streams, usernameKey, type UserEvent } from '../users/events.js';
import { describe } from './describe.js';

export type Subject =
  | { kind: 'account'; identifier: string }
  | { kind: 'product'; id: number }
  | { kind: 'order'; id: number }
  | { kind: 'data'; account: string; key: string };

export interface Filter {
  /** Events at or after this time. */
  since?: Date;
  /** Events at or before this time. */
  until?: Date;
  /** Only these event types (any when empty or absent). */
  types?: readonly string[];
}

/** A moment in the log: a time, or a log position (`C/P`, or a bare commit number: everything up to that commit). */
export type Moment = { time: Date } | { position: Position } | { commit: bigint };

/** Parses `--at` / `?at=`: an ISO time, a position `C/P`, or a commit number. Null when it is none of these. */
export function parseMoment(text: string): Moment | null {
  if (/^\d{1,20}$/.test(text)) return { commit: BigInt(text) };
  if (/^\d{1,20}\/\d{1,20}$/.test(text)) return { position: decodePosition(text) };
  const time = parseTime(text);
  return time ? { time } : null;
}

/** An ISO 8601 date or date-time (a bare date is its midnight UTC). Null otherwise. */
export function parseTime(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * The filter as the CLI (`--since`, `--until`, `--type`) and the admin routes
 * (`?since`, `?until`, `?type`) take it: times parsed, types split at commas.
 * `invalid` makes the caller's own error for a time that is not ISO 8601.
 */
export function parseFilter(
  raw: { since?: string | undefined; until?: string | undefined; types?: readonly string[] | undefined },
  invalid: (option: 'since' | 'until', text: string) => Error,
): Filter {
  const time = (text: string | undefined, option: 'since' | 'until') => {
    if (text === undefined) return undefined;
    const t = parseTime(text);
    if (!t) throw invalid(option, text);
    return t;
  };
  return {
    since: time(raw.since, 'since'),
    until: time(raw.until, 'until'),
    types: (raw.types ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean),
  };
}

/** When an event happened: the time the domain recorded (`at`), else when the store wrote it. */
export function eventTime(e: RecordedEvent): string {
  return typeof e.data.at === 'string' ? e.data.at : e.created.toISOString();
}

export function matches(e: RecordedEvent, filter: Filter): boolean {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(e.type)) return false;
  if (filter.since || filter.until) {
    const t = Date.parse(eventTime(e));
    if (filter.since && t < filter.since.getTime()) return false;
    if (filter.until && t > filter.until.getTime()) return false;
  }
  return true;
}

/** Was the event already in the log at this moment? */
export function notAfter(e: RecordedEvent, moment: Moment): boolean {
  if ('time' in moment) return Date.parse(eventTime(e)) <= moment.time.getTime();
  if ('commit' in moment) return e.position.commit <= moment.commit;
  return comparePositions(e.position, moment.position) <= 0;
}

export const formatPosition = (p: Position) => `${p.commit}/${p.prepare}`;

function userIdOf(e: RecordedEvent): number | null {
  const id = (e.data as { userId?: unknown }).userId;
  return typeof id === 'number' ? id : null;
}

const isAccountId = (identifier: string) => /^\d{1,15}$/.test(identifier);

/**
 * The accounts that ever held this username or email (from its claim stream,
 * which remembers every holder, erased ones too), or the account with this id.
 */
export async function accountsOf(store: EventStore, names: KeyedHash, identifier: string): Promise<{ ids: number[]; claims: RecordedEvent[] }> {
  const claimStream = identifier.includes('@') ? streams.email(emailKey(names, identifier)) : streams.username(usernameKey(names, identifier));
  const claims = await store.readStream(claimStream);
  const ids = new Set(claims.map(userIdOf).filter((id): id is number => id !== null));
  if (isAccountId(identifier) && (await store.readStream(streams.user(Number(identifier)))).length > 0) ids.add(Number(identifier));
  return { ids: [...ids], claims };
}

const byPosition = (events: Iterable<RecordedEvent>) => [...events].sort((a, b) => comparePositions(a.position, b.position));

/** Every account that held the identifier: their own streams and their claim streams, in log order. */
async function accountHistory(store: EventStore, names: KeyedHash, identifier: string): Promise<RecordedEvent[]> {
  const { ids, claims } = await accountsOf(store, names, identifier);
  if (ids.length === 0) return [];
  const seen = new Map<string, RecordedEvent>();
  for (const e of claims) seen.set(e.id, e);
  for (const userId of ids) {
    const own = await store.readStream(streams.user(userId));
    for (const e of own) seen.set(e.id, e);
    const registered = own.find((e) => e.type === 'UserRegistered')?.data as { usernameKey?: string; emailKey?: string | null } | undefined;
    // The claim streams' names are recorded readable: found for an erased account too.
    if (!registered?.usernameKey) continue;
    const others = [streams.username(registered.usernameKey), ...(registered.emailKey ? [streams.email(registered.emailKey)] : [])];
    for (const stream of others) {
      // Only this account's claims: the value may have been held by others since.
      for (const e of await store.readStream(stream)) if (userIdOf(e) === userId) seen.set(e.id, e);
    }
  }
  return byPosition(seen.values());
}

/** The streams of a D key: one per account that held the name (usually one). */
async function dataStreams(store: EventStore, names: KeyedHash, account: string, key: string): Promise<{ userId: number; stream: string }[]> {
  const { ids } = await accountsOf(store, names, account);
  return ids.map((userId) => ({ userId, stream: dataStream(names, userId, key) }));
}

/** The entity's events, oldest first (log order). Empty when it never existed. */
export async function history(store: EventStore, names: KeyedHash, subject: Subject): Promise<RecordedEvent[]> {
  switch (subject.kind) {
    case 'account':
      return accountHistory(store, names, subject.identifier);
    case 'product':
      return store.readStream(productStreams.product(subject.id));
    case 'order':
      return store.readStream(orderStreams.order(subject.id));
    case 'data': {
      const all: RecordedEvent[] = [];
      for (const { stream } of await dataStreams(store, names, subject.account, subject.key)) all.push(...(await store.readStream(stream)));
      return byPosition(all);
    }
  }
}

/** Every event of the log in order, filtered, one at a time (the log is never held whole). */
export async function* logEvents(store: EventStore, filter: Filter = {}, after?: Position): AsyncGenerator<RecordedEvent> {
  for await (const e of store.readAll(after ? { after } : {})) if (matches(e, filter)) yield e;
}

/** One entity as it was at a moment. `state` is null when it did not exist yet. */
export interface StateAt {
  entity: string;
  stream: string;
  /** Events folded (those of the stream at or before the moment). */
  events: number;
  /** Position of the last event folded, null when none. */
  position: string | null;
  /** 'did not exist yet' | 'active' | 'deleted' | 'placed' | 'cancelled' | 'stored'. */
  status: string;
  state: Record<string, unknown> | null;
}

function fold<S, E>(events: RecordedEvent[], moment: Moment, initial: S, evolve: (s: S, e: E) => S): { state: S; folded: RecordedEvent[] } {
  const folded = events.filter((e) => notAfter(e, moment));
  let state = initial;
  for (const e of folded) state = evolve(state, { type: e.type, data: e.data } as E);
  return { state, folded };
}

/** Personal values that are erased are left out, like every secret. */
function withoutErased(view: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(view)) if (v !== ERASED) out[k] = v;
  return out;
}

/** A deleted account prints with its personal fields empty, no session and no code. */
const accountView = (s: UserState) =>
  withoutErased(
    s.status === 'active'
      ? {
          userId: s.userId,
          username: s.username,
          email: s.email,
          mustVerifyEmail: s.mustVerifyEmail,
          emailVerified: s.emailVerified,
          openSessions: Object.keys(s.sessions).length,
          outstandingCodes: Object.keys(s.codes),
        }
      : {
          userId: s.status === 'deleted' ? s.userId : null,
          username: '',
          email: null,
          mustVerifyEmail: s.status === 'deleted' && s.mustVerifyEmail,
          emailVerified: s.status === 'deleted' && s.emailVerified,
          openSessions: 0,
          outstandingCodes: [],
        },
  );

/** The revision printed is the stream's: that of the last event folded. */
const productView = (s: ProductState, folded: RecordedEvent[]) => ({
  ...(s.status === 'absent'
    ? { productId: null, ownerId: null, name: '', description: '' }
    : { productId: s.productId, ownerId: s.ownerId, name: s.name, description: s.description }),
  revision: folded.length === 0 ? -1 : Number(folded[folded.length - 1]!.revision),
});
const orderView = (s: OrderState) =>
  s.status === 'absent'
    ? { orderId: null, userId: null, items: [], placedAt: null }
    : { orderId: s.orderId, userId: s.userId, items: s.items, placedAt: s.createdAt };
const dataView = (s: KeyState) => withoutErased({ value: s.value });

function stateAt(entity: string, stream: string, folded: RecordedEvent[], status: string, view: Record<string, unknown>): StateAt {
  const last = folded[folded.length - 1];
  const absent = folded.length === 0;
  return {
    entity,
    stream,
    events: folded.length,
    position: last ? formatPosition(last.position) : null,
    status: absent ? 'did not exist yet' : status,
    state: absent ? null : view,
  };
}

/**
 * The entity at the moment, folded from its stream with the deciders' own
 * evolve. An account or a D key answers one state per account that held the
 * name; [] when no account ever did.
 */
export async function statesAt(store: EventStore, names: KeyedHash, subject: Subject, moment: Moment): Promise<StateAt[]> {
  switch (subject.kind) {
    case 'account': {
      const out: StateAt[] = [];
      for (const userId of (await accountsOf(store, names, subject.identifier)).ids) {
        const stream = streams.user(userId);
        const { state, folded } = fold<UserState, UserEvent>(await store.readStream(stream), moment, userInitial(), evolveUser);
        out.push(stateAt(`account ${userId}`, stream, folded, state.status, accountView(state)));
      }
      return out;
    }
    case 'product': {
      const stream = productStreams.product(subject.id);
      const { state, folded } = fold<ProductState, ProductEvent>(await store.readStream(stream), moment, productInitial(), evolveProduct);
      return [stateAt(`product ${subject.id}`, stream, folded, state.status, productView(state, folded))];
    }
    case 'order': {
      const stream = orderStreams.order(subject.id);
      const { state, folded } = fold<OrderState, OrderEvent>(await store.readStream(stream), moment, orderInitial(), evolveOrder);
      return [stateAt(`order ${subject.id}`, stream, folded, state.status, orderView(state))];
    }
    case 'data': {
      const out: StateAt[] = [];
      for (const { userId, stream } of await dataStreams(store, names, subject.account, subject.key)) {
        const { state, folded } = fold<KeyState, DataEvent>(await store.readStream(stream), moment, dataInitial(), evolveData);
        out.push(stateAt(`key of account ${userId}`, stream, folded, state.exists ? 'stored' : 'deleted', dataView(state)));
      }
      return out;
    }
  }
}

/** Fields that are secrets (hashes, HMACs, the sealed part) and never leave the log through the audit. */
const SECRET_FIELDS = new Set(['passwordHash', 'codeKey', 'sessionKey', 'sessionKeys', 'tokenKey', 'usernameKey', 'emailKey', 'sealed']);

function cleanData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!SECRET_FIELDS.has(k) && v !== ERASED && !isSealedValue(v)) out[k] = v;
  return out;
}

/** The JSON form of one event: one NDJSON line of `audit --json`, one item of the admin routes. Documented in the README. */
export interface AuditRecord {
  position: string;
  stream: string;
  revision: number;
  time: string;
  type: string;
  summary: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export function auditRecord(e: RecordedEvent): AuditRecord {
  return {
    position: formatPosition(e.position),
    stream: e.stream,
    revision: Number(e.revision),
    time: eventTime(e),
    type: e.type,
    summary: describe(e),
    data: cleanData(e.data),
    metadata: cleanData(e.metadata),
  };
}

/**
 * auditRecord with the client's address and user agent opened from the
 * metadata (sealed under the signed-in account's key); left out once that
 * account is erased, or when no key store is at hand.
 */
export function openedRecord(e: RecordedEvent, keys: DataKeys | undefined): AuditRecord | Promise<AuditRecord> {
  const part = e.metadata[CLIENT_FIELD];
  // Most events hold no sealed client: answered at once, without a promise (the export runs per event).
  if (!keys || !isSealedValue(part)) return auditRecord(e);
  return withClient(auditRecord(e), e, part, keys);
}

async function withClient(record: AuditRecord, e: RecordedEvent, part: SealedValue, keys: DataKeys): Promise<AuditRecord> {
  try {
    const client = await openValue(keys, part, { stream: e.stream, type: e.type, field: CLIENT_FIELD });
    if (client !== undefined) record.metadata[CLIENT_FIELD] = client;
  } catch {
    // A part that does not open (moved to another event, corrupted) shows nothing.
  }
  return record;
}

/** One event as a line of text. Account histories name the account (several may have held one name). */
export function auditLine(e: RecordedEvent, subject: Subject['kind'] | 'log'): string {
  if (subject === 'account') return `${eventTime(e)}  user ${userIdOf(e) ?? '?'}  ${describe(e)}`;
  if (subject === 'log') return `${eventTime(e)}  ${formatPosition(e.position)}  ${e.stream}  ${describe(e)}`;
  return `${eventTime(e)}  #${e.revision}  ${describe(e)}`;
}

/** A state at a moment as text: a heading, then one `field: value` line per field. */
export function stateLines(s: StateAt, at: string): string[] {
  const head = `${s.entity} at ${at}: ${s.status}${s.position ? ` (after ${s.events} event${s.events === 1 ? '' : 's'}, last at log position ${s.position})` : ''}`;
  if (!s.state) return [head];
  return [head, ...Object.entries(s.state).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)];
}
