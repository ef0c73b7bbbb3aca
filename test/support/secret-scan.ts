// Looking for secrets where they must never be: the event log, every read
// model, every Redis key of a run, the log lines, and the answers a client
// gets (password hashes never leave the service; error bodies never echo a
// secret).
import type { Test } from 'tap';
import { Redis } from 'ioredis';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { allProjections } from '../../projections/index.js';
import type { EventStore } from '../../src/infra/eventstore/types.js';
import type { ReadModelStore } from '../../src/infra/readstore/types.js';
import { REDIS_URL } from './app.js';

/** Where a secret occurs in a text: digits-only secrets (codes) only as a whole number. */
export function occurs(text: string, secret: string): boolean {
  if (/^\d+$/.test(secret)) return new RegExp(`(?<![0-9])${secret}(?![0-9])`).test(text);
  return text.includes(secret);
}

/** Every key and value under a Redis prefix, as text. */
export async function redisContents(prefix: string): Promise<string> {
  const redis = new Redis(REDIS_URL);
  try {
    const parts: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix.replace(/[[\]?*\\]/g, '\\$&')}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        parts.push(key);
        if (type === 'string') parts.push(String(await redis.get(key)));
        else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
        else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, '0', '-1', 'WITHSCORES')));
      }
    } while (cursor !== '0');
    return parts.join('\n');
  } finally {
    redis.disconnect();
  }
}

export interface Stores {
  eventStore: EventStore;
  readStore: ReadModelStore;
  logs: { lines: string[] };
  /** Set when the read models (and rate-limit counters) live in Redis: every key under it is scanned too. */
  redisPrefix?: string;
}

/** The places a secret must never be, as [where, text]. */
export async function secretPlaces(s: Stores): Promise<[string, string][]> {
  const events: string[] = [];
  for await (const e of s.eventStore.readAll()) events.push(JSON.stringify({ type: e.type, stream: e.stream, data: e.data, metadata: e.metadata }));
  const places: [string, string][] = [['the event log', events.join('\n')]];
  for (const p of allProjections) places.push([`the ${p.name} read model`, JSON.stringify(await s.readStore.dump(p.name))]);
  places.push(['the log lines', s.logs.lines.join('\n')]);
  if (s.redisPrefix) places.push(['every Redis key of the run', await redisContents(s.redisPrefix)]);
  return places;
}

/** Asserts that no secret occurs in any place (the places themselves must not be empty: an empty scan proves nothing). */
export async function scanForSecrets(t: Test, stores: Stores, secrets: string[]): Promise<void> {
  t.ok(secrets.length > 0, `${secrets.length} secrets to look for`);
  for (const [where, text] of await secretPlaces(stores)) {
    t.ok(text.length > 2, `${where} is not empty`);
    t.same(secrets.filter((s) => occurs(text, s)), [], `no secret in ${where}`);
  }
}

/** Field names no answer may carry. */
const HASH_FIELD = /pass(word|wd)|hash|salt/i;

/** How an answer could hand out a password hash: an argon2 string, or a field named like a password or hash. */
export function hashLeaks(body: string): string[] {
  const found: string[] = [];
  if (body.includes('$argon2')) found.push('an argon2 hash');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return found;
  }
  const pending: unknown[] = [json];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v !== 'object' || v === null) continue;
    for (const [key, child] of Object.entries(v)) {
      if (HASH_FIELD.test(key)) found.push(`a field "${key}"`);
      pending.push(child);
    }
  }
  return found;
}

export interface Recorded {
  method: string;
  url: string;
  status: number;
  body: string;
}

/** Records every answer the app gives through inject (the caller's helpers keep working unchanged). */
export function recordAnswers(app: FastifyInstance): Recorded[] {
  const recorded: Recorded[] = [];
  const inject = app.inject.bind(app) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
  (app as unknown as { inject: (options: InjectOptions) => Promise<LightMyRequestResponse> }).inject = async (options) => {
    const res = await inject(options);
    recorded.push({ method: String(options.method ?? 'GET'), url: String(options.url), status: res.statusCode, body: res.body });
    return res;
  };
  return recorded;
}

/** B answers refusals with HTTP 200 and a code. */
const B_REFUSAL = /"responseCode":(601|602|603|604|607|608|610|613)\b/;

/** Answers that refuse something: 4xx, 5xx, and B's refusal codes. */
export const isErrorAnswer = (r: Recorded) => r.status >= 400 || B_REFUSAL.test(r.body);
