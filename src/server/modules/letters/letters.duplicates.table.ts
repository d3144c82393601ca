// The bands of every letter's content sketch, one row each, for duplicate suggestions: a B-tree on (band, unit, letter) is read with
// index-only scans that stop after a few rows, where a GIN index on the array first builds the bitmap of every letter sharing
// the band (thousands for a band of boilerplate wording). Filled by a trigger on letters (drizzle/0016).
import { index, primaryKey, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { letters } from './letters.table';

export const letterSketchBands = pgTable(
  'letter_sketch_bands',
  {
    /** `<band>:<12 hex digits>`, an element of letters.content_sketch. */
    band: text('band').notNull(),
    /**
     * The unit that received the letter (letters.unit_id, kept by the trigger): a commune officer's suggestions read
     * their own units' letters of a band first, which a band of wording shared across the province would otherwise crowd out.
     */
    unitId: uuid('unit_id').notNull(),
    letterId: uuid('letter_id')
      .notNull()
      .references(() => letters.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.band, t.unitId, t.letterId] }), index('letter_sketch_bands_letter_idx').on(t.letterId)],
);
