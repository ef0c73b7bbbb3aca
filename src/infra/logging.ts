// pino options for the service: request ids, and secrets (passwords, codes,
// tokens, session ids, cookies) and personal data (usernames, emails, profile
// fields, D's key names in paths) redacted wherever they could appear.
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

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

/** Paths that carry a secret in the URL itself (B's reset link). */
const SECRET_IN_PATH = /^(\/users\/reset-password\/)[^/?#]+/;
/** Paths that carry personal data: D's key names are the user's data (erased with the account). */
const PERSONAL_IN_PATH = /^(\/api\/data\/)[^/?#]+/;

export function redactUrl(url: string): string {
  return url.replace(SECRET_IN_PATH, '$1[Redacted]').replace(PERSONAL_IN_PATH, '$1[Redacted]');
}

export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string }) {
        return { id: request.id, method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
      },
    },
    ...(stream ? { stream } : {}),
  };
}

type Logger = FastifyBaseLogger & { isLevelEnabled(level: string): boolean; levels: { values: Record<string, number> } };

/**
 * Fastify makes a child logger for every request (to bind its id), and pino
 * runs the redaction over the bindings when it does: a measurable share of a
 * cheap request's time. The child is made only when a line is written at an
 * enabled level; writes at disabled levels are no-ops without it.
 */
export const lazyChildLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = function (logger, bindings, options) {
  const parent = logger as Logger;
  let child: Logger | undefined;
  const real = () => (child ??= parent.child(bindings, options) as Logger);
  const noop = () => {};
  return new Proxy(parent, {
    get(_target, property) {
      if (typeof property === 'string' && property in parent.levels.values && !parent.isLevelEnabled(property)) return noop;
      // Methods make the child when called (Fastify checks that they exist on every request).
      if (typeof Reflect.get(parent, property) === 'function') {
        return (...args: unknown[]) => (Reflect.get(real(), property) as (...a: unknown[]) => unknown).apply(real(), args);
      }
      return Reflect.get(real(), property);
    },
  });
};
