// Abuse limits on sign-in, registration, code and reset routes: at most
// AUTH_RATE_LIMIT attempts per minute per client address and per account
// identifier, in fixed one-minute windows. With REDIS_URL the counters live in
// Redis (INCR and PEXPIRE in one script), so every instance sees the same
// counts; otherwise in this process. AUTH_RATE_LIMIT=0 turns both off.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { createRedisClient, describeTarget, redisTarget, type RedisTarget } from './redis-connection.js';
import { Problem } from './errors.js';
import type { Services } from './services.js';

export const WINDOW_MS = 60_000;

/** Routes of one kind share their counters: guessing through five families is no faster than through one. */
export type AttemptKind = 'sign-in' | 'registration' | 'code' | 'reset';

export interface Counter {
  /** Counts one attempt for `key`; answers the count in the current window and the milliseconds left in it. */
  hit(key: string): Promise<{ count: number; resetInMs: number }>;
  close(): Promise<void>;
}

export function createMemoryCounter(now: () => Date, windowMs = WINDOW_MS): Counter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let sweptAt = 0;
  return {
    async hit(key) {
      const t = now().getTime();
      // Forget finished windows now and then, so the map holds only the last minute's keys.
      if (t - sweptAt >= windowMs) {
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
        sweptAt = t;
      }
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + windowMs };
        windows.set(key, w);
      }
      w.count += 1;
      return { count: w.count, resetInMs: w.resetAt - t };
    },
    async close() {
      windows.clear();
    },
  };
}

// The first hit of a window starts its expiry; a key left without one (never, but cheap to guard) gets it.
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
`;

interface HitClient extends Redis {
  rateHit(numKeys: number, key: string, windowMs: number): Promise<[number, number]>;
}

/** `where` is a REDIS_URL or a target from redisTarget() (one server or a cluster: each counter is one key). */
export async function openRedisCounter(where: string | RedisTarget, prefix: string, windowMs = WINDOW_MS): Promise<Counter> {
  const target = typeof where === 'string' ? { url: where } : where;
  const url = describeTarget(target);
  const client = createRedisClient(target, { commandTimeoutMs: 5000 }) as unknown as HitClient;
  client.on('error', () => {}); // reconnects on its own; failed hits surface as 503s
  client.defineCommand('rateHit', { lua: HIT });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`cannot connect to Redis for the rate limits at ${url}: ${String(error)}`, { cause: error });
  }
  return {
    async hit(key) {
      const [count, ttl] = await client.rateHit(1, `${prefix}ratelimit:${key}`, windowMs);
      return { count: Number(count), resetInMs: Number(ttl) };
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

export interface AuthRateLimit {
  /**
   * Counts this attempt against the client address and, when given, the
   * account identifier (username, email or user id); throws 429 with
   * Retry-After when either is over the limit.
   */
  check(request: FastifyRequest, kind: AttemptKind, account?: string | number | null): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    authRateLimit: AuthRateLimit;
  }
}

export const authRateLimit = fp(
  async function authRateLimit(app: FastifyInstance, opts: { services: Services }) {
    const svc = opts.services;
    const limit = svc.config.authRateLimit;
    const counter: Counter | null =
      limit === 0
        ? null
        : redisTarget(svc.config)
          ? await openRedisCounter(redisTarget(svc.config)!, svc.config.redisKeyPrefix)
          : createMemoryCounter(() => svc.now());
    app.addHook('onClose', async () => counter?.close());

    const check: AuthRateLimit['check'] = async (request, kind, account) => {
      if (!counter) return;
      const keys = [`${kind}:ip:${request.ip}`];
      if (account !== undefined && account !== null && String(account).trim() !== '') {
        // Identifiers are kept out of Redis in the clear; case and spacing do not make a new account.
        keys.push(`${kind}:account:${svc.keyedHash('rate-limit', String(account).trim().toLowerCase())}`);
      }
      let hits;
      try {
        hits = await Promise.all(keys.map((k) => counter.hit(k)));
      } catch (error) {
        request.log.warn({ err: error }, 'rate limit counters unavailable');
        throw new Problem(503, 'Service temporarily unavailable, please retry', 'SERVICE_UNAVAILABLE', {
          'retry-after': '1',
        });
      }
      const over = hits.filter((h) => h.count > limit);
      if (over.length === 0) return;
      const retryAfter = Math.max(1, Math.ceil(Math.max(...over.map((h) => h.resetInMs)) / 1000));
      throw new Problem(429, 'Too many attempts, please try again later', 'TOO_MANY_REQUESTS', {
        'retry-after': String(retryAfter),
      });
    };
    app.decorate('authRateLimit', { check });
  },
  { name: 'auth-rate-limit' },
);
