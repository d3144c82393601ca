// Helpers shared by the org module's tests: typed JSON bodies and direct database reads to check what changed.
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { UnitView } from '../../../common/org.schema';
import type { Db } from '../../db/client';
import { auditLog, units } from '../../db/schema';
import { queryRows } from '../../db/rows';

export interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ path: string; message: string }> } };
}

export function errorOf(res: LightMyRequestResponse): ErrorBody['error'] {
  return res.json<ErrorBody>().error;
}

export function fieldPaths(res: LightMyRequestResponse): string[] {
  return [...new Set((errorOf(res).details?.fields ?? []).map((f) => f.path))].sort();
}

export async function unitByCode(db: Db, code: string) {
  const [u] = await db.select().from(units).where(eq(units.code, code));
  return u;
}

export async function countRows(db: Db, table: 'units' | 'staff' | 'agencies' | 'role_grants' | 'audit_log'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return row?.n ?? 0;
}

export async function auditActions(db: Db, entityId: string): Promise<string[]> {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

export type { UnitView };

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipartFile(content: string | Buffer, opts: { field?: string; filename?: string; type?: string } = {}) {
  const boundary = `----dvtest${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.filename ?? 'units.csv'}"\r\n` +
      `Content-Type: ${opts.type ?? 'text/csv'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
