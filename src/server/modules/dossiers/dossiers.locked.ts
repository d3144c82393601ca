// The locked read of a dossier for an action, with its units, its desk and its history: one statement, built once.
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { columnsAs, compiled, decodeRow, runCompiled } from '../../db/compiled';
import { agencies, dossiers, units } from '../../db/schema';
import { history, stepsFromJson, stepsJson, type Step } from '../../platform/workflow/workflow.service';
import type { DossierWithUnits } from './dossiers.queries';

export interface LockedDossier {
  dossier: DossierWithUnits;
  /** The case's steps, oldest first. */
  steps: Step[];
  /** The name of the receiving agency (the one-stop desk), which the applicant's messages name. */
  deskName: string | null;
}

const cur = alias(units, 'cur_unit');
const recv = alias(units, 'recv_unit');
const desk = alias(agencies, 'desk');

type LockedRow = DossierWithUnits & { deskName: string | null; steps: Parameters<typeof stepsFromJson>[0] };

const readStatement = (db: Tx, entityType: string, lock: boolean) =>
  compiled(db, `dossier_with_history:${entityType}:${lock ? 'locked' : 'read'}`, () => {
    const id = sql.placeholder('id');
    return sql`select ${columnsAs(dossiers)}, ${cur.path} as "unitPath", ${cur.name} as "unitName",
        ${recv.path} as "receivingUnitPath", ${recv.name} as "receivingUnitName", ${desk.name} as "deskName",
        ${stepsJson(entityType, dossiers.id)} as "steps"
      from ${dossiers}
      join ${units} ${cur} on ${cur.id} = ${dossiers.unitId}
      join ${units} ${recv} on ${recv.id} = ${dossiers.receivingUnitId}
      left join ${agencies} ${desk} on ${desk.id} = ${dossiers.receivingAgencyId}
      where ${dossiers.id} = ${id}${lock ? sql` for update of ${dossiers}` : sql``}`;
  }, { named: true });

/**
 * The dossier locked for an action (`FOR UPDATE` of its row, so that actions on one dossier run one
 * after the other) with its history and its desk's name, in one statement. A statement that waited
 * for the lock reads the locked row as the other transaction left it, but its subqueries keep the
 * statement's snapshot: when the row's seq is ahead of the steps read, they are read again.
 */
export async function lockDossierWithHistory(db: Tx, entityType: string, id: string): Promise<LockedDossier | undefined> {
  return readWithHistory(db, entityType, id, true);
}

/** The same read without the lock (one snapshot), for an action written at once with a guard on the seq read. */
export async function readDossierWithHistory(db: Tx, entityType: string, id: string): Promise<LockedDossier | undefined> {
  return readWithHistory(db, entityType, id, false);
}

async function readWithHistory(db: Tx, entityType: string, id: string, lock: boolean): Promise<LockedDossier | undefined> {
  const [row] = await runCompiled<LockedRow>(db, readStatement(db, entityType, lock), { id });
  if (!row) return undefined;
  const { deskName, steps: json, ...dossier } = decodeRow(dossiers, row);
  const read = stepsFromJson(json);
  const steps = read[read.length - 1]?.seq === dossier.seq ? read : await history(db, entityType, id);
  return { dossier, steps, deskName };
}
