// Tables of the organisation: administrative units (a tree of any depth), agencies, staff and role grants.
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    /** Materialised path of ids from the root, e.g. `/a/b/c/`: a subtree is `path LIKE '/a/b/%'`. */
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_uq').on(t.code),
    index('units_parent_idx').on(t.parentId, t.name),
    index('units_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('units_name_search_idx').using('gin', sql`dv_fold(${t.name}) gin_trgm_ops`),
  ],
);

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agencies_code_uq').on(t.code), index('agencies_unit_idx').on(t.unitId, t.name)],
);

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_username_uq').on(sql`lower(${t.username})`),
    index('staff_unit_idx').on(t.unitId, t.fullName, t.id),
    index('staff_name_search_idx').using('gin', sql`dv_fold(${t.fullName}) gin_trgm_ops`),
  ],
);

export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('role_grants_uq').on(t.staffId, t.role, t.unitId), index('role_grants_unit_idx').on(t.unitId)],
);
