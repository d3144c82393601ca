// SQL of the tracking register: dossiers received in a period and visible to the user, by keyset pages; their steps in one batch.
import { and, asc, count, eq, gt, gte, inArray, isNotNull, like, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/client';
import { escapeLike } from '../../../db/scope';
import { dossiers, units } from '../../../db/schema';
import { workflowSteps } from '../../../platform/workflow/workflow.table';
import type { Step } from '../../../platform/workflow/workflow.service';
import { ENTITY } from '../dossiers.actions';

// The same alias names as dossiers.queries.ts: the visibility condition (dossiers.access.ts) refers to them.
const cur = alias(units, 'cur_unit');
const recv = alias(units, 'recv_unit');

export interface RegisterFilter {
  /** visibleCondition(actor) of dossiers.access.ts. */
  visible: SQL;
  /** Received at or after this instant and before `receivedBefore`. */
  receivedFrom: Date;
  receivedBefore: Date;
  /** The receiving unit's subtree. */
  unitPath?: string | undefined;
  receivingAgencyId?: string | undefined;
}

function where(f: RegisterFilter): SQL[] {
  const w: SQL[] = [f.visible, isNotNull(dossiers.receivedAt), gte(dossiers.receivedAt, f.receivedFrom), lt(dossiers.receivedAt, f.receivedBefore)];
  if (f.unitPath) w.push(like(recv.path, `${escapeLike(f.unitPath)}%`));
  if (f.receivingAgencyId) w.push(eq(dossiers.receivingAgencyId, f.receivingAgencyId));
  return w;
}

export async function countRegister(db: Tx, f: RegisterFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(dossiers)
    .innerJoin(cur, eq(cur.id, dossiers.unitId))
    .innerJoin(recv, eq(recv.id, dossiers.receivingUnitId))
    .where(and(...where(f)));
  return row?.n ?? 0;
}

export type RegisterDossier = Pick<
  typeof dossiers.$inferSelect,
  'id' | 'code' | 'procedureName' | 'applicantName' | 'applicantAddress' | 'applicantPhone' | 'receivedAt' | 'finishedAt' | 'state' | 'resultKind' | 'workflowCode'
>;

/** Oldest receipt first; `after` is the last row of the previous page. */
export async function registerPage(db: Tx, f: RegisterFilter, after: { receivedAt: Date; id: string } | null, limit: number): Promise<RegisterDossier[]> {
  const w = where(f);
  if (after) w.push(or(gt(dossiers.receivedAt, after.receivedAt), and(eq(dossiers.receivedAt, after.receivedAt), gt(dossiers.id, after.id))) as SQL);
  return db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      applicantName: dossiers.applicantName,
      applicantAddress: dossiers.applicantAddress,
      applicantPhone: dossiers.applicantPhone,
      receivedAt: dossiers.receivedAt,
      finishedAt: dossiers.finishedAt,
      state: dossiers.state,
      resultKind: dossiers.resultKind,
      workflowCode: dossiers.workflowCode,
    })
    .from(dossiers)
    .innerJoin(cur, eq(cur.id, dossiers.unitId))
    .innerJoin(recv, eq(recv.id, dossiers.receivingUnitId))
    .where(and(...w))
    .orderBy(asc(dossiers.receivedAt), asc(dossiers.id))
    .limit(limit);
}

/** The steps of a page of dossiers in one query, grouped by dossier, oldest first. */
export async function stepsOfDossiers(db: Tx, ids: readonly string[]): Promise<Map<string, Step[]>> {
  const out = new Map<string, Step[]>();
  if (!ids.length) return out;
  const rows = await db
    .select()
    .from(workflowSteps)
    .where(and(eq(workflowSteps.entityType, ENTITY), inArray(workflowSteps.entityId, [...ids])))
    .orderBy(asc(workflowSteps.entityId), asc(workflowSteps.seq));
  for (const s of rows) {
    const list = out.get(s.entityId);
    if (list) list.push(s);
    else out.set(s.entityId, [s]);
  }
  return out;
}
