// The status look-up's one statement: the dossier by code, with its timeline and rating as JSON when the proof holds.
import { eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { epochMs as ms, fromEpochMs } from '../../db/json';
import { batchedReader, batchKeys, inKeyOrder } from '../../db/batched';
import { compiled, runCompiled } from '../../db/compiled';
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
 * the caller still decides with its constant-time comparison. The whole answer is one JSON value
 * (timestamps as epoch milliseconds): the driver then parses one field of a row, where fifteen
 * columns cost more to describe, parse and map than the statement costs to run. Several look-ups at
 * once (the arrays `codes`, `secretHashes`, `citizenIds`, one entry each): a row per look-up whose
 * code exists, numbered by its place in the arrays.
 */
function build(): SQL {
  const proved = sql`(${dossiers.secretHash} = q.secret_hash or ${dossiers.citizenId} = q.citizen_id)`;
  return sql`select q.i as "i", json_build_object('code', ${dossiers.code}, 'secretHash', ${dossiers.secretHash}, 'citizenId', ${dossiers.citizenId},
      'workflowCode', ${dossiers.workflowCode}, 'procedureCode', ${dossiers.procedureCode}, 'procedureName', ${dossiers.procedureName},
      'state', ${dossiers.state}, 'submittedAt', ${ms(dossiers.submittedAt)}, 'receivedAt', ${ms(dossiers.receivedAt)}, 'dueAt', ${ms(dossiers.dueAt)},
      'finishedAt', ${ms(dossiers.finishedAt)}, 'resultKind', ${dossiers.resultKind}, 'receivingUnitName', ${recv.name},
      'steps', case when ${proved} then coalesce((select json_agg(json_build_object('at', ${ms(s.at)}, 'action', ${s.action},
          'toState', ${s.toState}, 'data', ${s.data}, 'dueAt', ${ms(s.dueAt)}) order by ${s.seq})
        from ${workflowSteps} ${s} where ${s.entityType} = 'dossier' and ${s.entityId} = ${dossiers.id}), '[]'::json) end,
      'rating', case when ${proved} then (select json_build_object('access', ${r.access}, 'procedure', ${r.procedure},
          'officials', ${r.officials}, 'result', ${r.result}, 'feedback', ${r.feedback}, 'comment', ${r.comment}, 'createdAt', ${ms(r.createdAt)})
        from ${dossierRatings} ${r} where ${r.dossierId} = ${dossiers.id}) end) as "t"
    from ${batchKeys(sql`${sql.placeholder('codes')}::text[]`, 'b', 'code')}
      cross join lateral (select b.code, b.i, (${sql.placeholder('secretHashes')}::text[])[b.i] as secret_hash,
        (${sql.placeholder('citizenIds')}::uuid[])[b.i] as citizen_id) as q
      inner join ${dossiers} on ${dossiers.code} = q.code
      inner join ${units} ${recv} on ${eq(recv.id, dossiers.receivingUnitId)}`;
}

type JsonTracked = Omit<TrackedDossier, 'submittedAt' | 'receivedAt' | 'dueAt' | 'finishedAt' | 'steps' | 'rating'> & {
  submittedAt: number;
  receivedAt: number | null;
  dueAt: number | null;
  finishedAt: number | null;
  steps: JsonStep[] | null;
  rating: JsonRating | null;
};

/** A look-up: the code asked for, the hash of the secret given, the signed-in citizen. */
export interface TrackedKey {
  code: string;
  secretHash: string;
  citizenId: string | null;
}

/** The look-ups' dossiers in their order (undefined for an unknown code): one statement built once (named on PostgreSQL). */
async function findTrackedMany(db: Tx, keys: readonly TrackedKey[]): Promise<(TrackedDossier | undefined)[]> {
  const rows = await runCompiled<{ i: number | string; t: JsonTracked }>(db, compiled(db, 'dossiers_tracked', build, { named: true }), {
    codes: keys.map((k) => k.code),
    secretHashes: keys.map((k) => k.secretHash),
    citizenIds: keys.map((k) => k.citizenId),
  });
  return inKeyOrder(keys.length, rows, (row) => fromJson(row.t));
}

function fromJson(t: JsonTracked): TrackedDossier {
  return {
    ...t,
    submittedAt: fromEpochMs(t.submittedAt),
    receivedAt: fromEpochMs(t.receivedAt),
    dueAt: fromEpochMs(t.dueAt),
    finishedAt: fromEpochMs(t.finishedAt),
    steps: t.steps?.map((x) => ({ ...x, at: fromEpochMs(x.at), dueAt: fromEpochMs(x.dueAt) })) ?? null,
    rating: t.rating ? { ...t.rating, createdAt: fromEpochMs(t.rating.createdAt) } : null,
  };
}

/**
 * The dossier with this code and, if the key's `secretHash` (the hash of the secret given) or
 * `citizenId` match, its steps oldest first and its rating. The look-ups asked for at the same
 * moment are read by one statement (db/batched.ts).
 */
export const findTracked: (db: Tx, key: TrackedKey) => Promise<TrackedDossier | undefined> = batchedReader(findTrackedMany);
