// Duplicates of a letter: suggestions of the cases that probably hold the same matter (same writer, similar content, same target), and filing a letter with one of them.
import { DUPLICATE_REASON_LABELS, type DuplicateReason, type DuplicateSuggestion, type DuplicateSuggestions, type MarkDuplicateBody } from '../../../common/letter-duplicates.schema';
import { LETTER_TYPE_LABELS, type LetterType, type LetterView } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/actor';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { scopePaths } from '../../platform/policy';
import { stateLabel } from '../../platform/workflow/views';
import { history, transitionFrom } from '../../platform/workflow/workflow.service';
import { canSeeCase, identityStatus, mayRevealIdentity } from './letters.access';
import { clock } from './letters.clock';
import { duplicateCandidates, similarityToCase, type CandidateRow } from './letters.duplicates.queries';
import { letterErrors } from './letters.errors';
import { intakeEndColumns } from './letters.identity';
import { findLetter, updateLetter } from './letters.queries';
import { visibleLetter } from './letters.read';
import { findCase, linkCaseLetter } from './letter-cases.queries';
import { availableLetterActions } from './letters.rules';
import { toLetterView } from './letters.views';
import { CASE_ENTITY, LETTER_ENTITY, letterWorkflow } from './letters.workflows';

/** Below this, two letters are only as alike as any two letters on the same kind of matter. */
export const SIMILAR_CONTENT = 0.4;
const SAME_TARGET_WITH_CONTENT = 0.25;
const WRITER_BONUS = 0.3;
const TARGET_BONUS = 0.1;
export const MARK_ACTION = 'mark_duplicate';

const iso = (d: Date | string) => formatLocalIso(d instanceof Date ? d : new Date(d));
const round2 = (x: number) => Math.round(x * 100) / 100;

interface Scored {
  row: CandidateRow;
  content: number;
  reasons: Set<DuplicateReason>;
}

/** One entry per case: the reasons of all its letters, the content similarity of the most alike. */
function byCase(rows: readonly CandidateRow[]): Map<string, Scored> {
  const out = new Map<string, Scored>();
  for (const r of rows) {
    const content = Number(r.content_sim);
    const reasons = new Set<DuplicateReason>();
    if (r.same_writer) reasons.add('same_writer');
    if (content >= SIMILAR_CONTENT) reasons.add('similar_content');
    if (r.same_target) reasons.add('same_target');
    const seen = out.get(r.case_id);
    if (!seen) out.set(r.case_id, { row: r, content, reasons });
    else {
      for (const x of reasons) seen.reasons.add(x);
      if (content > seen.content) Object.assign(seen, { row: r, content });
    }
  }
  return out;
}

/** Worth showing: the same writer, similar content, or the same target with some likeness of content. */
const worthShowing = (s: Scored) => s.reasons.has('same_writer') || s.reasons.has('similar_content') || (s.reasons.has('same_target') && s.content >= SAME_TARGET_WITH_CONTENT);

function toSuggestion(s: Scored, ctx: Ctx): DuplicateSuggestion {
  const r = s.row;
  const type = r.type as LetterType;
  const score = Math.min(1, s.content + (s.reasons.has('same_writer') ? WRITER_BONUS : 0) + (s.reasons.has('same_target') ? TARGET_BONUS : 0));
  const reasons = (['same_writer', 'similar_content', 'same_target'] as const).filter((x) => s.reasons.has(x));
  return {
    caseId: r.case_id,
    caseCode: r.case_code,
    type,
    typeLabel: LETTER_TYPE_LABELS[type][ctx.lang],
    state: r.state,
    stateLabel: stateLabel(letterWorkflow(r.workflow_code), r.state, ctx.lang),
    summary: r.summary,
    target: r.target,
    unit: { id: r.unit_id, name: r.unit_name },
    receivedAt: iso(r.received_at),
    writerName: r.writer_name,
    score: round2(score),
    contentSimilarity: round2(s.content),
    reasons,
    reasonLabels: reasons.map((x) => DUPLICATE_REASON_LABELS[x][ctx.lang]),
    letter: { id: r.letter_id, code: r.letter_code, receivedAt: iso(r.letter_received_at) },
    letterCount: Number(r.letter_count),
  };
}

