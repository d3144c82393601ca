// Classification by content: the letter is split into cases, each with its type, eligibility checks and workflow; a denunciation seals the writer for good.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CaseClassification, ClassifyBody, LetterView, StaffLetterAck } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../platform/auth/actor';
import { errors, type FieldIssue } from '../../platform/errors';
import { can } from '../../platform/policy';
import { startCase, startDue, transitionFrom, type StartArgs, type Step } from '../../platform/workflow/workflow.service';
import { cachedUnit } from '../org/org.cache';
import type { UnitRow } from '../org/units.service';
import { canSeeLetter } from './letters.access';
import { clock } from './letters.clock';
import { notifyWriter } from './letters.notify';
import { caseCode } from './letters.codes';
import { assessEligibility, type EligibilityResult } from './letters.eligibility';
import { letterErrors } from './letters.errors';
import { intakeEndColumns } from './letters.identity';
import { updateLetterAndRead, type LetterWithUnit } from './letters.queries';
import type { CaseRow, CaseWithUnits } from './letter-cases.queries';
import { insertOpenedCase } from './letter-cases.writes';
import { findLetterWithHistory, letterPageFrom, letterPageSql, type LetterPageJson } from './letters.page.queries';
import { toLetterAck, toLetterView } from './letters.views';
import { CASE_ENTITY, LETTER_ENTITY, letterWorkflow, workflowOfType } from './letters.workflows';

type PlannedUnit = Pick<UnitRow, 'id' | 'path' | 'name'>;

interface Planned {
  c: CaseClassification;
  unit: PlannedUnit;
  check: EligibilityResult;
}

/** Every content checked at once, so that the officer fixes the form in one pass; `at`: where the body is in the request. */
async function plan(tx: Tx, ctx: Ctx, letter: LetterWithUnit, body: ClassifyBody, at: string): Promise<Planned[]> {
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

/**
 * The classification of a letter the caller holds (read locked and visible, or just opened in this
 * transaction, letters.intake.ts) with its intake history: the workflow's checks, then the contents'.
 */
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

/** The same, answered minimally (`Prefer: return=minimal` on recording): where the letter and its cases stand; the page is not read. */
export async function classifyHeldMinimal(tx: Tx, ctx: Ctx, held: { letter: LetterWithUnit; steps: Step[] }, body: ClassifyBody, now: Date, at: string): Promise<StaffLetterAck['letter']> {
  const w = await classifyWrite(tx, ctx, held, body, now, at, false);
  return toLetterAck(ctx, w.after, w.cases);
}

async function classifyWrite(tx: Tx, ctx: Ctx, held: { letter: LetterWithUnit; steps: Step[] }, body: ClassifyBody, now: Date, at: string, page: boolean): Promise<Classified> {
  const { letter, steps } = held;
  const id = letter.id;
  const def = letterWorkflow(letter.workflowCode);
  const types = body.cases.map((c) => c.type);
  const res = await transitionFrom(
    tx,
    ctx,
    {
      def,
      entityType: LETTER_ENTITY,
      entityId: id,
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
  const opened: Array<{ row: CaseRow; unit: PlannedUnit }> = [];
  for (const [i, p] of planned.entries()) opened.push({ row: await openCase(tx, ctx, letter, p, i + 1, now, `${at}.cases.${i}`), unit: p.unit });

  const protect = letter.identityProtected || types.includes('denunciation');
  // The letter's update also reads the rest of its page (files and names) for the history with the new step.
  const all = [...steps, res.step];
  const { row, read } = await updateLetterAndRead(
    tx,
    id,
    { state: res.state, seq: res.step.seq, dueAt: null, classifiedAt: now, ...intakeEndColumns(letter.writerSealed, protect) },
    page ? letterPageSql(id, all, { agencies: [letter.agencyId] }) : sql<null>`null`,
  );
  // The letter and its new cases as this transaction wrote them: a letter to classify is held by no other case.
  const after: LetterWithUnit = { ...letter, ...row };
  const cases: CaseWithUnits[] = opened.map(({ row: c, unit }) => ({
    ...c,
    unitPath: unit.path,
    unitName: unit.name,
    letterCode: after.code,
    letterUnitPath: after.unitPath,
    writerName: after.writerName,
  }));
  await notifyWriter(tx, after, { template: 'letter.classified', cases, now });
  return { after, cases, steps: all, read };
}

async function openCase(tx: Tx, ctx: Ctx, letter: LetterWithUnit, p: Planned, ordinal: number, now: Date, dataPath: string): Promise<CaseRow> {
  const def = workflowOfType(p.c.type);
  const id = randomUUID();
  const aboutRegulation = p.c.aboutRegulation ?? false;
  // The processing period runs from the letter's receipt, not from the classification.
  const data = def.startFields?.includes('aboutRegulation') ? { aboutRegulation } : {};
  const start: StartArgs = { def, entityType: CASE_ENTITY, entityId: id, unitId: p.unit.id, data, dataPath, clockFrom: letter.receivedAt, now };
  // The case is written with its deadline, its audit entry and its link to the letter in one statement, then its workflow starts.
  const dueAt = await startDue(tx, ctx.lang, start);
  const code = caseCode(letter.code, ordinal);
  const anonymous = letter.anonymous || p.check.anonymous;
  const row = await insertOpenedCase(
    tx,
    ctx,
    {
      id,
      code,
      letterId: letter.id,
      ordinal,
      type: p.c.type,
      workflowCode: def.code,
      state: def.initialState,
      unitId: p.unit.id,
      summary: p.c.summary,
      target: p.c.target || null,
      aboutRegulation,
      eligibility: p.check.eligibility,
      processable: p.check.processable,
      notProcessableReason: p.check.processable ? null : (p.c.notProcessableReason ?? null),
      anonymous,
      receivedAt: letter.receivedAt,
      dueAt,
    },
    {
      action: 'letter_case.create',
      entityType: CASE_ENTITY,
      entityId: id,
      unitId: p.unit.id,
      after: { code, letterId: letter.id, type: p.c.type, processable: p.check.processable, anonymous, eligibility: p.check.eligibility },
    },
    now,
  );
  await startCase(tx, ctx, { ...start, dueAt });
  return row;
}
