// The account decider: pure functions over one account's stream. Codes,
// tokens and session ids arrive already HMAC'd (the decider never sees a
// secret); time arrives in the command.
import type { Decider } from '../infra/commands.js';
import { DomainError, assertNever } from '../infra/errors.js';
import { sameHash } from '../infra/secrets.js';
import {
  CODE_SECONDS,
  MAX_CODE_ATTEMPTS,
  type CodePurpose,
  type CodeVoidReason,
  type Family,
  type Profile,
  type SessionEndReason,
  type UserEvent,
} from './events.js';

export interface LiveCode {
  codeKey: string;
  expiresAt: string;
  failedAttempts: number;
}

/** A registered account that is not deleted: what every decision reads. */
export interface ActiveAccount {
  status: 'active';
  userId: number;
  username: string;
  email: string | null;
  passwordHash: string;
  /** HMACs naming its claim streams (see events.ts); null in logs from before erasure. */
  usernameKey: string | null;
  emailKey: string | null;
  /** Registered through B: no family signs it in before the email is confirmed. */
  mustVerifyEmail: boolean;
  emailVerified: boolean;
  /** Sessions not ended yet: HMAC of the session id → expiry (ISO). */
  sessions: Record<string, string>;
  /** At most one outstanding secret per purpose; a newer one voids the older. */
  codes: Partial<Record<CodePurpose, LiveCode>>;
}

/** A deleted account keeps no personal field, no session and no code: only what names it. */
export interface DeletedAccount {
  status: 'deleted';
  userId: number;
  usernameKey: string | null;
  emailKey: string | null;
  mustVerifyEmail: boolean;
  emailVerified: boolean;
}

export type UserState = { status: 'absent' } | ActiveAccount | DeletedAccount;

type Meta = { metadata: { now: Date } };

/** Why the account refuses a command, in the domain's words (the families map them to their answers). */
export type AccountRefusal = 'UnknownUser' | 'UserExists' | 'InvalidCode' | 'EmailNotVerified' | 'NoEmail' | 'AlreadyVerified';
const refuse = (code: AccountRefusal, message: string) => new DomainError(code, message);

/** The secrets a password reset can be completed with. */
export type ResetPurpose = 'password-reset' | 'reset-link' | 'reset-token';

export type UserCommand =
  | ({
      type: 'RegisterUser';
      data: {
        userId: number;
        username: string;
        email: string | null;
        passwordHash: string;
        usernameKey: string;
        emailKey: string | null;
        mustVerifyEmail: boolean;
        profile: Profile;
        via: Family;
        /** HMAC of the verification code to mail, when the account must verify its email. */
        verificationCodeKey?: string;
      };
    } & Meta)
  | ({
      type: 'StartSession';
      /** `requireVerifiedEmail`: B's login asks every account for a confirmed email. */
      data: { sessionKey: string; via: Family; seconds: number; requireVerifiedEmail?: boolean };
    } & Meta)
  | ({ type: 'EndSession'; data: { sessionKey: string; via: Family } } & Meta)
  | ({ type: 'RequestEmailVerification'; data: { codeKey: string; via: Family } } & Meta)
  | ({ type: 'VerifyEmail'; data: { codeKey: string; via: Family } } & Meta)
  | ({ type: 'RequestPasswordReset'; data: { purpose: 'password-reset' | 'reset-link'; codeKey: string; via: Family } } & Meta)
  | ({ type: 'ResetPassword'; data: { purpose: ResetPurpose; codeKey: string; passwordHash: string; via: Family } } & Meta)
  | ({ type: 'ExchangeResetCode'; data: { codeKey: string; tokenKey: string; via: Family } } & Meta)
  | ({ type: 'DeleteAccount'; data: { via: Family } } & Meta);

export const initialState = (): UserState => ({ status: 'absent' });

/** May this account get a token or a session? */
export const maySignIn = (s: UserState) => s.status === 'active' && (!s.mustVerifyEmail || s.emailVerified);

/** The account's email while it is active (null otherwise, or when it has none). */
export const emailOf = (s: UserState): string | null => (s.status === 'active' ? s.email : null);

function withoutCode(codes: ActiveAccount['codes'], purpose: CodePurpose): ActiveAccount['codes'] {
  const next = { ...codes };
  delete next[purpose];
  return next;
}

export function evolve(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserRegistered') {
    const d = event.data;
    return {
      status: 'active',
      userId: d.userId,
      username: d.username,
      email: d.email,
      passwordHash: d.passwordHash,
      usernameKey: d.usernameKey ?? null,
      emailKey: d.emailKey ?? null,
      mustVerifyEmail: d.mustVerifyEmail,
      emailVerified: false,
      sessions: {},
      codes: {},
    };
  }
  // Only a registered, undeleted account changes; the decisions record nothing else.
  return state.status === 'active' ? evolveActive(state, event) : state;
}

