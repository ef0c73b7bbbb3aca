// Outgoing mail behind a small interface: SMTP through nodemailer when
// SMTP_URL is set (and MAIL_TRANSPORT is not outbox), otherwise each message is written to DATA_DIR/outbox/ as an
// .eml file (for development and for people reading codes by hand). A mail
// that cannot be sent is a MailUnavailableError: 503 to the client in its
// family's envelope, one log line, never a crash.
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { Problem } from './errors.js';

export interface Mail {
  to: string;
  subject: string;
  /** Plain text only: codes and links must be readable by a person and by a script. */
  text: string;
  /** What the mail is for, for the log line (which never names the address). */
  kind?: string;
  /** Whose it is, for the log line, when the sender knows. */
  accountId?: number;
}

/** What a log line may say about a mail: its kind and account, never the address or the text. */
const about = (mail: Mail) => ({ kind: mail.kind ?? 'unknown', ...(mail.accountId === undefined ? {} : { accountId: mail.accountId }) });

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  /** Delivers one message to the transport; rejects with MailUnavailableError. */
  send(mail: Mail): Promise<void>;
  /**
   * Checks the transport answers without sending anything (SMTP: connect and
   * greet; outbox: the directory is writable). Routes that must not reveal
   * whether an account exists do this when there is nobody to mail, so that a
   * mail outage looks the same either way.
   */
  probe(): Promise<void>;
  close(): void;
}

export class MailUnavailableError extends Problem {
  constructor() {
    super(503, 'Mail could not be sent, please try again later', 'SERVICE_UNAVAILABLE', { 'retry-after': '30' });
    this.name = 'MailUnavailableError';
  }
}

/** What a failed send may say in a log line: never the message itself. */
function describe(error: unknown): Record<string, unknown> {
  const e = error as { code?: unknown; command?: unknown; responseCode?: unknown; message?: unknown };
  // SMTP replies often quote the recipient ("<a@b.c>: Recipient address rejected"): personal data.
  const reason = String(e.message ?? error).replace(/[^\s<>"']+@[^\s<>"']+/g, '[address]');
  return { code: e.code, command: e.command, responseCode: e.responseCode, reason };
}

/**
 * nodemailer, loaded at the first mail rather than at start (it is a tenth of
 * the service's start-up; most starts send nothing for a while). The
 * transport is made then too, and kept.
 */
function lazyTransport(make: (nodemailer: typeof import('nodemailer').default) => Transporter): { get(): Promise<Transporter>; close(): void } {
  let transport: Promise<Transporter> | undefined;
  return {
    get: () => (transport ??= import('nodemailer').then((m) => make(m.default))),
    close: () => void transport?.then((t) => t.close(), () => {}),
  };
}

export function createMailer(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'> & Partial<Pick<Config, 'mailTransport'>>,
  log: FastifyBaseLogger,
): Mailer {
  const fail = (what: string, error: unknown, mail?: Mail): never => {
    log.error({ mail: { ...describe(error), ...(mail ? about(mail) : {}) } }, what);
    throw new MailUnavailableError();
  };

  if (config.smtpUrl && config.mailTransport !== 'outbox') {
    // A pool keeps a few connections open: a code mail need not wait for a new SMTP greeting.
    // nodemailer's default timeouts wait minutes for a silent server; a client is waiting here.
    // Settings in the URL's query string (e.g. ?maxConnections=) still win.
    const transport = lazyTransport((nodemailer) =>
      nodemailer.createTransport(
        {
          url: config.smtpUrl,
          pool: true,
          maxConnections: 5,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        },
        { from: config.mailFrom },
      ),
    );
    return {
      kind: 'smtp',
      async send(mail) {
        try {
          await (await transport.get()).sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
        } catch (error) {
          fail('mail could not be sent', error, mail);
        }
        log.info({ mail: about(mail) }, 'mail sent');
      },
      async probe() {
        try {
          await (await transport.get()).verify();
        } catch (error) {
          fail('mail server unavailable', error);
        }
      },
      close: () => transport.close(),
    };
  }

  const outbox = join(config.dataDir, 'outbox');
  const render = lazyTransport((nodemailer) => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from: config.mailFrom }));
  return {
    kind: 'outbox',
    async send(mail) {
      try {
        const info = await (await render.get()).sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
        await mkdir(outbox, { recursive: true });
        await writeFile(join(outbox, `${Date.now()}-${randomUUID()}.eml`), info.message as Buffer, { flag: 'wx' });
      } catch (error) {
        fail('mail could not be written to the outbox', error, mail);
      }
      log.info({ mail: about(mail) }, 'mail written to the outbox');
    },
    async probe() {
      try {
        await mkdir(outbox, { recursive: true });
        await access(outbox, constants.W_OK);
      } catch (error) {
        fail('mail outbox unavailable', error);
      }
    },
    close: () => render.close(),
  };
}
