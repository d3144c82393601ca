// The catalog of administrative procedures (thủ tục hành chính) that citizens file dossiers for.
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, units } from '../org/org.table';

/** A required document: its name, whether an original or a copy, how many. */
export interface ProcedureDocument {
  name: string;
  form: 'original' | 'copy' | 'certified_copy' | 'original_or_copy';
  count: number;
  note?: string;
}

export interface ProcedureFee {
  name: string;
  /** In Vietnamese đồng; 0 for free. */
  amount: number;
  note?: string;
}

export const procedures = pgTable(
  'procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The national catalog code, e.g. `1.001193`. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    fieldCode: text('field_code').notNull(),
    fieldName: text('field_name').notNull(),
    /** Where it is done: `province`, `commune`, or `province_commune`. */
    level: text('level').notNull(),
    /** The agency that decides, as text from the catalog ("UBND cấp xã"); `agencyId` pins one agency when known. */
    implementingAgency: text('implementing_agency').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** The unit whose catalog this is (a province's catalog covers its communes); null = national. */
    unitId: uuid('unit_id').references(() => units.id),
    /** Working days; fractional for half days ("4 giờ làm việc" = 0.5). */
    statutoryDays: numeric('statutory_days', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    localDays: numeric('local_days', { precision: 6, scale: 1, mode: 'number' }),
    fees: jsonb('fees').$type<ProcedureFee[]>().notNull().default([]),
    documents: jsonb('documents').$type<ProcedureDocument[]>().notNull().default([]),
    result: text('result').notNull(),
    legalBasis: text('legal_basis').notNull(),
    fullyOnline: boolean('fully_online').notNull().default(false),
    /** The workflow definition the dossiers of this procedure follow (platform/workflow). */
    workflowCode: text('workflow_code').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('procedures_code_uq').on(t.code),
    index('procedures_field_idx').on(t.fieldCode, t.name),
    index('procedures_search_idx').using('gin', sql`dv_fold(${t.name} || ' ' || ${t.result} || ' ' || ${t.fieldName}) gin_trgm_ops`),
  ],
);
