// The official working-day schedule recorded by administrators, and calendar settings.
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per date that differs from the computed default: an extra day off (`day_off`),
 * a swapped working day such as a working Saturday (`working_day`), or a default holiday
 * that the official schedule cancels (`working_day` on a computed holiday).
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date('day').primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
