// `npm run audit -- <username, email or account id>`: an account's history
// from the event log, oldest first, with times and what happened, and no
// secrets (no hashes, no HMACs). Works for deleted accounts too: the claim
// stream of a username or email remembers every account that ever held it,
// and an erased account's personal data shows as [erased]. EVENTSTORE_URL
// selects EventStoreDB as for the server; otherwise the embedded store under
// DATA_DIR (and its key store beside it).
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../config.js';
import { openEventStore } from '../app.js';
import { comparePositions, type EventStore, type RecordedEvent } from '../infra/eventstore/types.js';
import type { KeyedHash } from '../infra/secrets.js';
import { ERASED } from '../infra/keystore/sealed-store.js';
import { openPersonalData } from '../personal.js';
import {
  MAX_CODE_ATTEMPTS,
  emailKey,
  streams,
  usernameKey,
  type ClaimEvent,
  type CodePurpose,
  type UserEvent,
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

const ENDED: Record<string, string> = {
  logout: 'logout',
  expired: 'expired',
  'password-reset': 'password reset',
  'account-deleted': 'account deleted',
};

/** One event in words. Only fields that are not secrets are named; unknown event types show their type only. */
export function describe(recorded: Pick<RecordedEvent, 'type' | 'data'>): string {
  const event = { type: recorded.type, data: recorded.data } as UserEvent | ClaimEvent;
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
    default:
      return (recorded as { type: string }).type;
  }
}

function userIdOf(e: RecordedEvent): number | null {
  const id = (e.data as { userId?: unknown }).userId;
  return typeof id === 'number' ? id : null;
}

/**
 * The history of every account that ever held this username or email: their
 * own streams and their username and email claim streams, in log order.
 * Empty when no account ever used the identifier.
 */
export async function auditLines(store: EventStore, names: KeyedHash, identifier: string): Promise<string[]> {
  const byEmail = identifier.includes('@');
  const claimStream = byEmail ? streams.email(emailKey(names, identifier)) : streams.username(usernameKey(names, identifier));
  const claims = await store.readStream(claimStream);
  const accounts = new Set(claims.map(userIdOf).filter((id): id is number => id !== null));
  // An account id: that account, whatever names it held.
  if (/^\d{1,15}$/.test(identifier) && (await store.readStream(streams.user(Number(identifier)))).length > 0) {
    accounts.add(Number(identifier));
  }
  if (accounts.size === 0) return [];

  const seen = new Map<string, RecordedEvent>();
  for (const e of claims) seen.set(e.id, e);
  for (const userId of accounts) {
    const own = await store.readStream(streams.user(userId));
    for (const e of own) seen.set(e.id, e);
    const registered = own.find((e) => e.type === 'UserRegistered')?.data as
      | { usernameKey?: string; emailKey?: string | null }
      | undefined;
    // The claim streams' names are recorded readable: found for an erased account too.
    if (!registered?.usernameKey) continue;
    const others = [streams.username(registered.usernameKey), ...(registered.emailKey ? [streams.email(registered.emailKey)] : [])];
    for (const stream of others) {
      // Only this account's claims: the value may have been held by others since.
      for (const e of await store.readStream(stream)) if (userIdOf(e) === userId) seen.set(e.id, e);
    }
  }

  const events = [...seen.values()].sort((a, b) => comparePositions(a.position, b.position));
  return events.map((e) => {
    const at = typeof e.data.at === 'string' ? e.data.at : e.created.toISOString();
    return `${at}  user ${userIdOf(e) ?? '?'}  ${describe(e)}`;
  });
}

async function main(args: string[]): Promise<number> {
  const identifier = args.find((a) => a !== '--')?.trim();
  if (!identifier) {
    process.stderr.write('usage: npm run audit -- <username, email or account id>\n');
    return 64; // EX_USAGE
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      return 78; // EX_CONFIG
    }
    throw error;
  }
  const raw = await openEventStore(config);
  const personal = await openPersonalData(config, raw);
  const store = personal.eventStore;
  try {
    const lines = await auditLines(store, personal.names, identifier);
    if (lines.length === 0) {
      process.stderr.write(`no account has ever used "${identifier}"\n`);
      return 1;
    }
    process.stdout.write(`History of "${identifier}" (${store.kind} event store), oldest first:\n${lines.join('\n')}\n`);
    return 0;
  } finally {
    await personal.dataKeys.close();
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`audit failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
