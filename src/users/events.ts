// What happens to accounts, as recorded in the log. Secrets never appear here
// in the clear: passwords as argon2id hashes, session ids as keyed HMACs.

import type { Family } from '../infra/http/envelopes.js';

export type { Family };

export interface Profile {
  full_name?: string;
  age?: number;
  gender?: string;
  phoneNumber?: string | number;
  deliveryAddress?: Record<string, unknown>;
}

/** Events of one account's stream, `user-<id>`. */
export type UserEvent =
  | {
      type: 'UserRegistered';
      data: {
        userId: number;
        username: string;
        email: string | null;
        passwordHash: string;
        /** B's accounts start unverified; every other family's are active at once. */
        verified: boolean;
        profile: Profile;
        via: Family;
        at: string;
      };
    }
  | {
      type: 'SessionStarted';
      data: { userId: number; sessionKey: string; via: Family; at: string; expiresAt: string };
    };

/** Events of a uniqueness reservation stream, `username-<normalised>` or `email-<normalised>`. */
export type ClaimEvent =
  | { type: 'UsernameClaimed'; data: { userId: number; username: string; at: string } }
  | { type: 'UsernameReleased'; data: { userId: number; at: string } }
  | { type: 'EmailClaimed'; data: { userId: number; email: string; at: string } }
  | { type: 'EmailReleased'; data: { userId: number; at: string } };

/** The user id counter stream: id N is the event at revision N-1. */
export type UserIdEvent = { type: 'UserIdAllocated'; data: { at: string } };

export const normaliseUsername = (username: string) => username.toLowerCase();
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const streams = {
  user: (userId: number) => `user-${userId}`,
  username: (username: string) => `username-${normaliseUsername(username)}`,
  email: (email: string) => `email-${normaliseEmail(email)}`,
  userIds: 'ids-user',
};

/** Access tokens and sessions live this long (D documents expires_in: 3600). */
export const SESSION_SECONDS = 3600;
