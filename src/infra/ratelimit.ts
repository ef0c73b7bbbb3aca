// Abuse limits and budgets. Two kinds of counter, in Redis when REDIS_URL is
// set (one script per step, so every instance sees the same counts) and in
// this process otherwise:
// - fixed windows (`hit`): AUTH_RATE_LIMIT attempts per minute per client
//   address and per account on sign-in, registration, code and reset routes
//   (AUTH_RATE_LIMIT=0 turns these two off), and the mails per recipient;
// - sliding sums (`charge`): budgets shared by every client, such as the risk
//   of guessing reset codes, which no setting turns off.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { TSchema } from '@sinclair/typebox';
import { redisTarget, type RedisTarget } from '../config.js';
import { Problem } from './errors.js';
import { routeHooks } from './http/shell.js';
import type { Services } from './services.js';

export const WINDOW_MS = 60_000;

/** Per-address limits are counted per kind: guessing through five families is no faster than through one. */
export type AttemptKind = 'sign-in' | 'registration' | 'code' | 'reset';

/** Per-account limits: a kind, or `password`, the one budget of every route that checks an account's password. */
export type AccountBudget = AttemptKind | 'password';

/** A sum over the last `buckets` buckets of `bucketMs` each (so over at least `(buckets - 1) * bucketMs`). */
export interface SlidingWindow {
  bucketMs: number;
  buckets: number;
  /** The most the sum may reach; null: no bound (a plain count). */
  budget: number | null;
}

export interface Charge {
  /** Whether the units were added (the sum stays within the budget). */
  ok: boolean;
  /** The sum over the window, with these units when they were added. */
  total: number;
  key: string;
  bucket: number;
  units: number;
}

export interface Counter {
  /** Counts one attempt for `key`; answers the count in the current fixed window and the milliseconds left in it. */
  hit(key: string, windowMs?: number): Promise<{ count: number; resetInMs: number }>;
  /** Adds `units` to `key`'s current bucket when the window's sum stays within the budget (0 units: only reads the sum). */
  charge(key: string, units: number, window: SlidingWindow): Promise<Charge>;
  /** Takes back what an accepted charge added (while its bucket is still in the window). */
  refund(charge: Charge): Promise<void>;
  close(): Promise<void>;
}

/** The limits store could not answer: 503 in the family's envelope, like any store that is down. */
export class LimitsUnavailableError extends Problem {
  constructor(cause: unknown) {
    super(503, 'Service temporarily unavailable, please retry', 'SERVICE_UNAVAILABLE', { 'retry-after': '1' });
    this.name = 'LimitsUnavailableError';
    this.cause = cause;
  }
}

const bucketOf = (t: number, window: SlidingWindow) => Math.floor(t / window.bucketMs);

