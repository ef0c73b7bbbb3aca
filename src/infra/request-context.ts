// Who caused an append, for the metadata of every event: the request id, the
// actor (the signed-in account's id, `anonymous`, or `operator` when no
// request is behind it: tools, background work), the API family and the
// route. One AsyncLocalStorage carries it from the HTTP hook (http/shell.ts)
// to the append, so no workflow passes it along by hand.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventStore } from './eventstore/types.js';
import type { DataKeys } from './keystore/data-keys.js';
import { sealValue } from './keystore/sealed-metadata.js';

export interface RequestContext {
  requestId: string;
  /** The signed-in account's id as text, or 'anonymous'; set by the sign-in check. */
  actor: string;
  family: string | null;
  route: string | null;
  /** The client's address and user agent: personal data, recorded only sealed under the signed-in actor's key. */
  client?: { address: string; userAgent?: string };
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (and everything it starts) with this request's context. */
export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current request's context, if an HTTP request is behind this call. */
export const currentRequest = (): RequestContext | undefined => storage.getStore();

/** Records the signed-in caller as the request's actor. */
export function setActor(userId: number): void {
  const context = storage.getStore();
  if (context) context.actor = String(userId);
}

/**
 * The request's context itself rides along under a symbol key (JSON never
 * writes it): the store wrapper below seals that request's client from it,
 * also when a group commit appends for several requests at once.
 */
const CONTEXT = Symbol('request context');

/** The metadata every appended event carries, from the current context. */
export function requestMetadata(): Record<string, unknown> {
  const c = storage.getStore();
  if (!c) return { actor: 'operator' };
  return { requestId: c.requestId, actor: c.actor, family: c.family, route: c.route, [CONTEXT]: c };
}

/** Where the client is recorded: `metadata.client`, sealed (see sealed-metadata.ts). */
export const CLIENT_FIELD = 'client';

/**
 * Every event appended through this store carries the request metadata; what
 * the caller set itself wins (the command handler captures it when a command
 * arrives, since a group commit appends for many requests at once; a copy
 * tool keeps the original metadata).
 */
export function withRequestMetadata(inner: EventStore, keys?: DataKeys): EventStore {
  return {
    kind: inner.kind,
    async append(stream, events, expected) {
      const metadata = requestMetadata();
      const out = [];
      for (const e of events) {
        const m: Record<string | symbol, unknown> = { ...metadata, ...e.metadata };
        const context = m[CONTEXT] as RequestContext | undefined;
        delete m[CONTEXT];
        // The client's address and user agent, only for a signed-in actor, and only sealed under its
        // key: forgotten with the account. Anonymous requests record neither.
        if (keys && context?.client && /^\d+$/.test(context.actor) && m[CLIENT_FIELD] === undefined) {
          m[CLIENT_FIELD] = await sealValue(keys, context.actor, context.client, { stream, type: e.type, field: CLIENT_FIELD });
        }
        out.push({ ...e, metadata: m });
      }
      return inner.append(stream, out, expected);
    },
    readStream: (stream, options) => inner.readStream(stream, options),
    readAll: (options) => inner.readAll(options),
    readAllPages: (options) => inner.readAllPages(options),
    subscribe: (options) => inner.subscribe(options),
    headPosition: () => inner.headPosition(),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
