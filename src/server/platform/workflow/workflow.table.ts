// The workflow engine's records: the step history of every case it runs, and idempotency keys for retried requests.
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export interface StepAttachment {
  fileId: string;
  name: string;
}

/** One row per transition taken: who, when, from which state and unit to which, with a note and attachments. */
export const workflowSteps = pgTable(
  'workflow_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** What runs through the workflow: `dossier`, `letter`, ... */
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** 1, 2, 3... per entity: the unique index makes two concurrent transitions from the same step collide. */
    seq: integer('seq').notNull(),
    workflowCode: text('workflow_code').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    fromUnitId: uuid('from_unit_id'),
    toUnitId: uuid('to_unit_id'),
    fromAgencyId: uuid('from_agency_id'),
    toAgencyId: uuid('to_agency_id'),
    assigneeId: uuid('assignee_id'),
    note: text('note'),
    attachments: jsonb('attachments').$type<StepAttachment[]>().notNull().default([]),
    /** The action's own fields (reason, legal basis, missing documents...). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** When the state entered by this step is due, from the working-day calendar. */
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('workflow_steps_entity_seq_uq').on(t.entityType, t.entityId, t.seq),
    index('workflow_steps_actor_idx').on(t.actorId, t.at),
    // Steps of one action in a period (statistics: requests to complete a dossier), read from the index alone.
    index('workflow_steps_action_at_idx').on(t.entityType, t.action, t.at, t.entityId),
  ],
);

/** A retried request with the same key replays the stored answer instead of acting twice. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Who sent it (staff id, or a citizen's tracking scope): keys are unique per sender. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with a different request is refused. */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
