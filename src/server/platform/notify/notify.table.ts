// The notification outbox: messages to citizens written in the same transaction as the event, delivered by the worker.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One message to send. Written with the event's transaction, so that a rolled-back write sends
 * nothing and a committed one is never lost; the worker (notify.worker.ts) claims due rows with
 * FOR UPDATE SKIP LOCKED, so several server processes share the work without sending twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `email` | `sms`. */
    channel: text('channel').notNull(),
    /** An email address or a phone number in the form +84xxxxxxxxx. */
    recipient: text('recipient').notNull(),
    /** Email only. */
    subject: text('subject'),
    body: text('body').notNull(),
    /** Which template made it (e.g. `dossier.accepted`), for statistics and support. */
    template: text('template').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** `pending` | `sent` | `failed` (gave up after the last attempt). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastError: text('last_error'),
    /** The body holds a secret (a one-time code): it is blanked once the message is sent or given up. */
    sensitive: boolean('sensitive').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    check('notifications_channel_ck', sql`${t.channel} in ('email', 'sms')`),
    check('notifications_status_ck', sql`${t.status} in ('pending', 'sent', 'failed')`),
    // The worker's claim reads only the pending rows, oldest due first.
    index('notifications_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('notifications_entity_idx').on(t.entityType, t.entityId),
  ],
);