function evolveActive(state: ActiveAccount, event: Exclude<UserEvent, { type: 'UserRegistered' }>): UserState {
  switch (event.type) {
    case 'EmailVerified':
      return { ...state, emailVerified: true };
    case 'OneTimeCodeIssued':
      return {
        ...state,
        codes: {
          ...state.codes,
          [event.data.purpose]: { codeKey: event.data.codeKey, expiresAt: event.data.expiresAt, failedAttempts: 0 },
        },
      };
    case 'OneTimeCodeAttemptFailed': {
      const code = state.codes[event.data.purpose];
      if (!code) return state;
      return {
        ...state,
        codes: { ...state.codes, [event.data.purpose]: { ...code, failedAttempts: event.data.failedAttempts } },
      };
    }
    case 'OneTimeCodeVoided':
    case 'OneTimeCodeUsed':
      return { ...state, codes: withoutCode(state.codes, event.data.purpose) };
    case 'PasswordReset':
      return { ...state, passwordHash: event.data.passwordHash };
    case 'SessionStarted':
      return { ...state, sessions: { ...state.sessions, [event.data.sessionKey]: event.data.expiresAt } };
    case 'SessionsEnded': {
      const sessions = { ...state.sessions };
      for (const key of event.data.sessionKeys) delete sessions[key];
      return { ...state, sessions };
    }
    case 'AccountDeleted': {
      // Personal fields go with the account: a folded state kept in memory must not outlive them.
      const { userId, usernameKey, emailKey, mustVerifyEmail, emailVerified } = state;
      return { status: 'deleted', userId, usernameKey, emailKey, mustVerifyEmail, emailVerified };
    }
    case 'EmailVerificationRequested':
    case 'PasswordResetRequested':
    case 'SignInFailed': // a record for the audit: the state (and so every decision) is unchanged
      return state;
    default:
      return assertNever(event);
  }
}

const later = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
const isPast = (iso: string, now: Date) => Date.parse(iso) <= now.getTime();

function active(state: UserState): ActiveAccount {
  if (state.status !== 'active') throw refuse('UnknownUser', 'no such account');
  return state;
}

/** Ends the listed sessions (nothing when there are none). */
function endSessions(userId: number, keys: string[], reason: SessionEndReason, at: string, via?: Family): UserEvent[] {
  if (keys.length === 0) return [];
  return [{ type: 'SessionsEnded', data: { userId, sessionKeys: keys, reason, at, ...(via ? { via } : {}) } }];
}

/** Voids the outstanding secret of a purpose, if any: expired if its time is up, otherwise for `reason`. */
function voidCode(state: ActiveAccount, purpose: CodePurpose, reason: CodeVoidReason, now: Date): UserEvent[] {
  const code = state.codes[purpose];
  if (!code) return [];
  const why: CodeVoidReason = reason === 'superseded' && isPast(code.expiresAt, now) ? 'expired' : reason;
  return [
    {
      type: 'OneTimeCodeVoided',
      data: { userId: state.userId, purpose, codeKey: code.codeKey, reason: why, at: now.toISOString() },
    },
  ];
}

/** A new secret for a purpose; the previous one, if any, is void from now on. */
function issueCode(state: ActiveAccount, purpose: CodePurpose, codeKey: string, via: Family, now: Date): UserEvent[] {
  const { userId } = state;
  return [
    ...voidCode(state, purpose, 'superseded', now),
    {
      type: 'OneTimeCodeIssued',
      data: { userId, purpose, codeKey, via, at: now.toISOString(), expiresAt: later(now, CODE_SECONDS[purpose]) },
    },
  ];
}

/**
 * Someone presents a secret. Matching: it is used (single use). Wrong: the
 * attempt is counted and the fifth voids it. Expired: it is voided. No
 * outstanding secret at all: InvalidCode, and nothing to record.
 */
function presentCode(
  state: ActiveAccount,
  purpose: CodePurpose,
  codeKey: string,
  via: Family,
  now: Date,
): { matched: boolean; events: UserEvent[] } {
  const { userId } = state;
  const code = state.codes[purpose];
  if (!code) throw refuse('InvalidCode', 'no outstanding code');
  const at = now.toISOString();
  if (isPast(code.expiresAt, now)) return { matched: false, events: voidCode(state, purpose, 'expired', now) };
  if (sameHash(code.codeKey, codeKey)) {
    return { matched: true, events: [{ type: 'OneTimeCodeUsed', data: { userId, purpose, codeKey: code.codeKey, via, at } }] };
  }
  const failedAttempts = code.failedAttempts + 1;
  const events: UserEvent[] = [{ type: 'OneTimeCodeAttemptFailed', data: { userId, purpose, failedAttempts, via, at } }];
  if (failedAttempts >= MAX_CODE_ATTEMPTS) events.push(...voidCode(state, purpose, 'attempts', now));
  return { matched: false, events };
}

