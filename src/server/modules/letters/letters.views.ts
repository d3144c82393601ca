// Turns letter and case rows and their workflow steps into the staff API's views: list items, the letter page, the case page with its actions.
import {
  LETTER_TYPE_LABELS,
  PROTECTED_NOTICE,
  type CaseSummary,
  type CaseView,
  type IdentityView,
  type LetterChannel,
  type LetterSummary,
  type LetterType,
  type LetterView,
} from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { loadCalendar } from '../../platform/calendar/calendar.service';
import { formatLocalIso } from '../../platform/calendar/local-date';
import type { WorkingCalendar } from '../../platform/calendar/working-days';
import type { Lang } from '../../platform/locale';
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { dueStatus } from '../../platform/workflow/engine';
import { namesOfSteps } from '../../platform/workflow/names';
import { actionLabel, isTerminal, stateLabel, stepFields, toActionView } from '../../platform/workflow/views';
import { history, type Step } from '../../platform/workflow/workflow.service';
import { identityStatus, mayRevealIdentity, type CasePlace } from './letters.access';
import { openIdentity, openName, presenceOf, toWriterView } from './letters.identity';
import { filesOfLetter, type LetterWithUnit } from './letters.queries';
import { casesHoldingLetter, casesOfLetter, lettersOfCase, type CaseWithUnits } from './letter-cases.queries';
import { alertsOfCase } from './letters.escalation';
import { availableCaseActions, availableLetterActions } from './letters.rules';
import { CASE_ENTITY, LETTER_ENTITY, letterWorkflow } from './letters.workflows';

const iso = (d: Date | null) => (d ? formatLocalIso(d) : null);
export const START_LETTER = { vi: 'Tiếp nhận đơn', en: 'Letter received' };
export const START_CASE = { vi: 'Phân loại, mở vụ việc', en: 'Case opened at classification' };
const SEALED_NOTICE = { vi: 'Thông tin người viết đơn được mã hoá cho đến khi phân loại', en: "The writer's details are sealed until the letter is classified" };
const RESTRICTED_FILE = { vi: 'Tệp gửi kèm đơn (được bảo mật)', en: 'File sent with the letter (confidential)' };
const EXCERPT = 160;

function due(def: WorkflowDefinition, state: string, dueAt: Date | null, cal: WorkingCalendar, now: Date) {
  return dueAt && !isTerminal(def, state) ? dueStatus(dueAt, now, cal) : null;
}

export function toCaseSummary(c: CaseWithUnits, lang: Lang, cal: WorkingCalendar, now: Date): CaseSummary {
  const def = letterWorkflow(c.workflowCode);
  const type = c.type as LetterType;
  return {
    id: c.id,
    code: c.code,
    letterId: c.letterId,
    letterCode: c.letterCode,
    type,
    typeLabel: LETTER_TYPE_LABELS[type][lang],
    state: c.state,
    stateLabel: stateLabel(def, c.state, lang),
    summary: c.summary,
    target: c.target,
    writerName: c.writerName,
    anonymous: c.anonymous,
    processable: c.processable,
    unit: { id: c.unitId, name: c.unitName },
    assigneeId: c.assigneeId,
    receivedAt: formatLocalIso(c.receivedAt),
    dueAt: iso(c.dueAt),
    dueStatus: due(def, c.state, c.dueAt, cal, now),
    outcome: c.outcome,
    result: c.result,
  };
}

export function toLetterSummary(l: LetterWithUnit & { caseCount: number }, lang: Lang, cal: WorkingCalendar, now: Date): LetterSummary {
  const def = letterWorkflow(l.workflowCode);
  return {
    id: l.id,
    code: l.code,
    channel: l.channel as LetterChannel,
    state: l.state,
    stateLabel: stateLabel(def, l.state, lang),
    subject: l.subject,
    excerpt: l.content.length > EXCERPT ? `${l.content.slice(0, EXCERPT)}…` : l.content,
    declaredKind: (l.declaredKind as LetterType | null) ?? null,
    writerName: l.writerName,
    anonymous: l.anonymous,
    identityProtected: l.identityProtected,
    unit: { id: l.unitId, name: l.unitName },
    receivedAt: formatLocalIso(l.receivedAt),
    dueAt: iso(l.dueAt),
    dueStatus: due(def, l.state, l.dueAt, cal, now),
    caseCount: l.caseCount,
  };
}

async function toStepViews(db: Tx, def: WorkflowDefinition, steps: readonly Step[], start: { vi: string; en: string }, lang: Lang) {
  const names = await namesOfSteps(db, steps);
  return steps.map((s) => ({
    seq: s.seq,
    action: s.action,
    actionLabel: actionLabel(def, s.action, lang, start),
    fromState: s.fromState,
    toState: s.toState,
    stateLabel: stateLabel(def, s.toState, lang),
    at: formatLocalIso(s.at),
    actorLabel: s.actorLabel,
    toUnitName: s.fromUnitId !== s.toUnitId ? names.unit(s.toUnitId) : null,
    assigneeName: names.staff(s.assigneeId),
    note: s.note,
    data: s.data,
    fields: stepFields(def, s.action, s.data, lang),
    attachments: s.attachments,
    dueAt: iso(s.dueAt),
  }));
}

