// Turns letter and case rows and their workflow steps into the staff API's views: list items, the letter page, the case page with its actions.
import {
  LETTER_TYPE_LABELS,
  PROTECTED_NOTICE,
  type CaseActionAck,
  type CaseSummary,
  type CaseView,
  type IdentityView,
  type LetterChannel,
  type LetterSummary,
  type LetterType,
  type LetterView,
  type StaffLetterAck,
} from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { loadCalendar } from '../../platform/calendar/calendar.service';
import { formatLocalIso } from '../../platform/calendar/local-date';
import type { WorkingCalendar } from '../../platform/calendar/working-days';
import type { Lang } from '../../platform/locale';
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { availableActions, dueStatus } from '../../platform/workflow/engine';
import type { StepNames } from '../../platform/workflow/names';
import { actionLabel, isTerminal, stateLabel, stepFields, toActionView } from '../../platform/workflow/views';
import { history, type Step } from '../../platform/workflow/workflow.service';
import { canSeeCase, identityStatus, mayRevealIdentity, type CasePlace } from './letters.access';
import { openIdentity, openName, presenceOf, toWriterView } from './letters.identity';
import type { LetterRow, LetterWithUnit } from './letters.queries';
import { casesHoldingLetter, type CaseRow, type CaseWithUnits } from './letter-cases.queries';
import { alertsView } from './letters.escalation';
import { casePageOf, letterPageOf, type CaseLetterRow, type CasePage, type LetterFileRow, type LetterPage } from './letters.page.queries';
import { availableCaseActions, availableLetterActions, letterActionUnitPath, UNMARK_ACTION } from './letters.rules';
import { CASE_ENTITY, LETTER_ENTITY, letterWorkflow } from './letters.workflows';
import { writerData, writerTextFor, type WriterText } from './letters.writer-text';

const iso = (d: Date | null) => (d ? formatLocalIso(d) : null);
export const START_LETTER = { vi: 'Tiếp nhận đơn', en: 'Letter received' };
export const START_CASE = { vi: 'Phân loại, mở vụ việc', en: 'Case opened at classification' };
const SEALED_NOTICE = { vi: 'Thông tin người viết đơn được mã hoá cho đến khi phân loại', en: "The writer's details are sealed until the letter is classified" };
const RESTRICTED_FILE = { vi: 'Tệp gửi kèm đơn (được bảo mật)', en: 'File sent with the letter (confidential)' };
const EXCERPT = 160;

function due(def: WorkflowDefinition, state: string, dueAt: Date | null, cal: WorkingCalendar, now: Date) {
  return dueAt && !isTerminal(def, state) ? dueStatus(dueAt, now, cal) : null;
}

/** The minimal answer to a case action: where it stands, nothing of the writer or the letter's words. */
export function toCaseAck(c: Pick<CaseRow, 'id' | 'code' | 'state' | 'seq' | 'unitId' | 'assigneeId' | 'dueAt'>, visible: boolean): CaseActionAck {
  return { id: c.id, code: c.code, state: c.state, seq: c.seq, unitId: c.unitId, assigneeId: c.assigneeId, dueAt: iso(c.dueAt), visible };
}

