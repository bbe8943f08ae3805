// A real SMTP server inside the local stack that catches every mail instead of delivering it, so the
// notification emails can be read at /dev/mail/ (dev-mail-page.ts) and by tests. It listens on the
// loopback interface only, takes no authentication, and keeps the newest mails in memory.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  /** Order of arrival, from 1: the page's links use it. */
  id: number;
  receivedAt: string;
  /** The envelope's recipients (RCPT TO), as the sender gave them. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  /** The message as it came over the wire. */
  raw: string;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`: what the local mailer sends to (SMTP_URL). */
  url: string;
  /** The caught mails, newest first. */
  list(): CaughtMail[];
  get(id: number): CaughtMail | undefined;
  clear(): void;
  /** Resolves at the next mail caught (for tests), or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
}

/** Enough to read a day of local testing; the oldest go first. */
const kept = 200;
/** A notification mail is a few KB; anything near this is not one of ours. */
const maxMessageBytes = 1_000_000;

export async function startMailCatcher(options: { port?: number } = {}): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const waiting: Array<(mail: CaughtMail) => void> = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: maxMessageBytes,
    banner: 'Guildhall local mail catcher',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error('Message too large for the local catcher'), { responseCode: 552 }));
          return;
        }
        simpleParser(raw)
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const line of parsed.headerLines) {
              headers[line.key.toLowerCase()] = line.line.slice(line.line.indexOf(':') + 1).trim();
            }
            const mail: CaughtMail = {
              id: ++count,
              receivedAt: new Date().toISOString(),
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers,
              raw: raw.toString('utf8'),
            };
            mails.unshift(mail);
            mails.length = Math.min(mails.length, kept);
            for (const resolve of waiting.splice(0)) resolve(mail);
            callback();
          })
          .catch((error: unknown) => callback(error as Error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  // A broken client connection must not take the local stack down with it.
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    list: () => [...mails],
    get: (id) => mails.find((mail) => mail.id === id),
    clear: () => {
      mails.length = 0;
    },
    next: (timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No mail caught within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((mail) => {
          clearTimeout(timer);
          resolve(mail);
        });
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
