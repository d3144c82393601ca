// The reads of the letter and case pages in as few statements as possible (every action answers a
// whole page): a case with its letter and history in one statement (locked for an action), then the
// rest of a page in one more: the letter's files, the names its timeline refers to and, for a case,
// where the letter's cases are handled, the letters the case holds and its alerts, as JSON arrays.
import { eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { batchedReader, batchKeys, inKeyOrder, isUuid } from '../../db/batched';
import { columnsAs, compiled, decodeRow, runCompiled } from '../../db/compiled';
import { epochMs, fromEpochMs } from '../../db/json';
import { queryRows } from '../../db/rows';
import { files, letterCaseAlerts, letterCaseLetters, letterCases, letterFiles, letters, staff, units } from '../../db/schema';
import { namesQuery, stepNames, type StepNames } from '../../platform/workflow/names';
import { history, stepsFromJson, stepsJson, type Step } from '../../platform/workflow/workflow.service';
import type { CasePlace } from './letters.access';
import type { CaseRow, CaseWithUnits } from './letter-cases.queries';
import { recv, type LetterRow, type LetterWithUnit } from './letters.queries';
import { CASE_ENTITY, LETTER_ENTITY } from './letters.workflows';

const cur = alias(units, 'case_unit');

export interface CaseWithLetter {
  c: CaseWithUnits;
  letter: LetterWithUnit;
  /** The case's steps, oldest first. */
  steps: Step[];
}

type CaseWithLetterRow = Record<string, unknown> & {
  unitPath: string;
  unitName: string;
  recvPath: string;
  recvName: string;
  recvCode: string;
  steps: Parameters<typeof stepsFromJson>[0];
};

/** The letter's columns in the case's row, named `l_<field>` (the case's own are unprefixed). */
const L = 'l_';

const caseWithLetterColumns = sql`${columnsAs(letterCases)}, ${cur.path} as "unitPath", ${cur.name} as "unitName", ${columnsAs(letters, L)},
  ${recv.path} as "recvPath", ${recv.name} as "recvName", ${recv.code} as "recvCode", ${stepsJson(CASE_ENTITY, letterCases.id)} as "steps"`;

const caseWithLetterJoins = sql`join ${units} ${cur} on ${cur.id} = ${letterCases.unitId}
  join ${letters} on ${letters.id} = ${letterCases.letterId}
  join ${units} ${recv} on ${recv.id} = ${letters.unitId}`;

const caseWithLetterStatement = (db: Tx, lock: boolean) =>
  compiled(
    db,
    `case_with_letter:${lock ? 'locked' : 'read'}`,
    () => sql`select ${caseWithLetterColumns} from ${letterCases} ${caseWithLetterJoins}
      where ${letterCases.id} = ${sql.placeholder('id')}${lock ? sql` for update of ${letterCases}` : sql``}`,
    { named: true },
  );

/** Several cases at once (the array `ids`), each row numbered by its id's place in the array. */
const casesWithLetterStatement = (db: Tx) =>
  compiled(
    db,
    'cases_with_letter',
    () => sql`select q.i as "i", ${caseWithLetterColumns}
      from ${batchKeys(sql`${sql.placeholder('ids')}::uuid[]`, 'q', 'id')}
      join ${letterCases} on ${letterCases.id} = q.id ${caseWithLetterJoins}`,
    { named: true },
  );

const caseColumns = Object.keys(getTableColumns(letterCases));
const letterColumns = Object.keys(getTableColumns(letters));
const pick = (keys: readonly string[], row: Record<string, unknown>, prefix = '') => Object.fromEntries(keys.map((k) => [k, row[`${prefix}${k}`]]));

/**
 * A case with where it is handled, its letter (with the receiving unit) and its history, in one
 * statement built once; `forUpdate` locks the case, so that two actions on it queue up instead of
 * colliding on the step seq. A statement that waited for the lock sees the case as the other action
 * left it but its history as of its own start: when the case's seq is ahead of the steps read, they
 * are read again. Without the lock, one snapshot: an action written at once guards on the seq read.
 */
export async function findCaseWithLetter(db: Tx, id: string, forUpdate = false): Promise<CaseWithLetter | undefined> {
  const [raw] = await runCompiled<CaseWithLetterRow>(db, caseWithLetterStatement(db, forUpdate), { id });
  return raw && caseWithLetterOf(db, raw);
}

const readCasesWithLetter = batchedReader(async (db: Tx, ids: readonly string[]) => {
  const rows = await runCompiled<CaseWithLetterRow & { i: number | string }>(db, casesWithLetterStatement(db), { ids });
  return inKeyOrder(ids.length, rows, (row) => row as CaseWithLetterRow);
}, isUuid);

/**
 * `findCaseWithLetter` without the lock, on the application's database, for an action written at
 * once: the reads of actions arriving together are one statement (db/batched.ts).
 */
export async function readCaseWithLetter(db: Tx, id: string): Promise<CaseWithLetter | undefined> {
  const raw = await readCasesWithLetter(db, id);
  return raw && caseWithLetterOf(db, raw);
}

async function caseWithLetterOf(db: Tx, raw: CaseWithLetterRow): Promise<CaseWithLetter> {
  const { unitPath, unitName, recvPath, recvName, recvCode, steps: json } = raw;
  const c = decodeRow(letterCases, pick(caseColumns, raw) as CaseRow);
  const l = decodeRow(letters, pick(letterColumns, raw, L) as LetterRow);
  const read = stepsFromJson(json);
  const steps = read[read.length - 1]?.seq === c.seq ? read : await history(db, CASE_ENTITY, c.id);
  return {
    c: { ...c, unitPath, unitName, letterCode: l.code, letterUnitPath: recvPath, writerName: l.writerName },
    letter: { ...l, unitPath: recvPath, unitName: recvName, unitCode: recvCode },
    steps,
  };
}

/**
 * A letter with its receiving unit, its intake history and where its own cases are handled (who may
 * see it), in one statement; `forUpdate` locks the letter (two classifications of one letter run one
 * after the other; the history is read again when the letter's seq is ahead of it, as for a case).
 */
export async function findLetterWithHistory(db: Tx, id: string, forUpdate = false): Promise<{ letter: LetterWithUnit; steps: Step[]; places: CasePlace[] } | undefined> {
  const places = sql<CasePlace[]>`coalesce((select json_agg(json_build_object('unitId', c.unit_id, 'unitPath', u.path, 'assigneeId', c.assignee_id) order by c.ordinal)
    from ${letterCases} c join ${units} u on u.id = c.unit_id where c.letter_id = ${letters.id}), '[]'::json)`;
  const q = db
    .select({ l: letters, unitPath: recv.path, unitName: recv.name, unitCode: recv.code, steps: stepsJson(LETTER_ENTITY, letters.id), places })
    .from(letters)
    .innerJoin(recv, eq(recv.id, letters.unitId))
    .where(eq(letters.id, id));
  const [row] = forUpdate ? await q.for('update', { of: letters }) : await q;
  if (!row) return undefined;
  const read = stepsFromJson(row.steps);
  const steps = read[read.length - 1]?.seq === row.l.seq ? read : await history(db, LETTER_ENTITY, id);
  return { letter: { ...row.l, unitPath: row.unitPath, unitName: row.unitName, unitCode: row.unitCode }, steps, places: row.places };
}

type Extra = Parameters<typeof namesQuery>[1];
type NameRow = Parameters<typeof stepNames>[0][number];

/** A file of the letter, in `filesOfLetter`'s order (when linked, then by name). */
export interface LetterFileRow {
  fileId: string;
  name: string;
  kind: string;
  caseId: string | null;
  stepSeq: number | null;
  mime: string;
  size: number;
}

/**
 * A letter a case holds: the one it was split from first, then its duplicates by date received, with what decides
 * whether the user may unfile it (its intake state, workflow, receiving unit and, for a duplicate, its intake steps).
 */
export interface CaseLetterRow {
  id: string;
  code: string;
  role: string;
  receivedAt: Date;
  /** The plaintext column: null on a protected (or anonymous) writer. */
  writerName: string | null;
  anonymous: boolean;
  identityProtected: boolean;
  similarity: number | null;
  seq: number;
  state: string;
  workflowCode: string;
  unitPath: string;
  /** The letter's intake steps, oldest first; none for the letter the case was split from (never unfiled). */
  steps: Step[];
}

/** An alert of the case (newest first) with the names of the staff it told, in the order they were told. */
export interface CaseAlertRow {
  kind: string;
  dueAt: Date;
  createdAt: Date;
  recipients: Array<{ id: string; name: string }>;
}

const filesJson = (letterId: string) => sql`coalesce((select json_agg(json_build_object('fileId', lf.file_id, 'name', lf.name, 'kind', lf.kind,
    'caseId', lf.case_id, 'stepSeq', lf.step_seq, 'mime', f.mime, 'size', f.size) order by lf.created_at, lf.name)
  from ${letterFiles} lf join ${files} f on f.id = lf.file_id where lf.letter_id = ${letterId}), '[]'::json)`;

const namesJson = (names: SQL | null) => (names ? sql`coalesce((select json_agg(n) from (${names}) n), '[]'::json)` : sql`'[]'::json`);

export type LetterPageJson = { files: LetterFileRow[]; names: NameRow[] };
export type LetterPage = { files: LetterFileRow[]; names: StepNames };

/**
 * The letter page's files and the names its timeline (and `extra`) refers to, as one JSON value: a
 * statement of its own (letterPageOf), or a column of the statement that writes the letter (its
 * RETURNING sees the links and names as they were before that statement, which it does not change).
 */
export function letterPageSql(letterId: string, steps: readonly Step[], extra: Extra): SQL<LetterPageJson> {
  return sql<LetterPageJson>`json_build_object('files', ${filesJson(letterId)}, 'names', ${namesJson(namesQuery(steps, extra))})`;
}

export function letterPageFrom(j: LetterPageJson | undefined): LetterPage {
  return { files: j?.files ?? [], names: stepNames(j?.names ?? []) };
}

export async function letterPageOf(db: Tx, letterId: string, steps: readonly Step[], extra: Extra): Promise<LetterPage> {
  const [row] = await queryRows<{ page: LetterPageJson }>(db, sql`select ${letterPageSql(letterId, steps, extra)} as page`);
  return letterPageFrom(row?.page);
}

type JsonStep = Parameters<typeof stepsFromJson>[0][number];
type JsonTime<T, K extends keyof T> = Omit<T, K> & { [P in K]: number | string };
/** Where a case of the letter is handled, with the case's id. */
export type LetterCasePlace = CasePlace & { id: string };
type CasePageJson = {
  files: LetterFileRow[];
  places: LetterCasePlace[];
  letters: Array<JsonTime<Omit<CaseLetterRow, 'steps'>, 'receivedAt'> & { steps: JsonStep[] }>;
  alerts: Array<JsonTime<CaseAlertRow, 'dueAt' | 'createdAt'>>;
  names: NameRow[];
};
export type CasePage = { files: LetterFileRow[]; places: LetterCasePlace[]; letters: CaseLetterRow[]; alerts: CaseAlertRow[]; names: StepNames };

/**
 * The case page's reads after the case, its letter and its history, as one JSON value: the letter's
 * files, where each case of the letter is handled (who may reveal the writer), the letters the case
 * holds (with what decides who may unfile a duplicate), its alerts, and the names the timeline (and
 * `extra`) refers to. A statement of its own (casePageOf), or a column of the case's update after an
 * action (its RETURNING sees the case's place as it was before the update: the caller puts the
 * updated one in).
 */
export function casePageSql(caseId: string, letterId: string, steps: readonly Step[], extra: Extra): SQL<CasePageJson> {
  return sql<CasePageJson>`json_build_object('files', ${filesJson(letterId)},
    'places', coalesce((select json_agg(json_build_object('id', c.id, 'unitId', c.unit_id, 'unitPath', u.path, 'assigneeId', c.assignee_id) order by c.ordinal)
      from ${letterCases} c join ${units} u on u.id = c.unit_id where c.letter_id = ${letterId}), '[]'::json),
    'letters', coalesce((select json_agg(json_build_object('id', l.id, 'code', l.code, 'role', k.role, 'receivedAt', ${epochMs(sql`l.received_at`)},
        'writerName', l.writer_name, 'anonymous', l.anonymous, 'identityProtected', l.identity_protected, 'similarity', k.similarity,
        'seq', l.seq, 'state', l.state, 'workflowCode', l.workflow_code, 'unitPath', lu.path,
        'steps', case when k.role = 'duplicate' then ${stepsJson(LETTER_ENTITY, sql`l.id`)} else '[]'::json end)
        order by k.role = 'origin' desc, l.received_at)
      from ${letterCaseLetters} k join ${letters} l on l.id = k.letter_id join ${units} lu on lu.id = l.unit_id where k.case_id = ${caseId}), '[]'::json),
    'alerts', coalesce((select json_agg(json_build_object('kind', a.kind, 'dueAt', ${epochMs(sql`a.due_at`)}, 'createdAt', ${epochMs(sql`a.created_at`)},
        'recipients', (select coalesce(json_agg(json_build_object('id', r.id, 'name', coalesce(s.full_name, '')) order by r.n), '[]'::json)
          from unnest(a.recipient_ids) with ordinality as r(id, n) left join ${staff} s on s.id = r.id)) order by a.created_at desc)
      from ${letterCaseAlerts} a where a.case_id = ${caseId}), '[]'::json),
    'names', ${namesJson(namesQuery(steps, extra))})`;
}

export function casePageFrom(j: CasePageJson | undefined): CasePage {
  return {
    files: j?.files ?? [],
    places: j?.places ?? [],
    letters: (j?.letters ?? []).map((x) => ({ ...x, receivedAt: fromEpochMs(x.receivedAt), steps: stepsFromJson(x.steps) })),
    alerts: (j?.alerts ?? []).map((a) => ({ ...a, dueAt: fromEpochMs(a.dueAt), createdAt: fromEpochMs(a.createdAt) })),
    names: stepNames(j?.names ?? []),
  };
}

export async function casePageOf(db: Tx, caseId: string, letterId: string, steps: readonly Step[], extra: Extra): Promise<CasePage> {
  const [row] = await queryRows<{ page: CasePageJson }>(db, sql`select ${casePageSql(caseId, letterId, steps, extra)} as page`);
  return casePageFrom(row?.page);
}
