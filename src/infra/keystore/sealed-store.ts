// An EventStore that keeps personal data out of the log in the clear. On
// append, the personal fields of an event (which ones, and whose they are,
// the domain says: PersonalFields) travel in one part encrypted under the
// owner's data key with AES-256-GCM, a fresh nonce each time, and the stream
// and event type bound as associated data (a sealed part moved to another
// event does not open). Everything else stays readable. On read the part is
// opened and its fields put back; once the owner's key is destroyed they read
// as ERASED. Events without the part (written before this existed) pass
// through unchanged: that is the upcast.
import { eventsOf, type EventStore, type NewEvent, type RecordedEvent, type Subscription } from '../eventstore/types.js';
import type { DataKeys } from './data-keys.js';
import { openText, sealText, type Sealed } from './aead.js';

/** What an erased personal field reads as, everywhere. */
export const ERASED = '[erased]';

export interface PersonalFields {
  /** Per event type: the field holding the owner's account id, and the personal fields. */
  sealed: Record<string, { owner: string; fields: readonly string[] }>;
  /** Event types that record an owner's erasure, and the field holding the owner's id. */
  erasures: Record<string, string>;
}

/** The encrypted part of an event. `v`: format version; `f`: the names of the sealed fields (not personal). */
interface SealedPart extends Sealed {
  v: 1;
  f: string[];
}

const SEALED = 'sealed';

export const isSealed = (data: Record<string, unknown>): boolean =>
  typeof data[SEALED] === 'object' && data[SEALED] !== null;

/** An event's sealed part as a reader that left it sealed (LogReadOptions.openOnly) received it; null when it has none. */
export const sealedPartOf = (data: Record<string, unknown>): Sealed | null => (isSealed(data) ? (data[SEALED] as SealedPart) : null);

function aad(stream: string, type: string): Buffer {
  return Buffer.from(`${stream}\0${type}`);
}

/**
 * Parts opened lately, by their ciphertext (unique: a fresh nonce each seal),
 * so a value read again and again is decrypted once: an open costs about
 * 4 µs, a tenth of a whole cached read. Bounded in entries and in bytes; an
 * entry serves only the stream and type it was sealed for, and only while its
 * owner's key lives (checked on every hit, as for an open).
 */
const OPENED_ENTRIES = 10_000;
const OPENED_BYTES = 16 * 1024 * 1024;
const opened = new Map<string, { stream: string; type: string; fields: Readonly<Record<string, unknown>> }>();
let openedBytes = 0;

/**
 * Opens a sealed part that a reader kept (a read model stores it and a query
 * opens it): its personal fields (frozen and shared), or null once the
 * owner's key is destroyed. `stream` and `type` are the event's own; nothing
 * else opens it.
 */
export async function openSealedPart(keys: DataKeys, owner: string, where: { stream: string; type: string }, part: Sealed): Promise<Readonly<Record<string, unknown>> | null> {
  const key = keys.cached(owner) ?? (await keys.forReading(owner));
  if (!key) return null;
  const hit = opened.get(part.c);
  if (hit && hit.stream === where.stream && hit.type === where.type) return hit.fields;
  const fields = Object.freeze(JSON.parse(openText(key, part, aad(where.stream, where.type))) as Record<string, unknown>);
  if (part.c.length <= OPENED_BYTES / 16 && !hit) {
    opened.set(part.c, { stream: where.stream, type: where.type, fields });
    openedBytes += part.c.length;
    while (opened.size > OPENED_ENTRIES || openedBytes > OPENED_BYTES) {
      const [oldest] = opened.keys();
      openedBytes -= oldest!.length;
      opened.delete(oldest!);
    }
  }
  return fields;
}

export function sealEventStore(inner: EventStore, keys: DataKeys, personal: PersonalFields): EventStore {
  const ownerOf = (type: string, data: Record<string, unknown>): string | null => {
    const spec = personal.sealed[type];
    const id = spec ? data[spec.owner] : undefined;
    return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
  };

  async function seal(stream: string, event: NewEvent): Promise<NewEvent> {
    const spec = personal.sealed[event.type];
    if (!spec || isSealed(event.data)) return event;
    const owner = ownerOf(event.type, event.data);
    const present = spec.fields.filter((f) => event.data[f] !== undefined);
    if (owner === null || present.length === 0) return event;
    const rest: Record<string, unknown> = {};
    const secret: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(event.data)) (present.includes(k) ? secret : rest)[k] = v;
    const key = await keys.forWriting(owner);
    const part: SealedPart = { v: 1, f: present, ...sealText(key, JSON.stringify(secret), aad(stream, event.type)) };
    return { ...event, data: { ...rest, [SEALED]: part } };
  }

  function open(e: RecordedEvent, key: Buffer | null): RecordedEvent {
    // The readable fields copied by hand, not by spreads: this runs once per sealed event in a replay.
    const data: Record<string, unknown> = {};
    for (const k in e.data) if (k !== SEALED) data[k] = e.data[k];
    const part = e.data[SEALED] as SealedPart;
    if (!key) {
      for (const f of part.f) data[f] = ERASED;
      return { ...e, data };
    }
    const plain = openText(key, part, aad(e.stream, e.type));
    return { ...e, data: Object.assign(data, JSON.parse(plain) as Record<string, unknown>) };
  }

  function noteErasure(e: RecordedEvent): void {
    const field = personal.erasures[e.type];
    if (field === undefined) return;
    const id = e.data[field];
    if (typeof id === 'number' || typeof id === 'string') keys.forget(String(id));
  }

  async function openOne(e: RecordedEvent): Promise<RecordedEvent> {
    const owner = ownerOf(e.type, e.data);
    return open(e, owner === null ? null : await keys.forReading(owner));
  }

  /** Opens with a key this instance holds fresh, without waiting; null when it must ask the backend. */
  function openCached(e: RecordedEvent): RecordedEvent | null {
    const owner = ownerOf(e.type, e.data);
    const key = owner === null ? undefined : keys.cached(owner);
    return key ? open(e, key) : null;
  }

  /**
   * A batch in order; erasures in it are noted first, so no earlier event of
   * that owner opens with a cached key. With `only`, other types pass still sealed.
   */
  async function openBatch(events: RecordedEvent[], only?: ReadonlySet<string>): Promise<RecordedEvent[]> {
    for (const e of events) noteErasure(e);
    const out = new Array<RecordedEvent>(events.length);
    for (let i = 0; i < events.length; i += 1) {
      const e = events[i]!;
      out[i] = isSealed(e.data) && (!only || only.has(e.type)) ? (openCached(e) ?? (await openOne(e))) : e;
    }
    return out;
  }

  async function* readAllPages(options?: Parameters<EventStore['readAllPages']>[0]): AsyncGenerator<RecordedEvent[]> {
    for await (const page of inner.readAllPages(options)) yield await openBatch(page, options?.openOnly);
  }

  return {
    kind: inner.kind,
    async append(stream, events, expected) {
      const sealed: NewEvent[] = [];
      for (const e of events) sealed.push(await seal(stream, e));
      return inner.append(stream, sealed, expected);
    },
    async readStream(stream, options) {
      return openBatch(await inner.readStream(stream, options));
    },
    readAll: (options) => eventsOf(readAllPages(options)),
    readAllPages,
    subscribe(options): Subscription {
      const sub = inner.subscribe(options);
      return {
        close: () => sub.close(),
        async *[Symbol.asyncIterator]() {
          for await (const batch of sub) yield await openBatch(batch, options?.openOnly);
        },
      };
    },
    headPosition: () => inner.headPosition(),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
