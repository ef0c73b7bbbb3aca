// A real SMTP server on a free local port (the smtp-server package) that keeps
// every message it accepts, so tests drive the app's SMTP path end to end and
// read codes and links out of the mail a person would get.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  /** The decoded plain-text body. */
  text: string;
  raw: string;
}

interface Teardown {
  teardown(fn: () => unknown): void;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** A single-part text message as nodemailer writes it: headers, blank line, body in 7bit, QP or base64. */
export function parseMail(raw: string): Omit<ReceivedMail, 'from' | 'to' | 'raw'> {
  // SMTP delivers CRLF; the .eml outbox is written with LF.
  const crlf = raw.replace(/\r?\n/g, '\r\n');
  const split = crlf.indexOf('\r\n\r\n');
  const head = split === -1 ? crlf : crlf.slice(0, split);
  const body = split === -1 ? '' : crlf.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let text = body;
  if (encoding === 'quoted-printable') text = decodeQuotedPrintable(body);
  else if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return { subject: headers.get('subject') ?? '', text: text.replace(/\r\n/g, '\n') };
}

export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** While set, every message is refused with this SMTP reply (a mail server that says no). */
  reject: { code: number; message: string } | null = null;
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (this.reject) {
          const error = Object.assign(new Error(this.reject.message), { responseCode: this.reject.code });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            ...parseMail(raw),
          });
          callback();
        });
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Messages to one address, oldest first. */
  to(address: string): ReceivedMail[] {
    const a = address.toLowerCase();
    return this.messages.filter((m) => m.to.some((t) => t.toLowerCase() === a));
  }

  /** The newest message to an address; fails the test loudly when there is none. */
  last(address: string): ReceivedMail {
    const all = this.to(address);
    const m = all[all.length - 1];
    if (!m) throw new Error(`no mail to ${address}`);
    return m;
  }

  /** The standalone 6-digit code of the newest mail to an address. */
  code(address: string): string {
    const m = /^(\d{6})$/m.exec(this.last(address).text);
    if (!m) throw new Error(`no code in the mail to ${address}`);
    return m[1]!;
  }

  /** The token of the newest B reset link mailed to an address. */
  resetToken(address: string): string {
    const m = /\/users\/reset-password\/(\S+)/.exec(this.last(address).text);
    if (!m) throw new Error(`no reset link in the mail to ${address}`);
    return m[1]!;
  }
}

/** A started sink, closed in the test's teardown. */
export async function smtpSink(t: Teardown): Promise<SmtpSink> {
  const sink = await new SmtpSink().start();
  t.teardown(() => sink.close());
  return sink;
}
