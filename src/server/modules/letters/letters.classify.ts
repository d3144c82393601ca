// Classification by content: the letter is split into cases, each with its type, eligibility checks and workflow; a denunciation seals the writer for good.
import { sql } from 'drizzle-orm';
import type { CaseClassification, ClassifyBody, LetterView } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import { newRecordId } from '../../db/ids';
import type { Ctx } from '../../platform/auth/actor';
import { errors, type FieldIssue } from '../../platform/errors';
import { can } from '../../platform/policy';
import type { AuditEntry } from '../../platform/audit/audit';
import { alongside, planTransition, recordStart, recordTransition, startStep, type Alongside, type PlannedTransition, type Step } from '../../platform/workflow/workflow.service';
import { cachedUnit } from '../org/org.cache';
import type { UnitRow } from '../org/units.service';
import { canSeeLetter } from './letters.access';
import { clock } from './letters.clock';
import { notifyWriter } from './letters.notify';
import { caseCode } from './letters.codes';
import { assessEligibility, type EligibilityResult } from './letters.eligibility';
import { letterErrors } from './letters.errors';
import { intakeEndColumns } from './letters.identity';
import { updateLetterAndRead, type LetterInsert, type LetterWithUnit } from './letters.queries';
import type { CaseWithUnits } from './letter-cases.queries';
import { caseOpenAlongside, type CaseOpen } from './letter-cases.writes';
import { findLetterWithHistory, letterPageFrom, letterPageSql, type LetterPageJson } from './letters.page.queries';
import { toLetterView } from './letters.views';
import { CASE_ENTITY, LETTER_ENTITY, letterWorkflow, workflowOfType } from './letters.workflows';

type PlannedUnit = Pick<UnitRow, 'id' | 'path' | 'name'>;

interface Planned {
  c: CaseClassification;
  unit: PlannedUnit;
  check: EligibilityResult;
}

/** Every content checked at once, so that the officer fixes the form in one pass; `at`: where the body is in the request. */
async function plan(tx: Tx, ctx: Ctx, letter: Classifiable, body: ClassifyBody, at: string): Promise<Planned[]> {
  const { lang } = ctx;
  const issues: FieldIssue[] = [];
  const out: Planned[] = [];
  // The receiving unit as the letter's read brought it.
  const receiving: PlannedUnit = { id: letter.unitId, path: letter.unitPath, name: letter.unitName };
  for (const [i, c] of body.cases.entries()) {
    const path = `${at}.cases.${i}`;
    const check = assessEligibility(c, lang, path);
    issues.push(...check.issues);
    let unit: PlannedUnit | undefined = receiving;
    if (c.unitId && c.unitId !== receiving.id) {
      unit = await cachedUnit(tx, c.unitId);
      // Classification sends a content down or across only within the officer's own scope; beyond it the case is transferred or forwarded.
      if (!unit || !can(ctx.actor, 'letter.classify', { unitPath: unit.path }))
        issues.push({ path: `${path}.unitId`, message: lang === 'vi' ? 'Đơn vị không thuộc phạm vi của bạn' : 'The unit is outside your scope' });
    }
    if (unit) out.push({ c, unit, check });
  }
  if (issues.length) throw errors.validation(issues);
  return out;
}

/**
 * POST /api/letters/:id/classify. Access first (404), then the intake workflow (403, 409), then the
 * contents (400). `at`: where the body is in the request, for the errors' paths (`body.classification`
 * when the letter is classified as it is recorded, letters.intake.ts).
 */
export async function classifyLetter(tx: Tx, ctx: Ctx, id: string, body: ClassifyBody, now: Date = clock.now(), at = 'body'): Promise<LetterView> {
  // Locked, with its history and where its cases are handled, in one statement.
  const found = await findLetterWithHistory(tx, id, true);
  if (!found || !canSeeLetter(ctx.actor, found.letter, found.places)) throw letterErrors.notFound();
  return classifyHeld(tx, ctx, found, body, now, at);
}

