// Delivery adapters: email through SMTP (nodemailer) or to the log, SMS through an SmsSender (the default writes to the log).
import nodemailer, { type Transporter } from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** A protected person's address: adapters must not log it, not even redacted. */
  confidential?: boolean;
}

export interface EmailSender {
  /** Throws when the message was not accepted; the worker retries later. */
  send(msg: EmailMessage): Promise<void>;
  /** For the start-up log line: where email goes, without credentials. */
  readonly description: string;
}

export interface SmsMessage {
  /** +84xxxxxxxxx. */
  to: string;
  text: string;
  confidential?: boolean;
}

/** What a log line says in place of a confidential recipient. */
export const CONFIDENTIAL_RECIPIENT = '[bảo mật]';

/** A gateway that sends text messages (an SMS brandname provider); the product ships only the logging one. */
export interface SmsSender {
  send(msg: SmsMessage): Promise<void>;
  readonly description: string;
}

export interface NotifyLogger {
  info(obj: object, msg: string): void;
}

/** "+84912345678" → "*********678": enough to tell two numbers apart in a log, not enough to call. */
export function redactPhone(phone: string): string {
  return phone.length <= 3 ? phone : `${'*'.repeat(phone.length - 3)}${phone.slice(-3)}`;
}

/** "dan.nguyen@example.vn" → "d***@example.vn". */
export function redactEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return at <= 0 ? '***' : `${address[0] ?? ''}***${address.slice(at)}`;
}

/** Development default: the message goes to the server log (the recipient redacted). */
export class LogEmailSender implements EmailSender {
  readonly description = 'log (DANVAN_SMTP_URL not set: emails are written to the server log, not sent)';
  constructor(private readonly log: NotifyLogger) {}
  send(msg: EmailMessage): Promise<void> {
    this.log.info({ channel: 'email', to: msg.confidential ? CONFIDENTIAL_RECIPIENT : redactEmail(msg.to), subject: msg.subject, text: msg.text }, 'email (not sent: no SMTP server configured)');
    return Promise.resolve();
  }
}

export class LogSmsSender implements SmsSender {
  readonly description = 'log (no SMS gateway: text messages are written to the server log, not sent)';
  constructor(private readonly log: NotifyLogger) {}
  send(msg: SmsMessage): Promise<void> {
    this.log.info({ channel: 'sms', to: msg.confidential ? CONFIDENTIAL_RECIPIENT : redactPhone(msg.to), text: msg.text }, 'sms (not sent: no SMS gateway)');
    return Promise.resolve();
  }
}

/** Short timeouts: an unreachable server must not hold the worker for minutes (nodemailer waits 2 minutes by default). */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export class SmtpEmailSender implements EmailSender {
  readonly description: string;
  private readonly transport: Transporter;

  /** `url` like smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://user:pass@host:465. */
  constructor(
    url: string,
    private readonly from: string,
  ) {
    const u = new URL(url);
    this.description = `SMTP ${u.protocol}//${u.host}${u.username ? ` (user ${decodeURIComponent(u.username)})` : ''}, from ${from}`;
    const auth = u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined;
    this.transport = nodemailer.createTransport({
      host: u.hostname,
      port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
      secure: u.protocol === 'smtps:',
      ...(auth ? { auth } : {}),
      ...SMTP_TIMEOUTS,
    });
  }

  async send(msg: EmailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: msg.to, subject: msg.subject, text: msg.text });
  }

  close(): void {
    this.transport.close();
  }
}
