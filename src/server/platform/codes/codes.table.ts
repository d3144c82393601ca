// Daily sequence counters behind every readable code (dossiers, letters, ...): one row per series and local day.
import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** `series` names the code family and its issuer, e.g. `dossier:99001.MC` or `letter:99001`. */
export const codeCounters = pgTable(
  'code_counters',
  {
    series: text('series').notNull(),
    day: date('day').notNull(),
    next: integer('next').notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.day] })],
);
