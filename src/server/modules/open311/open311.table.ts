// Tables of the Open311 GeoReport v2 endpoint: the service catalogue, the client applications' API keys and what a request carried beside its letter.
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { letters } from '../letters/letters.table';
import { units } from '../org/org.table';

/** One attribute of a service definition, as GeoReport v2 defines it (`services/{code}.json`). */
export interface ServiceAttribute {
  /** false: an informational text shown to the user, not an input. */
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: Array<{ key: string; name: string }>;
}

/**
 * A feedback category offered to Open311 clients (`services.json`): data, not code, so that a
 * province adds or retires categories without a release. `metadata` is derived: true when it has attributes.
 */
export const open311Services = pgTable('open311_services', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  /** Comma-separated, as the specification shows them. */
  keywords: text('keywords').notNull().default(''),
  groupName: text('group_name').notNull(),
  /** `realtime` | `batch` | `blackbox`: every category here answers with the letter's code at once. */
  type: text('type').notNull().default('realtime'),
  /** Told to the client with each new request (service_notice), e.g. how long an answer takes. */
  notice: text('notice'),
  attributes: jsonb('attributes').$type<ServiceAttribute[]>().notNull().default([]),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * A client application allowed to post requests. The key is shown once when created; only its SHA-256
 * is stored. `unitId` is where its requests go when they name no jurisdiction, and the subtree a
 * `jurisdiction_id` may choose from.
 */
export const open311Clients = pgTable(
  'open311_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    contact: text('contact'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, so that an administrator can tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
    revokedBy: uuid('revoked_by'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [uniqueIndex('open311_clients_key_hash_uq').on(t.keyHash), index('open311_clients_unit_idx').on(t.unitId)],
);

/**
 * What an Open311 request carried beside its letter (the letter holds the description, the writer
 * sealed, the unit and the workflow): the category, the location and the attributes.
 */
export const open311Requests = pgTable(
  'open311_requests',
  {
    letterId: uuid('letter_id')
      .primaryKey()
      .references(() => letters.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => open311Clients.id),
    serviceCode: text('service_code')
      .notNull()
      .references(() => open311Services.code),
    /** A copy of the letter's receipt, so that the date window and the order use this table's index. */
    requestedAt: timestamp('requested_at', { withTimezone: true, precision: 3 }).notNull(),
    /** WGS84. */
    lat: doublePrecision('lat'),
    long: doublePrecision('long'),
    addressString: text('address_string'),
    addressId: text('address_id'),
    /** The citizen's own words, as sent (the letter's content adds the location and attributes for officers). */
    description: text('description'),
    mediaUrl: text('media_url'),
    /** `attribute[code]` values: a string, or a list for a multivaluelist. */
    attributes: jsonb('attributes').$type<Record<string, string | string[]>>().notNull().default({}),
  },
  (t) => [
    index('open311_requests_requested_idx').on(t.requestedAt, t.letterId),
    index('open311_requests_service_requested_idx').on(t.serviceCode, t.requestedAt),
    index('open311_requests_client_idx').on(t.clientId),
  ],
);
