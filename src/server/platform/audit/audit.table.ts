// The audit trail: one row per write, in the same transaction as the write.
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** The unit the record belongs to, so the log can be scoped like the records. */
    unitId: uuid('unit_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_at_idx').on(t.at.desc(), t.id.desc()),
    index('audit_entity_idx').on(t.entityType, t.entityId, t.at.desc()),
    index('audit_actor_idx').on(t.actorId, t.at.desc()),
    index('audit_unit_idx').on(t.unitId, t.at.desc()),
  ],
);
