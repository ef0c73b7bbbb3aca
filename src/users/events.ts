// What happens to accounts, as recorded in the log. Secrets never appear here
// in the clear: passwords as argon2id hashes; codes, reset tokens and session
// ids as keyed HMACs (svc.keyedHash). Personal data (PERSONAL_FIELDS below) is
// written encrypted under the account's data key (src/personal.ts), and stream
// names hold keyed HMACs of usernames and emails (svc.names), never the values.

import type { Family } from '../shared/family.js';
import type { KeyedHash } from '../infra/secrets.js';

export type { Family };

export interface Profile {
  full_name?: string;
  age?: number;
  gender?: string;
  phoneNumber?: string | number;
  deliveryAddress?: Record<string, unknown>;
}

/**
 * What a one-time secret is for. `email-verification` and `password-reset` are
 * 6-digit codes sent by mail; `reset-link` is B's mailed link token; `reset-token`
 * is what C's `/auth/forgot/otp` hands out for `/auth/forgot/reset`.
 */
export type CodePurpose = 'email-verification' | 'password-reset' | 'reset-link' | 'reset-token';

/** Why sessions ended. */
export type SessionEndReason = 'logout' | 'expired' | 'password-reset' | 'account-deleted';

/** Why a sign-in on an existing account was refused: a wrong password, an unverified email, or the account's attempt budget spent. */
export type SignInFailure = 'wrong-password' | 'unverified' | 'locked-out';

/** Why a one-time secret can no longer be used without having been used. */
export type CodeVoidReason = 'attempts' | 'superseded' | 'expired' | 'account-deleted';

/** Events of one account's stream, `user-<id>`. */
export type UserEvent =
  | {
      type: 'UserRegistered';
      data: {
        userId: number;
        username: string;
        email: string | null;
        passwordHash: string;
        /** HMACs naming the claim streams (absent in logs written before erasure existed). */
        usernameKey?: string;
        emailKey?: string | null;
        /** B's accounts must confirm their email before any family lets them sign in. */
        mustVerifyEmail: boolean;
        profile: Profile;
        via: Family;
        at: string;
      };
    }
  | { type: 'EmailVerificationRequested'; data: { userId: number; via: Family; at: string } }
  | { type: 'EmailVerified'; data: { userId: number; via: Family; at: string } }
  | { type: 'PasswordResetRequested'; data: { userId: number; method: 'code' | 'link'; via: Family; at: string } }
  | {
      type: 'OneTimeCodeIssued';
      data: { userId: number; purpose: CodePurpose; codeKey: string; via: Family; at: string; expiresAt: string };
    }
  | {
      type: 'OneTimeCodeAttemptFailed';
      data: { userId: number; purpose: CodePurpose; failedAttempts: number; via: Family; at: string };
    }
  | {
      type: 'OneTimeCodeVoided';
      data: { userId: number; purpose: CodePurpose; codeKey: string; reason: CodeVoidReason; at: string };
    }
  | { type: 'OneTimeCodeUsed'; data: { userId: number; purpose: CodePurpose; codeKey: string; via: Family; at: string } }
  | { type: 'PasswordReset'; data: { userId: number; passwordHash: string; via: Family; at: string } }
  | {
      type: 'SessionStarted';
      data: { userId: number; sessionKey: string; via: Family; at: string; expiresAt: string };
    }
  | {
      type: 'SessionsEnded';
      /** One event for every session a command ends, so the projection drops all their keys at once. */
      data: { userId: number; sessionKeys: string[]; reason: SessionEndReason; via?: Family; at: string };
    }
  | {
      type: 'SignInFailed';
      /** A refused sign-in on this account: nothing about the guess, only why and through which family. */
      data: { userId: number; reason: SignInFailure; via: Family; at: string };
    }
  | {
      type: 'AccountDeleted';
      /**
       * No personal data: the claim streams' HMACs only. `username` and `email`
       * appear in logs written before erasure existed.
       */
      data: {
        userId: number;
        usernameKey?: string;
        emailKey?: string | null;
        username?: string;
        email?: string | null;
        via: Family;
        at: string;
      };
    };

/** Events of a uniqueness reservation stream, `username-<HMAC>` or `email-<HMAC>` (of the normalised value). */
export type ClaimEvent =
  | { type: 'UsernameClaimed'; data: { userId: number; username: string; at: string } }
  | { type: 'UsernameReleased'; data: { userId: number; at: string } }
  | { type: 'EmailClaimed'; data: { userId: number; email: string; at: string } }
  | { type: 'EmailReleased'; data: { userId: number; at: string } };

/** The user id counter stream: id N is the event at revision N-1. */
export type UserIdEvent = { type: 'UserIdAllocated'; data: { at: string } };

export const normaliseUsername = (username: string) => username.toLowerCase();
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The keyed HMACs that stand for a username or an email in stream names and read-model keys. */
export const usernameKey = (names: KeyedHash, username: string) => names('username', normaliseUsername(username));
export const emailKey = (names: KeyedHash, email: string) => names('email', normaliseEmail(email));

export const streams = {
  user: (userId: number) => `user-${userId}`,
  /** `key`: usernameKey(...) */
  username: (key: string) => `username-${key}`,
  /** `key`: emailKey(...) */
  email: (key: string) => `email-${key}`,
  userIds: 'ids-user',
};

/** The personal fields of each event type, and whose they are (sealed by src/personal.ts). */
export const USER_PERSONAL_FIELDS = {
  UserRegistered: { owner: 'userId', fields: ['username', 'email', 'passwordHash', 'profile'] },
  PasswordReset: { owner: 'userId', fields: ['passwordHash'] },
  // Only in logs from before erasure, once moved by the copy tool.
  AccountDeleted: { owner: 'userId', fields: ['username', 'email'] },
  UsernameClaimed: { owner: 'userId', fields: ['username'] },
  EmailClaimed: { owner: 'userId', fields: ['email'] },
} as const;

/** Access tokens and sessions live this long (D documents expires_in: 3600). */
export const SESSION_SECONDS = 3600;

/** Lifetimes of one-time secrets (API-CONTRACT.md): mailed codes and C's reset token 10 min, B's links 60 min. */
export const CODE_SECONDS: Record<CodePurpose, number> = {
  'email-verification': 600,
  'password-reset': 600,
  'reset-link': 3600,
  'reset-token': 600,
};

/** Wrong attempts after which a code or token is void. */
export const MAX_CODE_ATTEMPTS = 5;
