// Helpers for account tests: the app wired to a real SMTP sink, and short
// request helpers per family.
import type { FastifyInstance, FastifyRequest, LightMyRequestResponse } from 'fastify';
import { USERS, userKeys } from '../../src/users/read-model.js';
import { namesFor } from '../../src/personal.js';
import { emailKey, streams, usernameKey } from '../../src/users/events.js';
import { REDIS_URL, type ReadModels } from './app.js';
import { smtpSink, type SmtpSink } from './smtp-sink.js';
import { buildWithStores, openedLog, type AppWithStores } from './stores.js';
import { deletePrefix } from './redis-cleanup.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

/** The app, its stores (for tests that look at the log and the read models) and its mail sink. */
export interface MailApp extends AppWithStores {
  sink: SmtpSink;
  /** The users read model's keys and values. */
  users(): Promise<Record<string, unknown>>;
  /** What the log recorded of an account's registration (its sealed fields opened). */
  registered(userId: number | string): Promise<Record<string, unknown>>;
  /** The users read model's key for a username or an email (keyed HMACs, as the service names them). */
  usernameIndex(username: string): string;
  emailIndex(email: string): string;
  post(url: string, payload: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Every Redis key under a prefix, removed. */
export const deleteRedisPrefix = (prefix: string) => deletePrefix(REDIS_URL, prefix);

/**
 * The real app sending mail through SMTP to a local sink, with a read store
 * the test can look into (closed after the app, and its Redis keys removed).
 */
export async function buildWithMail(
  t: Teardown,
  options: { readModels?: ReadModels; env?: Record<string, string>; now?: () => Date } = {},
): Promise<MailApp> {
  const sink = await smtpSink(t);
  const built = await buildWithStores(t, { ...options, env: { SMTP_URL: sink.url, ...options.env } });
  const names = namesFor(built.config);
  const log = await openedLog(t, built.config, built.eventStore);
  return {
    ...built,
    sink,
    users: () => built.readStore.dump(USERS),
    async registered(userId) {
      const found = (await log.readStream(streams.user(Number(userId)))).find((e) => e.type === 'UserRegistered');
      if (!found) throw new Error(`no UserRegistered for ${userId}`);
      return found.data;
    },
    usernameIndex: (username) => userKeys.username(usernameKey(names, username)),
    emailIndex: (email) => userKeys.email(emailKey(names, email)),
    post: poster(built.app),
  };
}

export function poster(app: FastifyInstance) {
  // Always JSON, also for bodies that are not objects (a string, an array): those must be 400s, not 415s.
  return (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...headers },
    });
}

/** `Authorization: Bearer <token>`. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Registers through B and confirms the email with the mailed code. */
export async function registerVerifiedB(m: MailApp, username: string, email: string, password: string): Promise<void> {
  const reg = await m.post('/users/register', { username, email, password });
  if (reg.json().responseCode !== 615) throw new Error(`register: ${reg.body}`);
  const ver = await m.post('/users/verify-sentcode', { email, password, code: m.sink.code(email) });
  if (ver.json().responseCode !== 605) throw new Error(`verify: ${ver.body}`);
}

/**
 * What every protected route asks (app.auth.authenticate): is this access
 * token's session live? True, or the reason it is not ('missing' | 'invalid').
 */
export async function sessionOf(app: FastifyInstance, token: string): Promise<true | string> {
  const result = await app.auth.authenticate({ headers: { authorization: `Bearer ${token}` } } as FastifyRequest);
  return typeof result === 'object' ? true : result;
}

/** A controllable clock for `build(t, { now })`. */
export function clock(start = new Date()) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advanceMinutes(minutes: number) {
      current += minutes * 60_000;
    },
  };
}
