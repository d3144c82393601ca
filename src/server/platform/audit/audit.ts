// Records one audit entry per write; call it inside the write's transaction.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { placeholderRows, placeholderValues } from '../../db/compiled';
import { auditLog } from '../../db/schema';
import type { Ctx } from '../auth/actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Fields never copied into the audit trail. */
const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'csrfToken', 'secret', 'secretHash']);

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

/** Who acted when no staff member did: a citizen proved by an account or a tracking secret (labelled as such), else the system. */
function labelOf(ctx: { actor: Ctx['actor'] | null; citizen?: { label: string } }): string {
  if (ctx.actor) return `${ctx.actor.fullName} (${ctx.actor.username})`;
  return ctx.citizen ? `${ctx.citizen.label} (công dân)` : 'system';
}

type AuditCtx = Pick<Ctx, 'requestId' | 'ip'> & { actor: Ctx['actor'] | null; citizen?: { label: string } };

/** The row of an audit entry, secrets removed: `recordAudit` inserts it; a statement that writes its entry with the record it audits uses it too. */
export function auditValues(ctx: AuditCtx, entry: AuditEntry) {
  return {
    actorId: ctx.actor?.id ?? null,
    actorLabel: labelOf(ctx),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    unitId: entry.unitId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

/**
 * The audit entry as a data-modifying CTE, for one statement that writes a record with its entry
 * (the record's id known beforehand): `tx.with(auditCte(tx, ctx, entry)).insert(table)…`.
 */
export function auditCte(tx: Tx, ctx: AuditCtx, entry: AuditEntry, name = 'audit_entry') {
  return tx.$with(name).as(tx.insert(auditLog).values(auditValues(ctx, entry)));
}

const AUDIT_COLUMNS = ['actorId', 'actorLabel', 'action', 'entityType', 'entityId', 'unitId', 'before', 'after', 'requestId', 'ip'] as const;

/**
 * The audit entry's insert with placeholders (`<prefix>0_<field>`), for a statement built once that
 * writes the entry with the record it audits (see `Alongside` in the workflow service);
 * `auditInsertValues` gives a run's values. `afterAlso`: a JSON object the statement adds to the
 * entry's `after` (what only it knows, such as the code it numbers).
 */
export function auditInsertTemplate(tx: Tx, prefix: string, afterAlso?: SQL) {
  const [row] = placeholderRows(AUDIT_COLUMNS, 1, prefix);
  const after = afterAlso ? { after: sql`${sql.param(row!.after, auditLog.after)}::jsonb || ${afterAlso}` } : {};
  return tx.insert(auditLog).values({ ...row, ...after } as unknown as typeof auditLog.$inferInsert);
}

export function auditInsertValues(ctx: AuditCtx, entry: AuditEntry, prefix: string): Record<string, unknown> {
  return placeholderValues(AUDIT_COLUMNS, [auditValues(ctx, entry)], prefix);
}

/** `ctx` may be a system context (no actor) for work done by the system itself, such as demo seeding, or a citizen's. */
export async function recordAudit(tx: Tx, ctx: AuditCtx, entry: AuditEntry) {
  await tx.insert(auditLog).values(auditValues(ctx, entry));
}
