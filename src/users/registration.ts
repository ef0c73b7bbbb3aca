// Registration: an id from the counter stream, the username and email claims,
// then the account itself (and, for B, a verification code by mail). Every
// family's register route calls `register` and maps its outcome.
import { allocateId } from '../infra/commands.js';
import { DomainError } from '../infra/errors.js';
import { randomCode } from '../infra/secrets.js';
import type { Services } from '../infra/services.js';
import { claim, claimStream, readClaim, release } from './accounts.js';
import type { NameTaken } from './claims.js';
import { emailOf } from './decider.js';
import { emailKey, normaliseEmail, streams, usernameKey, type Family, type Profile } from './events.js';
import { execute } from './execute.js';
import { mayMail, verificationCodeMail } from './mails.js';
import { codeKey } from './tokens.js';

export interface Registration {
  username: string;
  email: string | null;
  password: string;
  /** B: the account gets a verification code by mail and signs in nowhere until it is confirmed. */
  mustVerifyEmail: boolean;
  profile: Profile;
  via: Family;
}

/**
 * Registers an account. Throws DomainError UsernameTaken or EmailTaken, and
 * MailUnavailableError when the verification code could not be mailed (the
 * account exists then; `/users/resend-verification-code` sends another).
 * Ids come from the event store's counter stream, so they are allocated in
 * order and never reused; a registration that loses a race leaves a gap.
 */
async function registerUser(svc: Services, given: Registration): Promise<{ userId: number }> {
  // Emails are kept lower-cased (API-CONTRACT.md); the username keeps the spelling given.
  const r = { ...given, email: given.email === null ? null : normaliseEmail(given.email) };
  const username = await readClaim(svc, 'username', r.username);
  if (username.state.holder !== null && username.abandonedBy === undefined) throw new DomainError<NameTaken>('UsernameTaken');
  const email = r.email === null ? null : await readClaim(svc, 'email', r.email);
  if (email && email.state.holder !== null && email.abandonedBy === undefined) throw new DomainError<NameTaken>('EmailTaken');
  if (r.mustVerifyEmail && r.email === null) throw new DomainError('NoEmail', 'verification needs an email');

  const passwordHash = await svc.passwords.hash(r.password);
  const userId = await allocateId(svc.eventStore, streams.userIds, { type: 'UserIdAllocated', data: { at: svc.now().toISOString() } });

  await claim(svc, 'username', r.username, userId, username.abandonedBy);
  if (r.email !== null) {
    try {
      await claim(svc, 'email', r.email, userId, email?.abandonedBy);
    } catch (error) {
      await release(svc, 'username', claimStream(svc, 'username', r.username), userId);
      throw error;
    }
  }
  const code = r.mustVerifyEmail ? randomCode() : null;
  const address = await execute(
    svc,
    userId,
    {
      type: 'RegisterUser',
      data: {
        userId,
        username: r.username,
        email: r.email,
        passwordHash,
        usernameKey: usernameKey(svc.names, r.username),
        emailKey: r.email === null ? null : emailKey(svc.names, r.email),
        mustVerifyEmail: r.mustVerifyEmail,
        profile: r.profile,
        via: r.via,
        ...(code === null ? {} : { verificationCodeKey: codeKey(svc, 'email-verification', code) }),
      },
    },
    { done: (registered) => emailOf(registered.state) },
  );
  if (code !== null && address !== null) {
    // Over the recipient's hourly mails (register, delete, register again): nothing sent; resend later.
    if (await mayMail(svc, address)) {
      await svc.mailer.send({ ...verificationCodeMail(address, code), accountId: userId });
    } else await svc.mailer.probe();
  }
  return { userId };
}

/** What a registration came to: the account, or which name someone else holds. */
export type RegistrationOutcome = { kind: 'registered'; userId: number } | { kind: 'taken'; name: 'username' | 'email' };

/** Which name a refusal says is taken. */
const TAKEN: Record<NameTaken, 'username' | 'email'> = { UsernameTaken: 'username', EmailTaken: 'email' };

/**
 * Registers an account (see registerUser). A name someone holds is an
 * outcome, not an error; MailUnavailableError still throws (the account
 * exists then; `/users/resend-verification-code` sends another code).
 */
export async function register(svc: Services, given: Registration): Promise<RegistrationOutcome> {
  try {
    const { userId } = await registerUser(svc, given);
    return { kind: 'registered', userId };
  } catch (error) {
    if (error instanceof DomainError && Object.hasOwn(TAKEN, error.code)) return { kind: 'taken', name: TAKEN[error.code as NameTaken] };
    throw error;
  }
}
