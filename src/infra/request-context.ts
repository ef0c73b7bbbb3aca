// Who caused an append, for the metadata of every event: the request id, the
// actor (the signed-in account's id, `anonymous`, or `operator` when no
// request is behind it: tools, background work), the API family and the
// route. One AsyncLocalStorage carries it from the HTTP hook (http/shell.ts)
// to the append, so no workflow passes it along by hand.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventStore } from './eventstore/types.js';

export interface RequestContext {
  requestId: string;
  /** The signed-in account's id as text, or 'anonymous'; set by the sign-in check. */
  actor: string;
  family: string | null;
  route: string | null;
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

/** The metadata every appended event carries, from the current context. */
export function requestMetadata(): Record<string, unknown> {
  const c = storage.getStore();
  if (!c) return { actor: 'operator' };
  return { requestId: c.requestId, actor: c.actor, family: c.family, route: c.route };
}

/**
 * Every event appended through this store carries the request metadata; what
 * the caller set itself wins (the command handler captures it when a command
 * arrives, since a group commit appends for many requests at once; a copy
 * tool keeps the original metadata).
 */
export function withRequestMetadata(inner: EventStore): EventStore {
  return {
    ...inner,
    kind: inner.kind,
    append(stream, events, expected) {
      const metadata = requestMetadata();
      return inner.append(
        stream,
        events.map((e) => ({ ...e, metadata: { ...metadata, ...e.metadata } })),
        expected,
      );
    },
    readStream: (stream, options) => inner.readStream(stream, options),
    readAll: (options) => inner.readAll(options),
    subscribe: (options) => inner.subscribe(options),
    headPosition: () => inner.headPosition(),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
