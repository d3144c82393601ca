// Tables of citizens' letters: the letter as received, the cases its contents are split into, their links and files.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { files } from '../../platform/files/files.table';
import { agencies, units } from '../org/org.table';

/** A representative of a group letter, beside the main writer (plaintext only on letters without a denunciation). */
export interface Representative {
  name: string;
  address?: string | undefined;
  phone?: string | undefined;
  idNumber?: string | undefined;
}

/**
 * One received letter (đơn thư) from any channel. The writer's identity is always stored sealed
 * (AES-256-GCM, see letters.identity.ts); the plaintext writer columns are filled only once the letter
 * is classified and holds no denunciation, and stay null on a protected letter for ever.
 */
export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Readable and unique, e.g. `DT-99001-260705-0001` (letters.codes.ts). */
    code: text('code').notNull(),
    /** SHA-256 of the tracking secret given to the writer once; the secret itself is never stored. */
    secretHash: text('secret_hash').notNull(),
    /** `portal` | `desk` | `post` | `forwarded` | `open311`. */
    channel: text('channel').notNull(),
    /** The intake workflow (letter_intake): `received` until classified. */
    workflowCode: text('workflow_code').notNull(),
    state: text('state').notNull(),
    /** The unit (and agency) that received it; classification may send its cases elsewhere. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** When the letter arrived (a posted letter's arrival date may precede its registration). */
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull(),
    /** When classification is due (processing period); null once classified. */
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }),
    classifiedAt: timestamp('classified_at', { withTimezone: true, precision: 3 }),
    /** A letter forwarded by another agency: its name and the number and date of its forwarding document. */
    forwardedFrom: text('forwarded_from'),
    forwardedDocNumber: text('forwarded_doc_number'),
    forwardedDocDate: date('forwarded_doc_date'),
    /** What the writer called it; classification goes by content, not by this. */
    declaredKind: text('declared_kind'),
    subject: text('subject'),
    content: text('content').notNull(),
    /** The person or agency complained of or accused, as the writer named them. */
    target: text('target'),
    /** A group letter: how many people it speaks for (their representatives are in the sealed identity). */
    peopleCount: integer('people_count').notNull().default(1),
    /** ISO 639-1 code of the letter's language; a letter in another language needs a translation to be processable. */
    language: text('language').notNull().default('vi'),
    hasTranslation: boolean('has_translation').notNull().default(false),
    dated: boolean('dated').notNull(),
    signed: boolean('signed').notNull(),
    /** No writer's name was given. */
    anonymous: boolean('anonymous').notNull(),
    /** Declared or classified as holding a denunciation: the identity is never written in plaintext. */
    identityProtected: boolean('identity_protected').notNull().default(false),
    /** The writer's identity and representatives, sealed: `v1.<key id>.<iv>.<tag>.<ciphertext>`. */
    writerSealed: text('writer_sealed').notNull(),
    /** Keyed hashes (HMAC) of the ID number, phone, e-mail and folded name + address: "same writer" without plaintext. */
    writerKeys: text('writer_keys').array().notNull().default(sql`'{}'::text[]`),
    writerName: text('writer_name'),
    writerAddress: text('writer_address'),
    writerPhone: text('writer_phone'),
    writerEmail: text('writer_email'),
    writerIdNumber: text('writer_id_number'),
    representatives: jsonb('representatives').$type<Representative[]>(),
    /** Subject, content and target folded (no diacritics, lower case) for search and duplicate suggestions. */
    contentFolded: text('content_folded').generatedAlwaysAs(sql`dv_fold(coalesce("subject", '') || ' ' || "content" || ' ' || coalesce("target", ''))`),
    /**
     * A MinHash sketch of the folded text's word pairs in 8 bands (dv_sketch, drizzle/0015): two letters sharing a band
     * probably share most of their wording. Its bands are copied to letter_sketch_bands (a trigger), where duplicate suggestions look them up.
     */
    contentSketch: text('content_sketch')
      .array()
      .generatedAlwaysAs(sql`dv_sketch(dv_fold(coalesce("subject", '') || ' ' || "content" || ' ' || coalesce("target", '')))`),
    /** The seq of the intake workflow's last step. */
    seq: integer('seq').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('letters_code_uq').on(t.code),
    index('letters_unit_state_due_idx').on(t.unitId, t.state, t.dueAt),
    index('letters_received_idx').on(t.receivedAt),
    index('letters_content_search_idx').using('gin', sql`${t.contentFolded} gin_trgm_ops`),
    index('letters_writer_name_search_idx').using('gin', sql`dv_fold(${t.writerName}) gin_trgm_ops`),
    index('letters_writer_keys_idx').using('gin', t.writerKeys),
  ],
);

