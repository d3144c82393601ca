// Reads the audit trail newest first, scoped to the units the reader administers.
import { and, desc, eq, gte, ilike, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditQuery } from '../../../common/audit.schema';
import type { Tx } from '../../db/client';
import { auditLog, units } from '../../db/schema';
import { decodeCursor, pageOf } from '../pagination';
import { escapeLike, underAnyPath } from '../../db/scope';

export interface AuditScope {
  /** Unit paths whose entries (and those of units below) the reader may see. */
  paths: string[];
  /** Whether entries tied to no unit (system, calendar) are visible: only to readers with a root grant. */
  includeUnitless: boolean;
}

export async function searchAudit(db: Tx, scope: AuditScope, q: AuditQuery) {
  const inScope: SQL[] = scope.paths.length ? [underAnyPath(scope.paths)] : [];
  if (scope.includeUnitless) inScope.push(isNull(auditLog.unitId));
  if (inScope.length === 0) return { items: [], nextCursor: null };

  const where: SQL[] = [or(...inScope) as SQL];
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.unitId) where.push(eq(auditLog.unitId, q.unitId));
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    where.push(
      or(
        ilike(auditLog.actorLabel, pattern),
        ilike(auditLog.action, pattern),
        ilike(auditLog.entityType, pattern),
        ilike(auditLog.entityId, pattern),
        sql`dv_fold(${auditLog.actorLabel}) like dv_fold(${pattern})`,
      ) as SQL,
    );
  }
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, [z.iso.datetime(), z.number().int()] as const);
    const atDate = new Date(at);
    where.push(or(lt(auditLog.at, atDate), and(eq(auditLog.at, atDate), lt(auditLog.id, id))) as SQL);
  }

  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      unitId: auditLog.unitId,
      unitName: units.name,
      before: auditLog.before,
      after: auditLog.after,
      requestId: auditLog.requestId,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit + 1);

  const page = pageOf(rows, q.limit, (r) => [r.at.toISOString(), r.id]);
  return { items: page.items.map((r) => ({ ...r, at: r.at.toISOString() })), nextCursor: page.nextCursor };
}
