// Uploaded files: one row per upload; the bytes live on disk under the data folder, addressed by their SHA-256.
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Hex SHA-256 of the content: also the name on disk, so identical uploads share one copy. */
    sha256: text('sha256').notNull(),
    /** The uploader's file name, with the extension of the sniffed type. */
    name: text('name').notNull(),
    /** The type found by sniffing the content, never the one the client declared. */
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Path relative to the files folder: `<first 2 hex>/<sha256>`. */
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** The staff member who uploaded it; null for a citizen's upload on the public portal. */
    createdBy: uuid('created_by'),
  },
  (t) => [index('files_sha256_idx').on(t.sha256)],
);
