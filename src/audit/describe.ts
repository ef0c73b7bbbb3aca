// Every event of the log in words, for the audit tool and the admin routes:
// only fields that are not secrets are named, erased personal data shows as
// [erased], and unknown event types show their type only.
import type { RecordedEvent } from '../infra/eventstore/types.js';
import { ERASED } from '../infra/keystore/sealed-store.js';
import type { DataEvent } from '../data/events.js';
import type { OrderEvent, OrderIdEvent } from '../orders/events.js';
import type { ProductEvent, ProductIdEvent } from '../products/events.js';
import {
  MAX_CODE_ATTEMPTS,
  type ClaimEvent,
  type CodePurpose,
  type UserEvent,
  type UserIdEvent,
} from '../users/events.js';

const PURPOSE: Record<CodePurpose, string> = {
  'email-verification': 'email verification code',
  'password-reset': 'password reset code',
  'reset-link': 'password reset link',
  'reset-token': 'password reset token',
};

const VOIDED: Record<string, string> = {
  attempts: `${MAX_CODE_ATTEMPTS} wrong attempts`,
  superseded: 'a newer one was issued',
  expired: 'expired',
  'account-deleted': 'account deleted',
};

const FAILED: Record<string, string> = {
  'wrong-password': 'wrong password',
  unverified: 'email not verified',
  'locked-out': 'too many attempts, locked out for the rest of the minute',
};

const ENDED: Record<string, string> = {
  logout: 'logout',
  expired: 'expired',
  'password-reset': 'password reset',
  'account-deleted': 'account deleted',
};

/** One event in words. Only fields that are not secrets are named; unknown event types show their type only. */
export function describe(recorded: Pick<RecordedEvent, 'type' | 'data'>): string {
  const event = { type: recorded.type, data: recorded.data } as
    | UserEvent
    | ClaimEvent
    | UserIdEvent
    | ProductEvent
    | ProductIdEvent
    | OrderEvent
    | OrderIdEvent
    | DataEvent;
  switch (event.type) {
    case 'UserRegistered': {
      const d = event.data;
      const email = d.email === ERASED ? '' : d.email ? ` <${d.email}>` : '';
      const name = d.username === ERASED ? ERASED : `"${d.username}"${email}`;
      return `registered as ${name} (via ${d.via})${d.mustVerifyEmail ? ', email to be verified before sign-in' : ''}`;
    }
    case 'EmailVerificationRequested':
      return `email verification requested (via ${event.data.via})`;
    case 'EmailVerified':
      return `email verified (via ${event.data.via})`;
    case 'PasswordResetRequested':
      return `password reset requested, by mailed ${event.data.method} (via ${event.data.via})`;
    case 'OneTimeCodeIssued':
      return `${PURPOSE[event.data.purpose]} issued (via ${event.data.via}), expires ${event.data.expiresAt}`;
    case 'OneTimeCodeAttemptFailed':
      return `wrong ${PURPOSE[event.data.purpose]} presented (attempt ${event.data.failedAttempts} of ${MAX_CODE_ATTEMPTS}, via ${event.data.via})`;
    case 'OneTimeCodeVoided':
      return `${PURPOSE[event.data.purpose]} voided: ${VOIDED[event.data.reason] ?? event.data.reason}`;
    case 'OneTimeCodeUsed':
      return `${PURPOSE[event.data.purpose]} used (via ${event.data.via})`;
    case 'PasswordReset':
      return `password reset (via ${event.data.via})`;
    case 'SessionStarted':
      return `session started (via ${event.data.via}), expires ${event.data.expiresAt}`;
    case 'SessionsEnded': {
      const n = event.data.sessionKeys.length;
      const via = event.data.via ? ` (via ${event.data.via})` : '';
      return `${n} session${n === 1 ? '' : 's'} ended: ${ENDED[event.data.reason] ?? event.data.reason}${via}`;
    }
    case 'SignInFailed':
      return `sign-in refused: ${FAILED[event.data.reason] ?? event.data.reason} (via ${event.data.via})`;
    case 'AccountDeleted':
      return `account deleted (via ${event.data.via})`;
    case 'UsernameClaimed':
      return event.data.username === ERASED ? `username ${ERASED} claimed` : `username "${event.data.username}" claimed`;
    case 'UsernameReleased':
      return 'username released';
    case 'EmailClaimed':
      return event.data.email === ERASED ? `email ${ERASED} claimed` : `email <${event.data.email}> claimed`;
    case 'EmailReleased':
      return 'email released';
    case 'UserIdAllocated':
      return 'account id allocated';
    case 'ProductIdAllocated':
      return `product id allocated by user ${event.data.userId}`;
    case 'OrderIdAllocated':
      return `order id allocated by user ${event.data.userId}`;
    case 'ProductCreated':
      return `product ${event.data.productId} created as "${event.data.name}" (${quote(event.data.description)}) by user ${event.data.userId}`;
    case 'ProductUpdated':
      return `product ${event.data.productId} changed to "${event.data.name}" (${quote(event.data.description)}) by user ${event.data.userId}`;
    case 'ProductDeleted':
      return `product ${event.data.productId} deleted by user ${event.data.userId}`;
    case 'OrderPlaced': {
      const items = event.data.items.map((i) => `${i.quantity} × "${i.name}" (product ${i.productId})`).join(', ');
      return `order ${event.data.orderId} placed by user ${event.data.userId}: ${items}`;
    }
    case 'OrderCancelled':
      return `order ${event.data.orderId} cancelled by user ${event.data.userId}`;
    case 'DataStored':
      return `key ${key(event.data.key)} stored: ${value(event.data.value)}`;
    case 'DataUpdated':
      return `key ${key(event.data.key)} updated: ${value(event.data.value)}`;
    case 'DataDeleted':
      return `key ${key(event.data.key)} deleted`;
    default:
      return (recorded as { type: string }).type;
  }
}

const quote = (text: string) => (text.length > 60 ? `"${text.slice(0, 57)}..."` : `"${text}"`);
const key = (k: unknown) => (k === ERASED ? ERASED : JSON.stringify(k));
function value(v: unknown): string {
  if (v === ERASED) return ERASED;
  const text = JSON.stringify(v) ?? 'null';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
