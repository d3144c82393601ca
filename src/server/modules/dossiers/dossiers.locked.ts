// The locked read of a dossier for an action, with its units, its desk and its history: one statement, built once.
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { batchedReader, batchKeys, inKeyOrder, isUuid } from '../../db/batched';
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

const selected = (entityType: string) =>
  sql`${columnsAs(dossiers)}, ${cur.path} as "unitPath", ${cur.name} as "unitName",
    ${recv.path} as "receivingUnitPath", ${recv.name} as "receivingUnitName", ${desk.name} as "deskName",
    ${stepsJson(entityType, dossiers.id)} as "steps"`;

const joined = sql`join ${units} ${cur} on ${cur.id} = ${dossiers.unitId}
  join ${units} ${recv} on ${recv.id} = ${dossiers.receivingUnitId}
  left join ${agencies} ${desk} on ${desk.id} = ${dossiers.receivingAgencyId}`;

const lockStatement = (db: Tx, entityType: string) =>
  compiled(db, `dossier_with_history:${entityType}:locked`, () =>
    sql`select ${selected(entityType)} from ${dossiers} ${joined} where ${dossiers.id} = ${sql.placeholder('id')} for update of ${dossiers}`,
  { named: true });

/** Several dossiers at once (the array `ids`), each row numbered by its id's place in the array. */
const readManyStatement = (db: Tx, entityType: string) =>
  compiled(db, `dossiers_with_history:${entityType}`, () =>
    sql`select q.i as "i", ${selected(entityType)}
      from ${batchKeys(sql`${sql.placeholder('ids')}::uuid[]`, 'q', 'id')}
      join ${dossiers} on ${dossiers.id} = q.id ${joined}`,
  { named: true });

/**
 * The dossier locked for an action (`FOR UPDATE` of its row, so that actions on one dossier run one
 * after the other) with its history and its desk's name, in one statement. A statement that waited
 * for the lock reads the locked row as the other transaction left it, but its subqueries keep the
 * statement's snapshot: when the row's seq is ahead of the steps read, they are read again.
 */
export async function lockDossierWithHistory(db: Tx, entityType: string, id: string): Promise<LockedDossier | undefined> {
  const [row] = await runCompiled<LockedRow>(db, lockStatement(db, entityType), { id });
  return row && withHistory(db, entityType, row);
}

/**
 * The same read without the lock (one snapshot), for an action written at once with a guard on the
 * seq read. The reads of actions arriving together are one statement (db/batched.ts).
 */
export async function readDossierWithHistory(db: Tx, entityType: string, id: string): Promise<LockedDossier | undefined> {
  const row = await readerOf(entityType)(db, id);
  return row && withHistory(db, entityType, row);
}

const readers = new Map<string, (db: Tx, id: string) => Promise<LockedRow | undefined>>();

function readerOf(entityType: string) {
  let reader = readers.get(entityType);
  if (!reader) {
    reader = batchedReader(async (db: Tx, ids: readonly string[]) => {
      const rows = await runCompiled<LockedRow & { i: number | string }>(db, readManyStatement(db, entityType), { ids });
      return inKeyOrder(ids.length, rows, (row) => row);
    }, isUuid);
    readers.set(entityType, reader);
  }
  return reader;
}

async function withHistory(db: Tx, entityType: string, row: LockedRow): Promise<LockedDossier> {
  const { deskName, steps: json, ...dossier } = decodeRow(dossiers, row);
  const read = stepsFromJson(json);
  const steps = read[read.length - 1]?.seq === dossier.seq ? read : await history(db, entityType, dossier.id);
  return { dossier, steps, deskName };
}
