// The status look-up's one statement: the dossier by code, with its timeline and rating as JSON when the proof holds.
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { epochMs as ms, fromEpochMs } from '../../db/json';
import { prepared } from '../../db/prepared';
import { dossierRatings, dossiers, units } from '../../db/schema';
import { workflowSteps } from '../../platform/workflow/workflow.table';

/** What the public view shows of a step. */
export interface TrackedStep {
  at: Date;
  action: string;
  toState: string;
  data: Record<string, unknown>;
  dueAt: Date | null;
}

export interface TrackedRating {
  access: number;
  procedure: number;
  officials: number;
  result: number;
  feedback: number;
  comment: string | null;
  createdAt: Date;
}

/** The columns of the dossier the public view and the proof need; steps and rating only when the proof held. */
export interface TrackedDossier {
  code: string;
  secretHash: string;
  citizenId: string | null;
  workflowCode: string;
  procedureCode: string;
  procedureName: string;
  state: string;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  resultKind: string | null;
  receivingUnitName: string;
  /** null when neither the secret's hash nor the citizen matched: nothing more was read. */
  steps: TrackedStep[] | null;
  rating: TrackedRating | null;
}

const recv = alias(units, 'recv_unit');
const s = alias(workflowSteps, 's');
const r = alias(dossierRatings, 'r');

type JsonStep = Omit<TrackedStep, 'at' | 'dueAt'> & { at: number; dueAt: number | null };
type JsonRating = Omit<TrackedRating, 'createdAt'> & { createdAt: number };

/**
 * The secret's hash or the signed-in citizen decide in the statement whether the timeline and the
 * rating are read at all, so that a wrong secret costs what an unknown code costs (one index probe);
 * the caller still decides with its constant-time comparison.
 */
function build(db: Tx) {
  const proved = sql`(${dossiers.secretHash} = ${sql.placeholder('secretHash')} or ${dossiers.citizenId} = ${sql.placeholder('citizenId')})`;
  return db
    .select({
      code: dossiers.code,
      secretHash: dossiers.secretHash,
      citizenId: dossiers.citizenId,
      workflowCode: dossiers.workflowCode,
      procedureCode: dossiers.procedureCode,
      procedureName: dossiers.procedureName,
      state: dossiers.state,
      submittedAt: dossiers.submittedAt,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      finishedAt: dossiers.finishedAt,
      resultKind: dossiers.resultKind,
      receivingUnitName: recv.name,
      steps: sql<JsonStep[] | null>`case when ${proved} then coalesce((select json_agg(json_build_object('at', ${ms(s.at)}, 'action', ${s.action},
          'toState', ${s.toState}, 'data', ${s.data}, 'dueAt', ${ms(s.dueAt)}) order by ${s.seq})
        from ${workflowSteps} ${s} where ${s.entityType} = 'dossier' and ${s.entityId} = ${dossiers.id}), '[]'::json) end`,
      rating: sql<JsonRating | null>`case when ${proved} then (select json_build_object('access', ${r.access}, 'procedure', ${r.procedure},
          'officials', ${r.officials}, 'result', ${r.result}, 'feedback', ${r.feedback}, 'comment', ${r.comment}, 'createdAt', ${ms(r.createdAt)})
        from ${dossierRatings} ${r} where ${r.dossierId} = ${dossiers.id}) end`,
    })
    .from(dossiers)
    .innerJoin(recv, eq(recv.id, dossiers.receivingUnitId))
    .where(eq(dossiers.code, sql.placeholder('code')));
}

/**
 * The dossier with this code and, if `secretHash` (the hash of the secret given) or `citizenId`
 * match, its steps oldest first and its rating. Outside a transaction a prepared statement.
 */
export async function findTracked(db: Tx, code: string, secretHash: string, citizenId: string | null): Promise<TrackedDossier | undefined> {
  const q = prepared(db, 'dossier_tracked', (d) => build(d).prepare('dossier_tracked')) ?? build(db);
  const [row] = await q.execute({ code, secretHash, citizenId });
  if (!row) return undefined;
  const steps = row.steps?.map((x) => ({ ...x, at: fromEpochMs(x.at), dueAt: fromEpochMs(x.dueAt) })) ?? null;
  const rating = row.rating ? { ...row.rating, createdAt: fromEpochMs(row.rating.createdAt) } : null;
  return { ...row, steps, rating };
}
