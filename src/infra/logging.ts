// pino options for the service: request ids, and secrets (passwords, codes,
// tokens, session ids, cookies) and personal data (usernames, emails, profile
// fields, D's key names in paths) redacted wherever they could appear.
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const SECRET_FIELDS = [
  'password',
  'new_password',
  'new_passoword',
  'passwordHash',
  'otp',
  'code',
  'token',
  'access_token',
  'sessionId',
  'secret',
];

/** Personal data (API-CONTRACT.md): logs carry user ids, never these, wherever a body or object would put them. */
const PERSONAL_FIELDS = ['username', 'email', 'full_name', 'age', 'gender', 'phoneNumber', 'deliveryAddress'];
/** C documents its address field with a space in the name: bracket notation. */
const SPACED = '["delivery Address"]';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.authentication',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...[...SECRET_FIELDS, ...PERSONAL_FIELDS].flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
  SPACED,
  `*${SPACED}`,
  `*.*${SPACED}`,
];

/** Where a secret travels in the path itself (B's reset link): everything after it is dropped. */
const SECRET_IN_PATH = /\/reset-password\//i;
/** Paths that carry personal data: D's key names are the user's data (erased with the account). */
const PERSONAL_IN_PATH = /^\/api\/data\//i;
/** Query parameters whose values are logged when they are plain numbers; every other value is redacted (a `?token=` is never logged). */
const LOGGED_QUERY = new Set(['page', 'limit']);
const PLAIN_NAME = /^[A-Za-z0-9_.-]{1,32}$/;

/** Percent-escapes of ASCII decoded, three rounds at most (`%252D` is `-` twice over): what a router may see. */
function asciiDecoded(text: string): string {
  let out = text;
  for (let round = 0; round < 3; round += 1) {
    const next = out.replace(/%([0-7][0-9A-Fa-f])/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === out) break;
    out = next;
  }
  return out;
}

function redactPath(path: string): string {
  // Matched on the path as the router decodes it, so `/users/reset%2Dpassword/<token>` is caught too.
  const decoded = asciiDecoded(path);
  if (PERSONAL_IN_PATH.test(decoded)) return decoded.replace(/^(\/api\/data\/).+$/i, '$1[Redacted]');
  const at = decoded.search(SECRET_IN_PATH);
  if (at === -1) return path;
  return `${decoded.slice(0, at)}/reset-password/[Redacted]`;
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = asciiDecoded((eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
      const value = pair.slice(eq + 1);
      if (eq !== -1 && LOGGED_QUERY.has(name) && /^\d{0,12}$/.test(value)) return `${name}=${value}`;
      return PLAIN_NAME.test(name) ? `${name}=[Redacted]` : '[Redacted]';
    })
    .join('&');
}

/** The URL as logged: no secret from the path (however encoded) nor any query value but page and limit. */
export function redactUrl(url: string): string {
  // The router ends the path at the first "?" or "#".
  const end = url.search(/[?#]/);
  if (end === -1) return redactPath(url);
  return `${redactPath(url.slice(0, end))}?${redactQuery(url.slice(end + 1))}`;
}

/** A client's X-Request-Id is kept only when short and plain: 1 to 64 of A-Z a-z 0-9 . _ - */
const PLAIN_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request's id (Fastify's genReqId): the client's own when plain, else a random UUID. */
export function requestId(request: { headers: IncomingHttpHeaders }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && PLAIN_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Human-readable lines (pino-pretty) for a person at a terminal in
 * development; JSON everywhere else (pipes, files, production, tests), so log
 * collectors always get one JSON object per line.
 */
export function prettyByDefault(env: Record<string, string | undefined> = process.env, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return stdout.isTTY === true && (env.NODE_ENV ?? 'development').trim() === 'development';
}

export function loggerOptions(level: string, stream?: DestinationStream, pretty = !stream && prettyByDefault()): FastifyServerOptions['logger'] {
  return {
    level,
    // pino-pretty runs in pino's worker thread; redaction happens before a line gets there.
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string }) {
        // No client address: it is personal data (API-CONTRACT.md), and logs hold ids only.
        return { id: request.id, method: request.method, url: redactUrl(request.url) };
      },
    },
    ...(stream ? { stream } : {}),
  };
}

type Logger = FastifyBaseLogger & { isLevelEnabled(level: string): boolean; levels: { values: Record<string, number> } };

const PARENT = Symbol('parent logger');
const BINDINGS = Symbol('bindings');
const OPTIONS = Symbol('options');
const CHILD = Symbol('child logger');

interface LazyChild {
  [PARENT]: Logger;
  [BINDINGS]: Parameters<Logger['child']>[0];
  [OPTIONS]: Parameters<Logger['child']>[1];
  [CHILD]: Logger | undefined;
}

const real = (lazy: LazyChild): Logger => (lazy[CHILD] ??= lazy[PARENT].child(lazy[BINDINGS], lazy[OPTIONS]) as Logger);

/** Per parent logger, the prototype of its lazy children: made once, so a request pays for one small object. */
const lazyPrototypes = new WeakMap<Logger, object>();

function lazyPrototype(parent: Logger): object {
  let proto = lazyPrototypes.get(parent);
  if (proto) return proto;
  // Everything a child would answer for itself (level, levels...) is the parent's (children share its level).
  const made: Record<string, unknown> = Object.create(parent);
  const noop = () => {};
  // Every method the logger has, called on the real child (made on the first call)...
  const names = new Set<string>();
  for (let o: object | null = parent; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name === 'constructor') continue;
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (d && typeof d.value === 'function') names.add(name);
    }
  }
  for (const name of names) {
    made[name] = function (this: LazyChild, ...args: unknown[]) {
      const child = real(this);
      return (Reflect.get(child, name) as (...a: unknown[]) => unknown).apply(child, args);
    };
  }
  // ...but a line at a disabled level is nothing at all, and needs no child.
  for (const level of Object.keys(parent.levels.values)) {
    made[level] = function (this: LazyChild, ...args: unknown[]) {
      if (!parent.isLevelEnabled(level)) return noop();
      const child = real(this);
      return (Reflect.get(child, level) as (...a: unknown[]) => unknown).apply(child, args);
    };
  }
  lazyPrototypes.set(parent, made);
  return made;
}

/**
 * Fastify makes a child logger for every request (to bind its id), and pino
 * runs the redaction over the bindings when it does: a measurable share of a
 * cheap request's time. The child is made only when a line is written at an
 * enabled level; writes at disabled levels are no-ops without it. A request's
 * logger is one small object over a prototype shared by all of them, not a
 * Proxy (whose traps ran, and made closures, on every property Fastify read).
 */
export const lazyChildLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = function (logger, bindings, options) {
  const parent = logger as Logger;
  const lazy = Object.create(lazyPrototype(parent)) as LazyChild;
  lazy[PARENT] = parent;
  lazy[BINDINGS] = bindings;
  lazy[OPTIONS] = options;
  lazy[CHILD] = undefined;
  return lazy as unknown as FastifyBaseLogger;
};
