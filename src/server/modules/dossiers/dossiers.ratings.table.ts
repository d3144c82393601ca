// Satisfaction ratings of dossiers (SIPAS criteria): one per dossier, given by the applicant once the result is known.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { citizens } from '../citizens/citizens.table';
import { dossiers } from './dossiers.table';

/**
 * The five criteria of the satisfaction index of public administrative services (SIPAS), each 1..5:
 * access to the service, the procedure, the officials, the result, the handling of feedback.
 * The primary key on the dossier makes "one rating per dossier" hold even for two concurrent submits.
 * Column names are read directly by the statistics queries: keep them stable.
 */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    dossierId: uuid('dossier_id')
      .primaryKey()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    access: smallint('access').notNull(),
    procedure: smallint('procedure').notNull(),
    officials: smallint('officials').notNull(),
    result: smallint('result').notNull(),
    feedback: smallint('feedback').notNull(),
    comment: text('comment'),
    /** The signed-in citizen who rated, when the rating was not given with the tracking secret alone. */
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    check('dossier_ratings_access_ck', sql`${t.access} between 1 and 5`),
    check('dossier_ratings_procedure_ck', sql`${t.procedure} between 1 and 5`),
    check('dossier_ratings_officials_ck', sql`${t.officials} between 1 and 5`),
    check('dossier_ratings_result_ck', sql`${t.result} between 1 and 5`),
    check('dossier_ratings_feedback_ck', sql`${t.feedback} between 1 and 5`),
    index('dossier_ratings_created_idx').on(t.createdAt),
  ],
);
