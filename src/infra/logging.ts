// pino options for the service: request ids, and secrets (passwords, codes,
// tokens, session ids, cookies) redacted wherever they could appear.
import type { FastifyServerOptions } from 'fastify';
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

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.authentication',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

/** Paths that carry a secret in the URL itself (B's reset link). */
const SECRET_IN_PATH = /^(\/users\/reset-password\/)[^/?#]+/;

export function redactUrl(url: string): string {
  return url.replace(SECRET_IN_PATH, '$1[Redacted]');
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
