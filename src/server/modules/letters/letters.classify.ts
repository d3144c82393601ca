// Classification by content: the letter is split into cases, each with its type, eligibility checks and workflow; a denunciation seals the writer for good.
import type { CaseClassification, ClassifyBody, LetterView } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/actor';
import { errors, type FieldIssue } from '../../platform/errors';
import { can } from '../../platform/policy';
import { history, startCase, transitionFrom } from '../../platform/workflow/workflow.service';
import { findUnit, type UnitRow } from '../org/units.service';
import { canSeeLetter } from './letters.access';
import { clock } from './letters.clock';
import { notifyWriter } from './letters.notify';
import { caseCode } from './letters.codes';
import { assessEligibility, type EligibilityResult } from './letters.eligibility';
import { letterErrors } from './letters.errors';
import { intakeEndColumns } from './letters.identity';
import { findLetter, updateLetter, type LetterWithUnit } from './letters.queries';
import { casesOfLetter, insertCase, linkCaseLetter, updateCase } from './letter-cases.queries';
import { toLetterView } from './letters.views';
import { CASE_ENTITY, LETTER_ENTITY, letterWorkflow, workflowOfType } from './letters.workflows';

interface Planned {
  c: CaseClassification;
  unit: UnitRow;
  check: EligibilityResult;
}

/** Every content checked at once, so that the officer fixes the form in one pass. */
async function plan(tx: Tx, ctx: Ctx, letter: LetterWithUnit, body: ClassifyBody): Promise<Planned[]> {
  const { lang } = ctx;
  const issues: FieldIssue[] = [];
  const out: Planned[] = [];
  const receiving = await findUnit(tx, letter.unitId);
  if (!receiving) throw new Error('the receiving unit of a letter vanished');
  for (const [i, c] of body.cases.entries()) {
    const path = `body.cases.${i}`;
    const check = assessEligibility(c, lang, path);
    issues.push(...check.issues);
    let unit: UnitRow | undefined = receiving;
    if (c.unitId && c.unitId !== receiving.id) {
      unit = await findUnit(tx, c.unitId);
      // Classification sends a content down or across only within the officer's own scope; beyond it the case is transferred or forwarded.
      if (!unit || !can(ctx.actor, 'letter.classify', { unitPath: unit.path }))
        issues.push({ path: `${path}.unitId`, message: lang === 'vi' ? 'Đơn vị không thuộc phạm vi của bạn' : 'The unit is outside your scope' });
    }
    if (unit) out.push({ c, unit, check });
  }
  if (issues.length) throw errors.validation(issues);
  return out;
}

/** POST /api/letters/:id/classify. Access first (404), then the intake workflow (403, 409), then the contents (400). */
export async function classifyLetter(tx: Tx, ctx: Ctx, id: string, body: ClassifyBody, now: Date = clock.now()): Promise<LetterView> {
  const letter = await findLetter(tx, id, true);
  if (!letter || !canSeeLetter(ctx.actor, letter, await casesOfLetter(tx, id))) throw letterErrors.notFound();
  const def = letterWorkflow(letter.workflowCode);
  const steps = await history(tx, LETTER_ENTITY, id);
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
      input: { note: body.note || null, data: { caseCount: types.length, caseTypes: types } },
      ...(body.expectedSeq !== undefined ? { expectedSeq: body.expectedSeq } : {}),
      now,
    },
    steps,
  );
  const planned = await plan(tx, ctx, letter, body);
  for (const [i, p] of planned.entries()) await openCase(tx, ctx, letter, p, i + 1, now);

  const protect = letter.identityProtected || types.includes('denunciation');
  await updateLetter(tx, id, { state: res.state, seq: res.step.seq, dueAt: null, classifiedAt: now, ...intakeEndColumns(letter.writerSealed, protect) });
  await notifyWriter(tx, id, { template: 'letter.classified', cases: await casesOfLetter(tx, id), now });
  const after = await findLetter(tx, id);
  if (!after) throw new Error('letter vanished inside its own transaction');
  return toLetterView(tx, ctx, after, now);
}

async function openCase(tx: Tx, ctx: Ctx, letter: LetterWithUnit, p: Planned, ordinal: number, now: Date): Promise<void> {
  const def = workflowOfType(p.c.type);
  const row = await insertCase(tx, {
    code: caseCode(letter.code, ordinal),
    letterId: letter.id,
    ordinal,
    type: p.c.type,
    workflowCode: def.code,
    state: def.initialState,
    unitId: p.unit.id,
    summary: p.c.summary,
    target: p.c.target || null,
    aboutRegulation: p.c.aboutRegulation ?? false,
    eligibility: p.check.eligibility,
    processable: p.check.processable,
    notProcessableReason: p.check.processable ? null : (p.c.notProcessableReason ?? null),
    anonymous: letter.anonymous || p.check.anonymous,
    receivedAt: letter.receivedAt,
  });
  await recordAudit(tx, ctx, {
    action: 'letter_case.create',
    entityType: CASE_ENTITY,
    entityId: row.id,
    unitId: p.unit.id,
    after: { code: row.code, letterId: letter.id, type: row.type, processable: row.processable, anonymous: row.anonymous, eligibility: row.eligibility },
  });
  // The processing period runs from the letter's receipt, not from the classification.
  const data = def.startFields?.includes('aboutRegulation') ? { aboutRegulation: row.aboutRegulation } : {};
  const started = await startCase(tx, ctx, {
    def,
    entityType: CASE_ENTITY,
    entityId: row.id,
    unitId: p.unit.id,
    data,
    dataPath: `body.cases.${ordinal - 1}`,
    clockFrom: letter.receivedAt,
    now,
  });
  await updateCase(tx, row.id, { dueAt: started.dueAt });
  await linkCaseLetter(tx, { caseId: row.id, letterId: letter.id, role: 'origin', linkedBy: ctx.actor.id, linkedAt: now });
}
