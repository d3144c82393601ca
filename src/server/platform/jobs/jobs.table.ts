// Background jobs such as CSV imports: progress for the UI and the report of rejected rows.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    rejected: jsonb('rejected').notNull().default([]),
    message: text('message'),
    createdBy: uuid('created_by'),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('jobs_created_by_idx').on(t.createdBy, t.createdAt.desc())],
);