/** The writer as this user may see it: inline only when shown; otherwise what was given, without the values. */
export function identityView(actor: Actor, l: LetterWithUnit, cases: readonly CasePlace[], lang: Lang): IdentityView {
  const status = identityStatus(l);
  const id = openIdentity(l.writerSealed);
  return {
    status,
    notice: status === 'protected' ? PROTECTED_NOTICE[lang] : status === 'sealed' ? SEALED_NOTICE[lang] : null,
    canReveal: mayRevealIdentity(actor, l, cases),
    writer: status === 'shown' ? toWriterView(id) : null,
    anonymous: l.anonymous,
    has: presenceOf(id),
  };
}

/** The letter's own facts and files, as a case page repeats them. */
async function letterBody(db: Tx, actor: Actor, l: LetterWithUnit, cases: readonly CaseWithUnits[], lang: Lang, cal: WorkingCalendar, now: Date) {
  const identity = identityView(actor, l, cases, lang);
  const files = await filesOfLetter(db, l.id);
  const agencyName = l.agencyId ? (await namesOfSteps(db, [], { agencies: [l.agencyId] })).agency(l.agencyId) : null;
  return {
    ...toLetterSummary({ ...l, caseCount: cases.length }, lang, cal, now),
    content: l.content,
    target: l.target,
    agency: l.agencyId && agencyName ? { id: l.agencyId, name: agencyName } : null,
    forwardedFrom: l.forwardedFrom ? { agencyName: l.forwardedFrom, documentNumber: l.forwardedDocNumber, documentDate: l.forwardedDocDate } : null,
    peopleCount: l.peopleCount,
    language: l.language,
    hasTranslation: l.hasTranslation,
    dated: l.dated,
    signed: l.signed,
    identity,
    files: files.map((f) => {
      // What the writer sent may show who they are (a scan, a signature, its name): hidden unless the identity may be revealed.
      const restricted = f.kind === 'letter' && identity.status !== 'shown';
      return {
        fileId: f.fileId,
        name: f.kind !== 'letter' ? f.name : identity.canReveal ? openName(f.name) : RESTRICTED_FILE[lang],
        mime: f.mime,
        size: Number(f.size),
        kind: f.kind === 'document' ? ('document' as const) : ('letter' as const),
        caseId: f.caseId,
        stepSeq: f.stepSeq,
        restricted,
      };
    }),
    seq: l.seq,
  };
}

export async function toLetterView(db: Tx, ctx: Ctx, l: LetterWithUnit, now: Date): Promise<LetterView> {
  const cal = await loadCalendar(db);
  const cases = await casesHoldingLetter(db, l.id);
  const def = letterWorkflow(l.workflowCode);
  const steps = await history(db, LETTER_ENTITY, l.id);
  return {
    ...(await letterBody(db, ctx.actor, l, cases, ctx.lang, cal, now)),
    cases: cases.map((c) => toCaseSummary(c, ctx.lang, cal, now)),
    steps: await toStepViews(db, def, steps, START_LETTER, ctx.lang),
    actions: availableLetterActions(def, l, ctx.actor, steps, now).map((a) => toActionView(def, a, ctx.lang)),
  };
}

export async function toCaseView(db: Tx, ctx: Ctx, c: CaseWithUnits, l: LetterWithUnit, now: Date): Promise<CaseView> {
  const cal = await loadCalendar(db);
  const def = letterWorkflow(c.workflowCode);
  const steps = await history(db, CASE_ENTITY, c.id);
  const names = await namesOfSteps(db, [], { agencies: [c.agencyId], staff: [c.assigneeId] });
  const agencyName = names.agency(c.agencyId);
  const assigneeName = names.staff(c.assigneeId);
  const linked = await lettersOfCase(db, c.id);
  return {
    ...toCaseSummary(c, ctx.lang, cal, now),
    workflowCode: c.workflowCode,
    aboutRegulation: c.aboutRegulation,
    eligibility: c.eligibility,
    notProcessableReason: c.notProcessableReason,
    agency: c.agencyId && agencyName ? { id: c.agencyId, name: agencyName } : null,
    assignee: c.assigneeId && assigneeName ? { id: c.assigneeId, name: assigneeName } : null,
    acceptedAt: iso(c.acceptedAt),
    finishedAt: iso(c.finishedAt),
    outcomeReason: c.outcomeReason,
    letter: await letterBody(db, ctx.actor, l, await casesOfLetter(db, l.id), ctx.lang, cal, now),
    letters: linked.map((x) => ({
      id: x.id,
      code: x.code,
      role: x.role === 'duplicate' ? 'duplicate' : 'origin',
      receivedAt: formatLocalIso(x.receivedAt),
      // The plaintext column: null on a protected (or anonymous) writer, whoever asks.
      writerName: x.identityProtected ? null : x.writerName,
      anonymous: x.anonymous,
      identityProtected: x.identityProtected,
      similarity: x.similarity,
    })),
    steps: await toStepViews(db, def, steps, START_CASE, ctx.lang),
    actions: availableCaseActions(def, c, ctx.actor, steps, now).map((a) => toActionView(def, a, ctx.lang)),
    seq: c.seq,
    ...(await alertsOfCase(db, c)),
  };
}
