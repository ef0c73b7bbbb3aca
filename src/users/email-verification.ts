// Email verification: B's accounts confirm their address with a 6-digit code
// mailed at registration (registration.ts) or again on request; the password
// proves the account, the code proves the mailbox.
import { randomCode } from '../infra/secrets.js';
import type { Services } from '../infra/services.js';
import { findAccount } from './accounts.js';
import type { Family } from './events.js';
import { mayMail, verificationCodeMail } from './mails.js';
import { ATTEMPTS, execute, used } from './execute.js';
import { codeKey } from './tokens.js';

export type ResendResult = 'sent' | 'unknown' | 'already-verified';

/** A new email verification code by mail (the previous one is void). */
export async function requestEmailVerification(svc: Services, email: string, via: Family): Promise<ResendResult> {
  const account = await findAccount(svc, { email });
  if (!account || account.email === null) return 'unknown';
  if (account.emailVerified) return 'already-verified';
  // Over the recipient's hourly mails: answered as sent, nothing issued (the code mailed last stays good).
  if (!(await mayMail(svc, account.email))) {
    await svc.mailer.probe();
    return 'sent';
  }
  const code = randomCode();
  const issued = await execute<ResendResult>(
    svc,
    account.userId,
    { type: 'RequestEmailVerification', data: { codeKey: codeKey(svc, 'email-verification', code), via } },
    { done: () => 'sent', refused: { AlreadyVerified: 'already-verified', UnknownUser: 'unknown', NoEmail: 'unknown' } },
  );
  if (issued === 'sent') await svc.mailer.send(verificationCodeMail(account.email, code));
  return issued;
}

export type VerifyResult = 'verified' | 'already-verified' | 'unknown' | 'wrong-password' | 'invalid-code';

/** B's verify-sentcode: the password proves the account, the code proves the mailbox. */
export async function verifyEmail(
  svc: Services,
  email: string,
  password: string,
  code: string,
  via: Family,
): Promise<VerifyResult> {
  const account = await findAccount(svc, { email });
  if (!account) {
    await svc.passwords.verifyNothing(password);
    return 'unknown';
  }
  if (!(await svc.passwords.verify(account.passwordHash, password))) return 'wrong-password';
  if (account.emailVerified) return 'already-verified';
  return execute<VerifyResult>(
    svc,
    account.userId,
    { type: 'VerifyEmail', data: { codeKey: codeKey(svc, 'email-verification', code), via } },
    {
      done: (verified) => (used(verified.events) ? 'verified' : 'invalid-code'),
      refused: { InvalidCode: 'invalid-code', AlreadyVerified: 'already-verified', UnknownUser: 'unknown' },
    },
    { attempts: ATTEMPTS },
  );
}