/** A classification written: the letter and its new cases as this transaction holds them, its history, and the page's reads when asked for. */
interface Classified {
  after: LetterWithUnit;
  cases: CaseWithUnits[];
  steps: Step[];
  /** The page's reads, when asked for. */
  read: LetterPageJson | null;
}

/** Classifies a letter already held (and checked) by the caller: its page as the answer. */
export async function classifyHeld(tx: Tx, ctx: Ctx, held: { letter: LetterWithUnit; steps: Step[] }, body: ClassifyBody, now: Date, at: string): Promise<LetterView> {
  const w = await classifyWrite(tx, ctx, held, body, now, at, true);
  return toLetterView(tx, ctx, w.after, now, { cases: w.cases, steps: w.steps, page: letterPageFrom(w.read ?? undefined) });
}

/** What a classification needs of its letter, which may not be written yet (recorded and classified at once, letters.intake.ts). */
export type Classifiable = Pick<LetterWithUnit, 'id' | 'workflowCode' | 'unitId' | 'unitPath' | 'unitName' | 'identityProtected' | 'writerSealed'>;

/** A classification checked, nothing written: the letter's step, its contents, and the letter's columns once classified. */
export interface ClassificationPlan {
  step: PlannedTransition;
  planned: Planned[];
  columns: Pick<LetterInsert, 'state' | 'seq' | 'dueAt' | 'classifiedAt' | 'identityProtected'> & Partial<LetterInsert>;
}

/**
 * Checks a classification of `letter` with its intake history: the workflow's checks (403, 409),
 * then the contents' (400, every content at once).
 */
export async function planClassification(tx: Tx, ctx: Ctx, letter: Classifiable, steps: readonly Step[], body: ClassifyBody, now: Date, at: string): Promise<ClassificationPlan> {
  const types = body.cases.map((c) => c.type);
  const step = await planTransition(
    tx,
    ctx,
    {
      def: letterWorkflow(letter.workflowCode),
      entityType: LETTER_ENTITY,
      entityId: letter.id,
      caseUnitPath: letter.unitPath,
      action: 'classify',
      inputPath: at,
      input: { note: body.note || null, data: { caseCount: types.length, caseTypes: types } },
      ...(body.expectedSeq !== undefined ? { expectedSeq: body.expectedSeq } : {}),
      now,
    },
    steps,
  );
  const planned = await plan(tx, ctx, letter, body, at);
  const protect = letter.identityProtected || types.includes('denunciation');
  return { step, planned, columns: { state: step.state, seq: step.values.seq, dueAt: null, classifiedAt: now, ...intakeEndColumns(letter.writerSealed, protect) } };
}

/**
 * Writes a planned classification of `letter` (written with its columns, or updated to them right
 * after by the caller): the letter's step, then each case with its audit entry, its link to the
 * letter and its start in one statement. `last`, given the new cases, adds the caller's own writes
 * to the last case's statement (the writer's messages, the stored answer).
 */
export async function writeClassification(
  tx: Tx,
  ctx: Ctx,
  letter: LetterWithUnit,
  p: ClassificationPlan,
  now: Date,
  at: string,
  last?: (cases: CaseWithUnits[]) => Promise<Alongside>,
): Promise<{ step: Step; cases: CaseWithUnits[] }> {
  const { step } = await recordTransition(tx, ctx, p.step);
  const opening: CaseToOpen[] = [];
  for (const [i, x] of p.planned.entries()) opening.push(await planCase(tx, ctx, letter, x, i + 1, now, `${at}.cases.${i}`));
  const cases = casesOpened({ ...letter, ...p.columns }, opening);
  const final = last ? await last(cases) : null;
  for (const [i, c] of opening.entries()) {
    const own = caseOpenAlongside(tx, ctx, c.row, c.audit);
    await recordStart(tx, ctx, c.start, final && i === opening.length - 1 ? alongside(own, final) : own);
  }
  return { step, cases };
}