export function createMemoryCounter(now: () => Date, windowMs = WINDOW_MS): Counter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const sums = new Map<string, Map<number, number>>();
  let sweptAt = 0;
  return {
    async hit(key, ms = windowMs) {
      const t = now().getTime();
      // Forget finished windows now and then, so the map holds only live keys.
      if (t - sweptAt >= WINDOW_MS) {
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
        sweptAt = t;
      }
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + ms };
        windows.set(key, w);
      }
      w.count += 1;
      return { count: w.count, resetInMs: w.resetAt - t };
    },
    async charge(key, units, window) {
      const current = bucketOf(now().getTime(), window);
      const buckets = sums.get(key) ?? new Map<number, number>();
      sums.set(key, buckets);
      let total = 0;
      for (const [b, n] of buckets) {
        if (b <= current - window.buckets) buckets.delete(b);
        else total += n;
      }
      if (units > 0 && window.budget !== null && total + units > window.budget) {
        return { ok: false, total, key, bucket: current, units };
      }
      if (units > 0) buckets.set(current, (buckets.get(current) ?? 0) + units);
      return { ok: true, total: total + units, key, bucket: current, units };
    },
    async refund(charge) {
      const buckets = sums.get(charge.key);
      const n = buckets?.get(charge.bucket);
      if (charge.ok && buckets && n !== undefined) buckets.set(charge.bucket, Math.max(0, n - charge.units));
    },
    async close() {
      windows.clear();
      sums.clear();
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

// One hash per budget, a field per bucket. ARGV: units, current bucket, oldest bucket kept, budget (-1: none), expiry ms.
// Sum and add in one step, so two instances never both spend the last of a budget.
const CHARGE = `
local total = 0
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if tonumber(fields[i]) < tonumber(ARGV[3]) then
    redis.call('HDEL', KEYS[1], fields[i])
  else
    total = total + tonumber(fields[i + 1])
  end
end
local units = tonumber(ARGV[1])
local budget = tonumber(ARGV[4])
if units > 0 and budget >= 0 and total + units > budget then return {0, total} end
if units > 0 then
  redis.call('HINCRBY', KEYS[1], ARGV[2], units)
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  total = total + units
end
return {1, total}
`;

const REFUND = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HINCRBY', KEYS[1], ARGV[1], -tonumber(ARGV[2])) end
return 1
`;

interface LimitClient extends Redis {
  rateHit(numKeys: number, key: string, windowMs: number): Promise<[number, number]>;
  budgetCharge(numKeys: number, key: string, ...args: (string | number)[]): Promise<[number, number]>;
  budgetRefund(numKeys: number, key: string, bucket: number, units: number): Promise<number>;
}

/** `where` is a REDIS_URL or a target from redisTarget() (one server or a cluster: every script touches one key). */
export async function openRedisCounter(
  where: string | RedisTarget,
  prefix: string,
  windowMs = WINDOW_MS,
  now: () => Date = () => new Date(),
): Promise<Counter> {
  const target = typeof where === 'string' ? { url: where } : where;
  // Loaded only when Redis is configured: the embedded default never pays for ioredis at start.
  const { createRedisClient, describeTarget } = await import('./redis-connection.js');
  const url = describeTarget(target);
  const client = createRedisClient(target, { commandTimeoutMs: 5000 }) as unknown as LimitClient;
  client.on('error', () => {}); // reconnects on its own; failed calls surface as 503s
  client.defineCommand('rateHit', { lua: HIT });
  client.defineCommand('budgetCharge', { lua: CHARGE });
  client.defineCommand('budgetRefund', { lua: REFUND });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`cannot connect to Redis for the rate limits at ${url}: ${String(error)}`, { cause: error });
  }
  const unavailable = (error: unknown): never => {
    throw new LimitsUnavailableError(error);
  };
  return {
    async hit(key, ms = windowMs) {
      const [count, ttl] = await client.rateHit(1, `${prefix}ratelimit:${key}`, ms).catch(unavailable);
      return { count: Number(count), resetInMs: Number(ttl) };
    },
    async charge(key, units, window) {
      const current = bucketOf(now().getTime(), window);
      const [ok, total] = await client
        .budgetCharge(1, `${prefix}budget:${key}`, units, current, current - window.buckets + 1, window.budget ?? -1, window.bucketMs * (window.buckets + 1))
        .catch(unavailable);
      return { ok: Number(ok) === 1, total: Number(total), key, bucket: current, units };
    },
    async refund(charge) {
      if (!charge.ok || charge.units === 0) return;
      await client.budgetRefund(1, `${prefix}budget:${charge.key}`, charge.bucket, charge.units).catch(unavailable);
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** The store every instance shares: Redis when configured, else this process. */
export function openLimits(config: Services['config'], now: () => Date): Promise<Counter> {
  const target = redisTarget(config);
  return target ? openRedisCounter(target, config.redisKeyPrefix, WINDOW_MS, now) : Promise.resolve(createMemoryCounter(now));
}

/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-11,
 * May 2026): `RateLimit-Policy` lists the quota policies, `RateLimit` the
 * quota left. Declared on every answer of a limited route, so the OpenAPI
 * document shows them; 429 and 503 also carry Retry-After.
 */
export function withRateLimitHeaders<T extends Record<number, TSchema>>(responses: T): T {
  const policy = {
    type: 'string',
    description:
      'Quota policies of this route (draft-ietf-httpapi-ratelimit-headers-11): "address" per client address and "account" per account, each q requests per w seconds',
  };
  const remaining = {
    type: 'string',
    description: 'Quota left under a policy: r requests in the next t seconds ("account" appears only once it is spent)',
  };
  const retryAfter = { type: 'integer', description: 'Seconds to wait before retrying' };
  const out: Record<number, TSchema> = {};
  for (const [status, schema] of Object.entries(responses)) {
    const headers: Record<string, unknown> = { 'RateLimit-Policy': policy, RateLimit: remaining };
    if (status === '429' || status === '503') headers['Retry-After'] = retryAfter;
    out[Number(status)] = { ...schema, headers } as TSchema;
  }
  return out as T;
}

/**
 * Requests that were the first of their window refused on the account's
 * budget (its count just went past the limit): a rule's `onLockedOut` runs
 * for them, so one "locked out" is recorded per account and window, never
 * one per refusal.
 */
const firstAccountRefusals = new WeakSet<FastifyRequest>();

export interface AuthRateLimit {
  /**
   * Counts this attempt against the client address (per kind) and, when
   * given, the account (under `accountBudget`, by default the kind); throws
   * 429 with Retry-After when either is over the limit. The answer carries
   * the RateLimit header fields.
   */
  check(request: FastifyRequest, kind: AttemptKind, account?: string | number | null, accountBudget?: AccountBudget): Promise<void>;
}

/**
 * A route's attempt limit, declared once in its options (`config: { rateLimit }`)
 * and applied by one hook after the body is validated and the route's own
 * pre-handlers ran, just before the handler.
 */
export interface RateLimitRule {
  kind: AttemptKind;
  /** The account the attempt is against (counted per account too), from the validated request; none: per address only. */
  account?: (
    request: FastifyRequest,
    services: Services,
  ) => string | number | null | undefined | Promise<string | number | null | undefined>;
  /** The per-account budget counted, when not the kind's own (`password`: every route that checks a password). */
  budget?: AccountBudget;
  /** Runs (before the 429) for the first request of a window refused on the account's budget: the sign-ins record a locked-out attempt. */
  onLockedOut?: (request: FastifyRequest, account: string | number, services: Services) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    authRateLimit: AuthRateLimit;
  }
  interface FastifyRequest {
    rateLimitHeaders: Record<string, string> | null;
  }
  interface FastifyContextConfig {
    /** This route's attempt limit (see RateLimitRule). */
    rateLimit?: RateLimitRule;
  }
}

export const authRateLimit = fp(
  async function authRateLimit(app: FastifyInstance, opts: { services: Services }) {
    const svc = opts.services;
    const limit = svc.config.authRateLimit;
    const windowSeconds = WINDOW_MS / 1000;
    app.decorateRequest('rateLimitHeaders', null);
    // On the limited routes only (added with their limit below): the other answers never carry these headers.
    const showLimits = (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
      if (request.rateLimitHeaders) void reply.headers(request.rateLimitHeaders);
      done(null, payload);
    };

    const check: AuthRateLimit['check'] = async (request, kind, account, accountBudget = kind) => {
      if (limit === 0) return;
      const policies = [{ name: 'address', key: `${kind}:ip:${request.ip}` }];
      if (account !== undefined && account !== null && String(account).trim() !== '') {
        // Identifiers are kept out of Redis in the clear; case and spacing do not make a new account.
        const id = svc.keyedHash('rate-limit', String(account).trim().toLowerCase());
        policies.push({ name: 'account', key: `${accountBudget}:account:${id}` });
      }
      let hits;
      try {
        hits = await Promise.all(policies.map((p) => svc.limits.hit(p.key, WINDOW_MS)));
      } catch (error) {
        request.log.warn({ err: error }, 'rate limit counters unavailable');
        throw new LimitsUnavailableError(error);
      }
      const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
      // The account's quota is shown only once spent (the 429 says so anyway): a count that
      // moves under another identifier would tell, for free, that both name one account.
      const shown = policies.flatMap((p, i) =>
        p.name === 'address' || hits[i]!.count >= limit
          ? [`"${p.name}";r=${Math.max(0, limit - hits[i]!.count)};t=${seconds(hits[i]!.resetInMs)}`]
          : [],
      );
      request.rateLimitHeaders = {
        'ratelimit-policy': policies.map((p) => `"${p.name}";q=${limit};w=${windowSeconds}`).join(', '),
        ratelimit: shown.join(', '),
      };
      const over = hits.filter((h) => h.count > limit);
      if (over.length === 0) return;
      if (policies.length > 1 && hits[1]!.count === limit + 1) firstAccountRefusals.add(request);
      const retryAfter = seconds(Math.max(...over.map((h) => h.resetInMs)));
      throw new Problem(429, 'Too many attempts, please try again later', 'TOO_MANY_REQUESTS', {
        'retry-after': String(retryAfter),
      });
    };
    app.decorate('authRateLimit', { check });

    // Routes declare their limit; this adds the one hook that applies it, after their own pre-handlers,
    // and the one that shows it on their answers.
    app.addHook('onRoute', (route) => {
      const rule = route.config?.rateLimit;
      if (!rule) return;
      const limitAttempts = async (request: FastifyRequest) => {
        if (limit === 0) return;
        const account = (await rule.account?.(request, svc)) ?? null;
        try {
          await check(request, rule.kind, account, rule.budget);
        } catch (error) {
          if (rule.onLockedOut && account !== null && firstAccountRefusals.has(request)) await rule.onLockedOut(request, account, svc);
          throw error;
        }
      };
      route.preHandler = [...routeHooks(route.preHandler), limitAttempts];
      route.onSend = [...routeHooks(route.onSend), showLimits];
    });
  },
  { name: 'auth-rate-limit' },
);
