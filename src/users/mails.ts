// What the service mails, and how often. Plain text a person and a script can
// act on (API-CONTRACT.md): a code stands alone on its line as 6 digits, B's
// reset mail holds the path /users/reset-password/<token>.
import type { Mail } from '../infra/mail.js';
import type { Services } from '../infra/services.js';
import { normaliseEmail } from './events.js';

const HOUR_MS = 3_600_000;

/**
 * Counts one mail to `to` in the current hour (every route and instance
 * together: verification, resend, reset code, reset link); false once the
 * recipient had MAIL_RECIPIENT_HOURLY_LIMIT (5) this hour. The caller then
 * issues nothing and sends nothing, and answers as if it had: a mailbox
 * cannot be flooded, and a code already mailed is not voided by requests
 * that mail nothing.
 */
export async function mayMail(svc: Services, to: string): Promise<boolean> {
  const key = `mail:${svc.keyedHash('mail-recipient', normaliseEmail(to))}`;
  const { count } = await svc.limits.hit(key, HOUR_MS);
  return count <= svc.config.mailRecipientHourlyLimit;
}

export function verificationCodeMail(to: string, code: string): Mail {
  return {
    to,
    kind: 'email-verification-code',
    subject: 'Your email verification code',
    text: [
      'Use this code to confirm your email address:',
      '',
      code,
      '',
      'It expires in 10 minutes and works once.',
      'If you did not create an account, ignore this mail.',
      '',
    ].join('\n'),
  };
}

export function resetCodeMail(to: string, code: string): Mail {
  return {
    to,
    kind: 'password-reset-code',
    subject: 'Your password reset code',
    text: [
      'Use this code to choose a new password:',
      '',
      code,
      '',
      'It expires in 10 minutes and works once.',
      'If you did not ask to reset your password, ignore this mail; your password is unchanged.',
      '',
    ].join('\n'),
  };
}

export function resetLinkMail(to: string, token: string): Mail {
  return {
    to,
    kind: 'password-reset-link',
    subject: 'Reset your password',
    text: [
      'To choose a new password, send it (POST, JSON {"password": "..."}) to:',
      '',
      `/users/reset-password/${token}`,
      '',
      'The link expires in 60 minutes and works once.',
      'If you did not ask to reset your password, ignore this mail; your password is unchanged.',
      '',
    ].join('\n'),
  };
}