/** The new cases as this transaction writes them, after the letter's classification (`after`): a letter to classify is held by no other case. */
function casesOpened(after: Pick<LetterWithUnit, 'code' | 'unitPath' | 'writerName'>, opening: readonly CaseToOpen[]): CaseWithUnits[] {
  return opening.map(({ row: c, unit }) => ({
    ...c,
    unitPath: unit.path,
    unitName: unit.name,
    letterCode: after.code,
    letterUnitPath: after.unitPath,
    writerName: after.writerName,
  }));
}

async function classifyWrite(tx: Tx, ctx: Ctx, held: { letter: LetterWithUnit; steps: Step[] }, body: ClassifyBody, now: Date, at: string, page: boolean): Promise<Classified> {
  const { letter, steps } = held;
  const p = await planClassification(tx, ctx, letter, steps, body, now, at);
  const { step, cases } = await writeClassification(tx, ctx, letter, p, now, at);
  // The letter's update also reads the rest of its page (files and names) for the history with the new step.
  const all = [...steps, step];
  const { row, read } = await updateLetterAndRead(tx, letter.id, p.columns, page ? letterPageSql(letter.id, all, { agencies: [letter.agencyId] }) : sql<null>`null`);
  const after: LetterWithUnit = { ...letter, ...row };
  await notifyWriter(tx, after, { template: 'letter.classified', cases, now });
  return { after, cases, steps: all, read };
}

/** A case about to be opened from its letter: its row, its start step and its audit entry, nothing written yet. */
interface CaseToOpen {
  row: CaseOpen;
  start: Omit<Step, 'id'>;
  audit: AuditEntry;
  unit: PlannedUnit;
}

async function planCase(tx: Tx, ctx: Ctx, letter: Pick<LetterWithUnit, 'id' | 'code' | 'anonymous' | 'receivedAt'>, p: Planned, ordinal: number, now: Date, dataPath: string): Promise<CaseToOpen> {
  const def = workflowOfType(p.c.type);
  const id = newRecordId();
  const aboutRegulation = p.c.aboutRegulation ?? false;
  // The processing period runs from the letter's receipt, not from the classification.
  const data = def.startFields?.includes('aboutRegulation') ? { aboutRegulation } : {};
  const start = await startStep(tx, ctx, { def, entityType: CASE_ENTITY, entityId: id, unitId: p.unit.id, data, dataPath, clockFrom: letter.receivedAt, now });
  const code = caseCode(letter.code, ordinal);
  const anonymous = letter.anonymous || p.check.anonymous;
  // Written with its deadline, as its start records it.
  const row: CaseOpen = {
    id,
    code,
    letterId: letter.id,
    ordinal,
    type: p.c.type,
    workflowCode: def.code,
    state: def.initialState,
    unitId: p.unit.id,
    agencyId: null,
    assigneeId: null,
    summary: p.c.summary,
    target: p.c.target || null,
    aboutRegulation,
    eligibility: p.check.eligibility,
    processable: p.check.processable,
    notProcessableReason: p.check.processable ? null : (p.c.notProcessableReason ?? null),
    anonymous,
    receivedAt: letter.receivedAt,
    dueAt: start.dueAt,
    acceptedAt: null,
    finishedAt: null,
    outcome: null,
    outcomeReason: null,
    result: null,
    seq: 1,
    createdAt: now,
    updatedAt: now,
  };
  const audit: AuditEntry = {
    action: 'letter_case.create',
    entityType: CASE_ENTITY,
    entityId: id,
    unitId: p.unit.id,
    after: { code, letterId: letter.id, type: p.c.type, processable: p.check.processable, anonymous, eligibility: p.check.eligibility },
  };
  return { row, start, audit, unit: p.unit };
}
