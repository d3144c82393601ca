// Tables of one-stop dossiers: the dossier record and its file links (code counters: platform/codes).
import { sql } from 'drizzle-orm';
import { index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { files } from '../../platform/files/files.table';
import { citizens } from '../citizens/citizens.table';
import { agencies, units } from '../org/org.table';
import { procedures } from '../procedures/procedures.table';

/**
 * One dossier (hồ sơ). The workflow engine keeps the step history in `workflow_steps`; the columns
 * here mirror the current step (state, unit, agency, due date, assignee) so that inboxes and
 * statistics read one indexed row per dossier instead of replaying history.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Readable and unique, e.g. `99001.MC-261123-0001` (format in dossiers.codes.ts). */
    code: text('code').notNull(),
    /** SHA-256 (hex) of the tracking secret printed on the receipt; the secret itself is never stored. */
    secretHash: text('secret_hash').notNull(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    /** Snapshots at submission: the catalog may change later, the dossier keeps what it was filed under. */
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    /** Working days the appointment is computed from (the procedure's local time, else the statutory one). */
    processingDays: numeric('processing_days', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    workflowCode: text('workflow_code').notNull(),
    state: text('state').notNull(),
    /** Where the dossier is now (changes on transfer); access is checked against this unit and the receiving one. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => units.id),
    receivingAgencyId: uuid('receiving_agency_id').references(() => agencies.id),
    // Applicant: only what the receipt (form 01) needs.
    applicantName: text('applicant_name').notNull(),
    /** Citizen ID number or tax code. */
    applicantIdNo: text('applicant_id_no').notNull(),
    applicantPhone: text('applicant_phone'),
    applicantEmail: text('applicant_email'),
    applicantAddress: text('applicant_address'),
    /** `online` | `desk`. */
    channel: text('channel').notNull(),
    /** The citizen account it belongs to: submitted online while signed in, or claimed later with code and secret. */
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }).notNull(),
    /** When it was accepted (the receipt's time received); null until then. */
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }),
    /** The running deadline; null while the clock is stopped or before acceptance. */
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
    /** On a terminal state: `early` | `on_time` | `late` (result returned), or `refused` | `stopped` | `withdrawn`. */
    resultKind: text('result_kind'),
    assigneeId: uuid('assignee_id'),
    /**
     * Facts of the records copied onto the row, in the transaction that writes the record, for the
     * statistics (stats/): the sum of the five criteria of the applicant's rating (5..25; the rating
     * itself is in dossier_ratings), and the times of the requests to complete (form 02), in order,
     * one per request_completion step. Null when there is none. Never totals: each is one dossier's.
     */
    ratingPoints: smallint('rating_points'),
    completionRequests: timestamp('completion_requests', { withTimezone: true, precision: 3 }).array(),
    /** The seq of the last workflow step, shown to clients for optimistic concurrency. */
    seq: integer('seq').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    index('dossiers_unit_state_due_idx').on(t.unitId, t.state, t.dueAt),
    index('dossiers_receiving_state_due_idx').on(t.receivingUnitId, t.state, t.dueAt),
    index('dossiers_assignee_state_idx').on(t.assigneeId, t.state),
    index('dossiers_procedure_idx').on(t.procedureId),
    // A citizen's own list, newest first (keyset on submitted_at, id).
    index('dossiers_citizen_idx').on(t.citizenId, t.submittedAt.desc(), t.id.desc()).where(sql`${t.citizenId} is not null`),
    // Statistics (stats/stats.sql.ts, LIFE): the dossiers alive at some moment of a period, as the range from
    // submission to end (unbounded while open); the expression must stay as the queries write it.
    index('dossiers_life_idx').using('gist', sql`tstzrange(least(${t.submittedAt}, ${t.finishedAt}), ${t.finishedAt}, '[]')`),
    // The tracking register (form 07, register/): dossiers received in a period, keyset on (received_at, id).
    index('dossiers_received_idx').on(t.receivedAt, t.id).where(sql`${t.receivedAt} is not null`),
    // The inbox's order (dueKey in dossiers.queries.ts, the same expression): most urgent first, no deadline last.
    // Someone who sees most dossiers (a province leader) gets a page without sorting them all.
    // Statistics (stats/): every column a statistics statement reads, so that it reads this index alone (an
    // index-only scan of ~120-byte entries) instead of the ~470-byte rows; the receiving unit first for a
    // commune's few units.
    index('dossiers_stats_idx').on(
      t.receivingUnitId,
      t.receivedAt,
      t.finishedAt,
      t.submittedAt,
      t.dueAt,
      t.channel,
      t.resultKind,
      t.agencyId,
      t.procedureId,
      t.ratingPoints,
      t.completionRequests,
    ),
    index('dossiers_inbox_order_idx').on(sql`coalesce(${t.dueAt}, '9999-12-31 00:00:00+00'::timestamptz)`, t.id),
  ],
);

/** Files attached to a dossier: the application's documents, later supplements and results. */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    /** Which document it is ("Tờ khai đăng ký khai sinh"). */
    name: text('name').notNull(),
    /** `application` | `supplement` | `attachment`. */
    kind: text('kind').notNull(),
    /** The workflow step it came with (1 = the application). */
    stepSeq: integer('step_seq').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dossier_documents_dossier_file_uq').on(t.dossierId, t.fileId), index('dossier_documents_file_idx').on(t.fileId)],
);
