// Writing messages to the outbox inside the caller's transaction: a rolled-back event sends nothing, a committed one is never lost.
import { normalizeEmail, normalizePhone } from '../../../common/contacts';
import type { Tx } from '../../db/client';
import { compiled, placeholderRows, placeholderValues, runCompiled } from '../../db/compiled';
import { notifications } from '../../db/schema';
import { sealRecipient } from './recipients';
import type { Alongside } from '../workflow/workflow.record';

export interface OutgoingMessage {
  channel: 'email' | 'sms';
  recipient: string;
  subject?: string | null;
  body: string;
  template: string;
  entityType?: string | null;
  entityId?: string | null;
  /** The body holds a secret (a one-time code): blanked once delivered or given up. */
  sensitive?: boolean;
  /** The recipient is a protected person's contact: sealed in the outbox, opened by the worker only to send, never logged. */
  confidential?: boolean;
}

export async function enqueueNotification(tx: Tx, msg: OutgoingMessage, now: Date = new Date()): Promise<void> {
  await insertNotifications(tx, [msg], now);
}

/** The outbox row of a message. */
function rowOf(msg: OutgoingMessage, now: Date) {
  return {
    channel: msg.channel,
    recipient: msg.confidential ? sealRecipient(msg.recipient) : msg.recipient,
    subject: msg.subject?.normalize('NFC') ?? null,
    body: msg.body.normalize('NFC'),
    template: msg.template,
    entityType: msg.entityType ?? null,
    entityId: msg.entityId ?? null,
    sensitive: msg.sensitive ?? false,
    nextAttemptAt: now,
    createdAt: now,
  };
}

type OutboxRow = ReturnType<typeof rowOf>;
const OUTBOX_COLUMNS = ['channel', 'recipient', 'subject', 'body', 'template', 'entityType', 'entityId', 'sensitive', 'nextAttemptAt', 'createdAt'] as const satisfies readonly (keyof OutboxRow)[];

/**
 * The messages' insert into the outbox (several in one: one event told by email and by text
 * message), a statement of its own in the caller's transaction, built once per number of messages.
 */
export async function insertNotifications(tx: Tx, msgs: readonly OutgoingMessage[], now: Date): Promise<void> {
  if (!msgs.length) return;
  const insert = compiled(tx, `outbox_insert:${msgs.length}`, () => outboxInsertTemplate(tx, msgs.length));
  await runCompiled(tx, insert, outboxValues(msgs, now));
}

function outboxInsertTemplate(tx: Tx, count: number) {
  return tx.insert(notifications).values(placeholderRows(OUTBOX_COLUMNS, count, 'msg') as unknown as (typeof notifications.$inferInsert)[]);
}

const outboxValues = (msgs: readonly OutgoingMessage[], now: Date) => placeholderValues(OUTBOX_COLUMNS, msgs.map((msg) => rowOf(msg, now)), 'msg');

/**
 * The messages' insert into the outbox as a caller's writes in the step's statement (see `Alongside`
 * in the workflow service), built once per number of messages.
 */
export function outboxAlongside(tx: Tx, msgs: readonly OutgoingMessage[], now: Date): Alongside {
  return {
    key: `outbox:${msgs.length}`,
    build: () => (msgs.length ? [outboxInsertTemplate(tx, msgs.length)] : []),
    values: outboxValues(msgs, now),
  };
}

/** One event told by email and by text message: each channel the person can be reached on. */
export interface Notice {
  template: string;
  subject: string;
  /** The email's text. */
  text: string;
  /** The text message: short, and without diacritics (see smsText). */
  sms: string;
  entityType?: string;
  entityId?: string;
  sensitive?: boolean;
  confidential?: boolean;
}

/** Enqueues the notice to a valid email address and to a valid Vietnamese mobile number; returns how many messages. */
export async function notifyContact(tx: Tx, to: { email?: string | null; phone?: string | null }, n: Notice, now: Date = new Date()): Promise<number> {
  const msgs = noticeMessages(to, n);
  // One statement for both channels.
  await insertNotifications(tx, msgs, now);
  return msgs.length;
}

/** The messages of a notice: one to a valid email address, one to a valid Vietnamese mobile number. */
export function noticeMessages(to: { email?: string | null; phone?: string | null }, n: Notice): OutgoingMessage[] {
  const common = { template: n.template, entityType: n.entityType ?? null, entityId: n.entityId ?? null, sensitive: n.sensitive ?? false, confidential: n.confidential ?? false };
  const msgs: OutgoingMessage[] = [];
  const email = to.email ? normalizeEmail(to.email) : null;
  if (email) msgs.push({ ...common, channel: 'email', recipient: email, subject: n.subject, body: n.text });
  const phone = to.phone ? normalizePhone(to.phone) : null;
  if (phone) msgs.push({ ...common, channel: 'sms', recipient: phone, body: smsText(n.sms) });
  return msgs;
}

/**
 * Text messages go without diacritics: an SMS in GSM-7 holds 160 characters, one with Vietnamese
 * marks is sent as UCS-2 and holds 70, and brand-name SMS providers usually require the plain form.
 */
export function smsText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

let publicUrl = 'http://localhost:3000';

/** Set once at start from DANVAN_PUBLIC_URL: links in messages point to the public web app. */
export function setPublicUrl(url: string): void {
  publicUrl = url.replace(/\/+$/, '');
}

/** An absolute link to a page of the web app, e.g. publicLink('/tra-cuu/99001.MC-261123-0001'). */
export function publicLink(path: string): string {
  return `${publicUrl}${path}`;
}