/**
 * GET /api/letters/:id/duplicates: the cases the user may see that probably hold the same matter,
 * best first. "Same writer" is matched on keyed hashes only, never for a protected writer on either
 * side, and only for someone who may see this letter's writer, so that a suggestion never tells who
 * a protected denouncer is.
 */
export async function suggestDuplicates(db: Tx, ctx: Ctx, id: string, limit: number): Promise<DuplicateSuggestions> {
  const { letter, cases } = await visibleLetter(db, ctx, id);
  const matchWriter = identityStatus(letter) !== 'protected' && mayRevealIdentity(ctx.actor, letter, cases);
  const rows = await duplicateCandidates(db, { letterId: id, matchWriter, paths: scopePaths(ctx.actor, 'letter.read'), staffId: ctx.actor.id });
  const items = [...byCase(rows).values()]
    .filter(worthShowing)
    .map((s) => toSuggestion(s, ctx))
    .sort((a, b) => b.score - a.score || b.receivedAt.localeCompare(a.receivedAt))
    .slice(0, limit);
  const def = letterWorkflow(letter.workflowCode);
  const steps = await history(db, LETTER_ENTITY, id);
  const canMark = availableLetterActions(def, letter, ctx.actor, steps, clock.now()).some((a) => a.code === MARK_ACTION);
  return { letterId: id, items, canMark };
}

/**
 * POST /api/letters/:id/mark-duplicate: the letter leaves the queue to classify, filed with an
 * existing case (the intake action `mark_duplicate`); the case keeps it beside its other letters
 * (`letter_case_letters`, role `duplicate`, with the similarity and who linked it). A letter joining
 * a denunciation is protected for good, like one classified as a denunciation. Access first (404),
 * then the workflow (403, 409), then the case named (400 on `body.caseId`).
 */
export async function markDuplicate(tx: Tx, ctx: Ctx, id: string, body: MarkDuplicateBody, now: Date = clock.now()): Promise<LetterView> {
  const { letter } = await visibleLetter(tx, ctx, id, true);
  const found = await findCase(tx, body.caseId);
  const c = found && canSeeCase(ctx.actor, found) ? found : undefined;
  const similarity = c ? await similarityToCase(tx, id, c.id) : 0;
  const steps = await history(tx, LETTER_ENTITY, id);
  const res = await transitionFrom(
    tx,
    ctx,
    {
      def: letterWorkflow(letter.workflowCode),
      entityType: LETTER_ENTITY,
      entityId: id,
      caseUnitPath: letter.unitPath,
      action: MARK_ACTION,
      input: { note: body.note || null, data: c ? { caseId: c.id, caseCode: c.code, similarity } : { caseId: body.caseId } },
      ...(body.expectedSeq !== undefined ? { expectedSeq: body.expectedSeq } : {}),
      now,
    },
    steps,
  );
  // The same answer for a case that does not exist and one the user may not see.
  if (!c) throw letterErrors.field(ctx.lang, 'body.caseId', 'Không tìm thấy vụ việc trong phạm vi của bạn', 'No such case within your scope');
  // A denouncer's letter joins only a denunciation: a petition or feedback case may publish its answer.
  if ((letter.identityProtected || letter.declaredKind === 'denunciation') && c.type !== 'denunciation') {
    throw letterErrors.field(ctx.lang, 'body.caseId', 'Đơn tố cáo chỉ được gộp vào vụ việc tố cáo', 'A denunciation may only be filed with a denunciation case');
  }

  await linkCaseLetter(tx, { caseId: c.id, letterId: id, role: 'duplicate', similarity, linkedBy: ctx.actor.id, linkedAt: now });
  const protect = letter.identityProtected || c.type === 'denunciation';
  await updateLetter(tx, id, { state: res.state, seq: res.step.seq, dueAt: null, classifiedAt: now, ...intakeEndColumns(letter.writerSealed, protect) });
  // The case's own trail shows the letter it gained (names the letter, never its writer).
  await recordAudit(tx, ctx, {
    action: 'letter_case.add_duplicate',
    entityType: CASE_ENTITY,
    entityId: c.id,
    unitId: c.unitId,
    after: { letterId: id, letterCode: letter.code, role: 'duplicate', similarity },
  });
  const after = await findLetter(tx, id);
  if (!after) throw new Error('letter vanished inside its own transaction');
  return toLetterView(tx, ctx, after, now);
}