/** The minimal answer to recording a letter: where it and the cases it opened stand (each with whether the user sees it). */
export function toLetterAck(ctx: Ctx, l: Pick<LetterRow, 'id' | 'code' | 'state' | 'seq' | 'unitId' | 'dueAt'>, cases: readonly CaseWithUnits[]): StaffLetterAck['letter'] {
  return { id: l.id, code: l.code, state: l.state, seq: l.seq, unitId: l.unitId, dueAt: iso(l.dueAt), cases: cases.map((c) => toCaseAck(c, canSeeCase(ctx.actor, c))) };
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

/** `text`: the writer's words as this reader sees them (letters.writer-text.ts); the excerpt is cut from the redacted content. */
export function toLetterSummary(l: LetterWithUnit & { caseCount: number }, lang: Lang, cal: WorkingCalendar, now: Date, text: WriterText): LetterSummary {
  const def = letterWorkflow(l.workflowCode);
  const content = text(l.content);
  return {
    id: l.id,
    code: l.code,
    channel: l.channel as LetterChannel,
    state: l.state,
    stateLabel: stateLabel(def, l.state, lang),
    subject: l.subject === null ? null : text(l.subject),
    excerpt: content.length > EXCERPT ? `${content.slice(0, EXCERPT)}…` : content,
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

/** `text`: the writer's words in a step (a reopen reason) as this reader sees them. */
function toStepViews(def: WorkflowDefinition, steps: readonly Step[], names: StepNames, start: { vi: string; en: string }, lang: Lang, text: WriterText) {
  return steps.map((s) => toStepView(def, { ...s, data: writerData(s.data, text) }, names, start, lang));
}

function toStepView(def: WorkflowDefinition, s: Step, names: StepNames, start: { vi: string; en: string }, lang: Lang) {
  return {
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
  };
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

/**
 * The letter's own facts and files (`cases`: where each of its cases is handled), as a case page repeats them;
 * `text`: the writer's words as this reader sees them (writerTextFor with the same cases).
 */
function letterBody(actor: Actor, l: LetterWithUnit, cases: readonly CasePlace[], files: readonly LetterFileRow[], names: StepNames, lang: Lang, cal: WorkingCalendar, now: Date, text: WriterText) {
  const identity = identityView(actor, l, cases, lang);
  const agencyName = names.agency(l.agencyId);
  const body = {
    ...toLetterSummary({ ...l, caseCount: cases.length }, lang, cal, now, text),
    content: text(l.content),
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
  // Read once every text of the page went through `text` (the caller builds the steps first).
  return { ...body, redacted: { identity: identity.status !== 'shown', content: text.masked() } };
}

/** What the caller already holds of a letter page (read, or written by the action it answers), so that it is not read again. */
export interface KnownOfLetter {
  /** The cases holding the letter (casesHoldingLetter). */
  cases?: readonly CaseWithUnits[];
  /** The intake workflow's steps, oldest first. */
  steps?: readonly Step[];
  /** The rest of the page for those steps (letterPageSql, read with the letter's update). */
  page?: LetterPage;
}

export async function toLetterView(db: Tx, ctx: Ctx, l: LetterWithUnit, now: Date, known: KnownOfLetter = {}): Promise<LetterView> {
  const cal = await loadCalendar(db);
  const cases = known.cases ?? (await casesHoldingLetter(db, l.id));
  const def = letterWorkflow(l.workflowCode);
  const steps = known.steps ?? (await history(db, LETTER_ENTITY, l.id));
  const { files, names } = known.page ?? (await letterPageOf(db, l.id, steps, { agencies: [l.agencyId] }));
  const text = writerTextFor(ctx.actor, l, cases);
  const stepViews = toStepViews(def, steps, names, START_LETTER, ctx.lang, text);
  return {
    ...letterBody(ctx.actor, l, cases, files, names, ctx.lang, cal, now, text),
    cases: cases.map((c) => toCaseSummary(c, ctx.lang, cal, now)),
    steps: stepViews,
    actions: availableLetterActions(def, l, ctx.actor, steps, now, cases).map((a) => toActionView(def, a, ctx.lang)),
  };
}

/**
 * Whether the user may take a letter held as a duplicate back out of the case `c`: the intake action's own rule, on the
 * unit where it is taken (letterActionUnitPath), with the letter's state and steps, as the letter page and the action ask.
 */
function mayUnfile(actor: Actor, x: CaseLetterRow, c: CaseWithUnits, now: Date): boolean {
  const at = letterActionUnitPath(UNMARK_ACTION, x, [c]);
  return availableActions(letterWorkflow(x.workflowCode), x.state, actor, at, x.steps, now).some((a) => a.code === UNMARK_ACTION);
}

/** The names a case page needs beyond its steps' (casePageSql's `extra`). */
export const casePageNames = (c: Pick<CaseWithUnits, 'agencyId' | 'assigneeId'>, l: Pick<LetterWithUnit, 'agencyId'>) => ({ agencies: [c.agencyId, l.agencyId], staff: [c.assigneeId] });

/**
 * The case page; `steps`: the case's history when the caller holds it (findCaseWithLetter, plus the
 * step it has just taken); `read`: the rest of the page for those steps, when read with the case's update.
 */
export async function toCaseView(db: Tx, ctx: Ctx, c: CaseWithUnits, l: LetterWithUnit, now: Date, steps?: readonly Step[], read?: CasePage): Promise<CaseView> {
  const cal = await loadCalendar(db);
  const def = letterWorkflow(c.workflowCode);
  const hist = steps ?? (await history(db, CASE_ENTITY, c.id));
  const page = read ?? (await casePageOf(db, c.id, l.id, hist, casePageNames(c, l)));
  const { names } = page;
  const agencyName = names.agency(c.agencyId);
  const assigneeName = names.staff(c.assigneeId);
  // The case's writer is its letter's: the reopen reason in its steps is theirs too.
  const text = writerTextFor(ctx.actor, l, page.places);
  const stepViews = toStepViews(def, hist, names, START_CASE, ctx.lang, text);
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
    letter: letterBody(ctx.actor, l, page.places, page.files, names, ctx.lang, cal, now, text),
    letters: page.letters.map((x) => ({
      id: x.id,
      code: x.code,
      role: x.role === 'duplicate' ? 'duplicate' : 'origin',
      receivedAt: formatLocalIso(x.receivedAt),
      // The plaintext column: null on a protected (or anonymous) writer, whoever asks.
      writerName: x.identityProtected ? null : x.writerName,
      anonymous: x.anonymous,
      identityProtected: x.identityProtected,
      similarity: x.similarity,
      seq: x.seq,
      canUnfile: x.role === 'duplicate' && mayUnfile(ctx.actor, x, c, now),
    })),
    steps: stepViews,
    actions: availableCaseActions(def, c, ctx.actor, hist, now).map((a) => toActionView(def, a, ctx.lang)),
    seq: c.seq,
    ...alertsView(page.alerts, c),
  };
}
