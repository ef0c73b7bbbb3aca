// The formats and HMACs of the users' secrets, in one place. Secrets are
// random (CSPRNG) and never stored: the log and read models keep keyed HMACs,
// bound to their purpose (C looks codes up by theirs) and not to an account.
import { randomToken } from '../infra/secrets.js';
import type { Services } from '../infra/services.js';
import type { CodePurpose } from './events.js';

/** The HMAC a one-time secret is stored as. Bound to its purpose, not to an account (C looks codes up by it). */
export const codeKey = (svc: Services, purpose: CodePurpose, secret: string) => svc.keyedHash(`code:${purpose}`, secret);

/** The HMAC purpose of session ids (checked on every signed-in request: svc.keyedHash remembers these). */
export const SESSION_PURPOSE = 'session';
/** The HMAC a session id is stored as (the read model's `session:<key>`). */
export const sessionKey = (svc: Services, sessionId: string) => svc.keyedHash(SESSION_PURPOSE, sessionId);

/** Reset links (B) and reset tokens (C) name their account: `<userId>.<32 random characters>`. */
const TOKEN = /^([1-9][0-9]{0,14})\.([A-Za-z0-9_-]{32})$/;

export function tokenAccount(token: string): number | null {
  const m = TOKEN.exec(token);
  return m ? Number(m[1]) : null;
}

export const newToken = (userId: number) => `${userId}.${randomToken()}`;