const RESET_PURPOSES: ResetPurpose[] = ['password-reset', 'reset-link', 'reset-token'];

export function decide(command: UserCommand, state: UserState): UserEvent[] {
  const now = command.metadata.now;
  const at = now.toISOString();
  if (command.type === 'RegisterUser') {
    if (state.status !== 'absent') throw refuse('UserExists', 'account already exists');
    const { verificationCodeKey, ...d } = command.data;
    const registered: UserEvent = { type: 'UserRegistered', data: { ...d, at } };
    if (verificationCodeKey === undefined) return [registered];
    return [
      registered,
      { type: 'EmailVerificationRequested', data: { userId: d.userId, via: d.via, at } },
      ...issueCode(active(evolve(state, registered)), 'email-verification', verificationCodeKey, d.via, now),
    ];
  }
  // Logging out of a session that is already over (or of an account that is gone) changes nothing.
  if (command.type === 'EndSession' && state.status !== 'active') return [];
  const account = active(state);
  const { userId } = account;
  switch (command.type) {
    case 'StartSession': {
      if (!maySignIn(account) || (command.data.requireVerifiedEmail && !account.emailVerified)) {
        throw refuse('EmailNotVerified', 'email not verified');
      }
      // Expired sessions are cleaned up here, so neither the stream's state nor the read model keeps them forever.
      const expired = Object.keys(account.sessions).filter((k) => isPast(account.sessions[k]!, now));
      return [
        ...endSessions(userId, expired, 'expired', at),
        {
          type: 'SessionStarted',
          data: {
            userId,
            sessionKey: command.data.sessionKey,
            via: command.data.via,
            at,
            expiresAt: later(now, command.data.seconds),
          },
        },
      ];
    }
    case 'EndSession': {
      if (!(command.data.sessionKey in account.sessions)) return [];
      return endSessions(userId, [command.data.sessionKey], 'logout', at, command.data.via);
    }
    case 'RequestEmailVerification': {
      if (account.email === null) throw refuse('NoEmail', 'account has no email');
      if (account.emailVerified) throw refuse('AlreadyVerified', 'email already verified');
      return [
        { type: 'EmailVerificationRequested', data: { userId, via: command.data.via, at } },
        ...issueCode(account, 'email-verification', command.data.codeKey, command.data.via, now),
      ];
    }
    case 'VerifyEmail': {
      if (account.emailVerified) throw refuse('AlreadyVerified', 'email already verified');
      const attempt = presentCode(account, 'email-verification', command.data.codeKey, command.data.via, now);
      if (!attempt.matched) return attempt.events;
      return [...attempt.events, { type: 'EmailVerified', data: { userId, via: command.data.via, at } }];
    }
    case 'RequestPasswordReset': {
      if (account.email === null) throw refuse('NoEmail', 'account has no email');
      const { purpose, codeKey, via } = command.data;
      return [
        { type: 'PasswordResetRequested', data: { userId, method: purpose === 'reset-link' ? 'link' : 'code', via, at } },
        ...issueCode(account, purpose, codeKey, via, now),
      ];
    }
    case 'ResetPassword': {
      const { purpose, codeKey, passwordHash, via } = command.data;
      const attempt = presentCode(account, purpose, codeKey, via, now);
      if (!attempt.matched) return attempt.events;
      // A new password makes every other outstanding reset secret and every session void.
      const others = RESET_PURPOSES.filter((p) => p !== purpose).flatMap((p) => voidCode(account, p, 'superseded', now));
      return [
        ...attempt.events,
        { type: 'PasswordReset', data: { userId, passwordHash, via, at } },
        ...others,
        ...endSessions(userId, Object.keys(account.sessions), 'password-reset', at, via),
      ];
    }
    case 'ExchangeResetCode': {
      const { codeKey, tokenKey, via } = command.data;
      const attempt = presentCode(account, 'password-reset', codeKey, via, now);
      if (!attempt.matched) return attempt.events;
      return [...attempt.events, ...issueCode(account, 'reset-token', tokenKey, via, now)];
    }
    case 'DeleteAccount': {
      const purposes = Object.keys(account.codes) as CodePurpose[];
      return [
        ...endSessions(userId, Object.keys(account.sessions), 'account-deleted', at, command.data.via),
        ...purposes.flatMap((p) => voidCode(account, p, 'account-deleted', now)),
        {
          type: 'AccountDeleted',
          data: {
            userId,
            ...(account.usernameKey === null ? {} : { usernameKey: account.usernameKey, emailKey: account.emailKey }),
            via: command.data.via,
            at,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export const userDecider: Decider<UserState, UserCommand, UserEvent> = { initialState, evolve, decide };