/**
 * One content of a letter after classification (vụ việc): its type picks the workflow
 * (`letter_<type>`, entity type `letter_case`). The columns mirror the current step so that inboxes
 * and statistics read one indexed row per case.
 */
export const letterCases = pgTable(
  'letter_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The letter's code and the content's ordinal: `DT-99001-260705-0001.2`. */
    code: text('code').notNull(),
    /** The letter it was split from; duplicates gathered later are in letter_case_letters. */
    letterId: uuid('letter_id')
      .notNull()
      .references(() => letters.id),
    ordinal: integer('ordinal').notNull(),
    /** `complaint` | `denunciation` | `petition` | `feedback`. */
    type: text('type').notNull(),
    workflowCode: text('workflow_code').notNull(),
    state: text('state').notNull(),
    /** Where it is handled now (changes on transfer). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    assigneeId: uuid('assignee_id'),
    /** What this content is about, in the officer's words. */
    summary: text('summary').notNull(),
    /** The person or agency complained of or accused. */
    target: text('target'),
    /** Feedback on administrative regulations (5 working days to forward when outside the remit). */
    aboutRegulation: boolean('about_regulation').notNull().default(false),
    /** The eligibility checks of its type, each true or false (letters.eligibility.ts). */
    eligibility: jsonb('eligibility').$type<Record<string, boolean>>().notNull(),
    processable: boolean('processable').notNull(),
    notProcessableReason: text('not_processable_reason'),
    /** The writer is unknown or used a false name (a denunciation is then not handled as one). */
    anonymous: boolean('anonymous').notNull(),
    /** The letter's receipt: the periods of the processing step count from it. */
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The running deadline; null once finished. */
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, precision: 3 }),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
    /** The processing decision: accepted | forwarded | guided | returned | filed | referred. */
    outcome: text('outcome'),
    outcomeReason: text('outcome_reason'),
    /** The end of the handling: upheld | partly_upheld | rejected | founded | partly_founded | unfounded | answered | withdrawn. */
    result: text('result'),
    seq: integer('seq').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('letter_cases_code_uq').on(t.code),
    uniqueIndex('letter_cases_letter_ordinal_uq').on(t.letterId, t.ordinal),
    index('letter_cases_unit_state_due_idx').on(t.unitId, t.state, t.dueAt),
    index('letter_cases_assignee_state_idx').on(t.assigneeId, t.state),
    index('letter_cases_type_received_idx').on(t.type, t.receivedAt),
  ],
);

/**
 * Every letter a case holds: the one it was split from (`origin`) and letters later found to be
 * duplicates of it (`duplicate`, with the similarity that suggested them), so that the case keeps
 * every letter and every writer.
 */
export const letterCaseLetters = pgTable(
  'letter_case_letters',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => letterCases.id, { onDelete: 'cascade' }),
    letterId: uuid('letter_id')
      .notNull()
      .references(() => letters.id),
    /** `origin` | `duplicate`. */
    role: text('role').notNull(),
    similarity: real('similarity'),
    linkedBy: uuid('linked_by'),
    linkedAt: timestamp('linked_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.letterId] }),
    index('letter_case_letters_letter_idx').on(t.letterId),
    /**
     * The duplicates only (a few per cent of the links), for the statistics' "duplicates as of" (stats.queries.ts,
     * `role = 'duplicate' and linked_at < asOf`): an index-only scan of them instead of a scan of every link
     * (EXPLAIN at 300k letters: 78 buffers instead of 2,819).
     */
    index('letter_case_letters_duplicate_idx')
      .on(t.linkedAt, t.letterId)
      .where(sql`${t.role} = 'duplicate'`),
  ],
);

/**
 * Files of a letter: those sent with it (`letter`: the scan, evidence; on a protected letter they may
 * show the writer and are served only to those who may see the identity) and the documents staff
 * attach to a case's steps (`document`: notices, decisions, forwarding slips).
 */
export const letterFiles = pgTable(
  'letter_files',
  {
    letterId: uuid('letter_id')
      .notNull()
      .references(() => letters.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => letterCases.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    name: text('name').notNull(),
    /** `letter` | `document`. */
    kind: text('kind').notNull(),
    /** The case step it came with (null: sent with the letter). */
    stepSeq: integer('step_seq'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.letterId, t.fileId] }), index('letter_files_file_idx').on(t.fileId), index('letter_files_case_idx').on(t.caseId)],
);
