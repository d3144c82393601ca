// The writer's rating of how a case was handled: one per case, once the case has ended.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { letterCases } from './letters.table';

/**
 * `satisfied` (hài lòng), `partly` (hài lòng một phần), `not_satisfied` (không hài lòng), with an
 * optional comment. The primary key makes "once per case" hold for two concurrent submits.
 */
export const letterRatings = pgTable(
  'letter_ratings',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => letterCases.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [check('letter_ratings_level_ck', sql`${t.level} in ('satisfied', 'partly', 'not_satisfied')`), index('letter_ratings_created_idx').on(t.createdAt)],
);
