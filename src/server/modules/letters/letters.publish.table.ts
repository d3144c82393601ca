// Answers to petitions and feedback published on the portal, with personal data removed and reviewed by an officer.
import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '../org/org.table';
import { letterCases } from './letters.table';

/**
 * One published answer per case (petition or feedback; denunciations never). The texts are the ones
 * the officer reviewed (pre-filled by redaction), never the letter itself. `published` false keeps
 * the row (and its history in the case's steps) after the answer was withdrawn from the portal.
 */
export const letterPublications = pgTable(
  'letter_publications',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => letterCases.id, { onDelete: 'cascade' }),
    /** The case's code, the public address of the answer. */
    caseCode: text('case_code').notNull(),
    /** `petition` | `feedback`. */
    type: text('type').notNull(),
    /** The unit that answered. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** What was asked, without personal data. */
    summary: text('summary').notNull(),
    /** The answer, without personal data. */
    answer: text('answer').notNull(),
    documentNumber: text('document_number'),
    documentDate: date('document_date'),
    signer: text('signer'),
    answeredAt: timestamp('answered_at', { withTimezone: true, precision: 3 }).notNull(),
    published: boolean('published').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }).notNull(),
    publishedBy: uuid('published_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, precision: 3 }),
    withdrawnBy: uuid('withdrawn_by'),
    /** Summary and answer folded (no diacritics) for the public search. */
    textFolded: text('text_folded').generatedAlwaysAs(sql`dv_fold("summary" || ' ' || "answer")`),
  },
  (t) => [
    uniqueIndex('letter_publications_code_uq').on(t.caseCode),
    index('letter_publications_list_idx').on(t.publishedAt.desc(), t.caseId).where(sql`${t.published}`),
    index('letter_publications_unit_idx').on(t.unitId, t.publishedAt.desc()).where(sql`${t.published}`),
    index('letter_publications_search_idx').using('gin', sql`${t.textFolded} gin_trgm_ops`),
  ],
);
