// Citizen accounts: one per email address or phone number, signed in by a one-time code; their codes and sessions.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** An account is its contact: no password, no name; it exists once a code sent there has been typed back. */
export const citizens = pgTable(
  'citizens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `email` | `phone`. */
    kind: text('kind').notNull(),
    /** Normalized: a lower-case email address, or a mobile number as +84xxxxxxxxx. */
    contact: text('contact').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [uniqueIndex('citizens_contact_uq').on(t.contact), check('citizens_kind_ck', sql`${t.kind} in ('email', 'phone')`)],
);

/** One-time codes: 6 digits, stored as a hash, valid 10 minutes, at most 5 tries, used once. */
export const citizenOtps = pgTable(
  'citizen_otps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contact: text('contact').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('citizen_otps_contact_idx').on(t.contact, t.createdAt), index('citizen_otps_expires_idx').on(t.expiresAt)],
);

/** Server-side sessions of citizens, apart from staff sessions: the cookie `dv_citizen` holds a token, the table its hash. */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('citizen_sessions_citizen_idx').on(t.citizenId), index('citizen_sessions_expires_idx').on(t.expiresAt)],
);
