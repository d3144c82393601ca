// Reminders of cases due soon and escalations of overdue cases, one per case, kind and deadline.
import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { letterCases } from './letters.table';

/**
 * What the deadline job did: a `reminder` to the assignee of a case due soon, an `escalation` of an
 * overdue case to the assignee's superiors. The key (case, kind, deadline) makes each happen once per
 * deadline, whichever process runs the job and however often; an extension sets a new deadline, which
 * may be reminded and escalated again.
 */
export const letterCaseAlerts = pgTable(
  'letter_case_alerts',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => letterCases.id, { onDelete: 'cascade' }),
    /** `reminder` | `escalation`. */
    kind: text('kind').notNull(),
    /** The deadline it is about. */
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The staff told: the assignee (reminder), the superiors (escalation). */
    recipientIds: uuid('recipient_ids').array().notNull(),
    /** The assignee at the time (null: nobody was assigned). */
    assigneeId: uuid('assignee_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.kind, t.dueAt] }), check('letter_case_alerts_kind_ck', sql`${t.kind} in ('reminder', 'escalation')`)],
);
