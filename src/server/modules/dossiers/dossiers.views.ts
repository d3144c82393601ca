// Turns dossier rows and workflow steps into the API's views: inbox items, the staff page with its actions, the public status.
import type {
  DossierSummary,
  DossierView,
  PublicDossierView,
  ResultKind,
} from '../../../common/dossiers.schema';
import type { RatingView } from '../../../common/dossier-ratings.schema';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/auth/actor';
import type { WorkingCalendar } from '../../platform/calendar/working-days';
import { formatLocalIso } from '../../platform/calendar/local-date';
import type { Lang } from '../../platform/locale';
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { availableActions, dueStatus } from '../../platform/workflow/engine';
import { actionLabel as workflowActionLabel, isTerminal, stateLabel, stepFields, toActionView } from '../../platform/workflow/views';
import type { Step } from '../../platform/workflow/workflow.service';
import { documentsAndNames, type DossierWithUnits } from './dossiers.queries';
import { isRateable, ratingOf } from './dossiers.ratings';

const iso = (d: Date | null) => (d ? formatLocalIso(d) : null);
const START_LABEL = { vi: 'Nộp hồ sơ', en: 'Submitted' };

export { stateLabel };

/** A recorded action's label; the first step of a dossier is its submission. */
export function actionLabel(def: WorkflowDefinition, action: string, lang: Lang): string {
  return workflowActionLabel(def, action, lang, START_LABEL);
}

export function toSummary(def: WorkflowDefinition, d: DossierWithUnits, lang: Lang, cal: WorkingCalendar, now: Date): DossierSummary {
  return {
    id: d.id,
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    applicantName: d.applicantName,
    state: d.state,
    stateLabel: stateLabel(def, d.state, lang),
    channel: d.channel === 'desk' ? 'desk' : 'online',
    unitId: d.unitId,
    unitName: d.unitName,
    receivingUnitName: d.receivingUnitName,
    assigneeId: d.assigneeId,
    submittedAt: formatLocalIso(d.submittedAt),
    dueAt: iso(d.dueAt),
    dueStatus: d.dueAt && !isTerminal(def, d.state) ? dueStatus(d.dueAt, now, cal) : null,
  };
}

/** `{ id, name }` of a named record, or null when there is none (or it is gone). */
function ref(id: string | null, name: (id: string | null) => string | null) {
  const n = name(id);
  return id && n !== null ? { id, name: n } : null;
}

export async function toView(
  db: Tx,
  def: WorkflowDefinition,
  d: DossierWithUnits,
  steps: readonly Step[],
  actor: Actor,
  lang: Lang,
  cal: WorkingCalendar,
  now: Date,
): Promise<DossierView> {
  const { documents: docs, names } = await documentsAndNames(db, d.id, steps, { agencies: [d.agencyId, d.receivingAgencyId], staff: [d.assigneeId] });
  const running = d.dueAt && !isTerminal(def, d.state) ? d.dueAt : null;
  return {
    ...toSummary(def, d, lang, cal, now),
    procedureId: d.procedureId,
    workflowCode: d.workflowCode,
    applicant: { name: d.applicantName, idNumber: d.applicantIdNo, phone: d.applicantPhone, email: d.applicantEmail, address: d.applicantAddress },
    unit: { id: d.unitId, name: d.unitName },
    agency: ref(d.agencyId, names.agency),
    receivingUnit: { id: d.receivingUnitId, name: d.receivingUnitName },
    receivingAgency: ref(d.receivingAgencyId, names.agency),
    assignee: ref(d.assigneeId, names.staff),
    processingDays: d.processingDays,
    workingDaysLeft: running ? cal.countWorkingDays(now, running) : null,
    receivedAt: iso(d.receivedAt),
    finishedAt: iso(d.finishedAt),
    resultKind: (d.resultKind as ResultKind | null) ?? null,
    seq: d.seq,
    steps: steps.map((s) => ({
      seq: s.seq,
      action: s.action,
      actionLabel: actionLabel(def, s.action, lang),
      fromState: s.fromState,
      toState: s.toState,
      stateLabel: stateLabel(def, s.toState, lang),
      at: formatLocalIso(s.at),
      actorLabel: s.actorLabel,
      fromUnitId: s.fromUnitId,
      toUnitId: s.toUnitId,
      toAgencyId: s.toAgencyId,
      assigneeId: s.assigneeId,
      note: s.note,
      data: s.data,
      attachments: s.attachments,
      dueAt: iso(s.dueAt),
      fromUnitName: names.unit(s.fromUnitId),
      toUnitName: names.unit(s.toUnitId),
      fromAgencyName: names.agency(s.fromAgencyId),
      toAgencyName: names.agency(s.toAgencyId),
      assigneeName: names.staff(s.assigneeId),
      fields: stepFields(def, s.action, s.data, lang),
    })),
    documents: docs.map((x) => ({ ...x, size: Number(x.size) })),
    actions: availableActions(def, d.state, actor, d.unitPath, steps, now).map((a) => toActionView(def, a, lang)),
    // Only a dossier with a result the applicant can judge may hold a rating: no query for the others.
    rating: isRateable(d) ? await ratingOf(db, d.id) : null,
  };
}

/** Fields of a step that are addressed to the applicant (forms 02, 03, 04, 05); notes and names stay inside. */
const PUBLIC_FIELDS = ['missingDocuments', 'guidance', 'reason', 'legalBasis'] as const;
const PUBLIC_DATA_ACTIONS = new Set(['request_completion', 'refuse', 'request_documents', 'stop', 'extend', 'withdraw']);

/** What the public view reads of a dossier and of its steps (the tracking statement reads only these). */
type PublicDossier = Pick<
  DossierWithUnits,
  'code' | 'procedureCode' | 'procedureName' | 'state' | 'submittedAt' | 'receivedAt' | 'dueAt' | 'finishedAt' | 'receivingUnitName' | 'resultKind'
>;
type PublicStep = Pick<Step, 'at' | 'action' | 'toState' | 'data' | 'dueAt'>;

export function toPublicView(def: WorkflowDefinition, d: PublicDossier, steps: readonly PublicStep[], lang: Lang, rating: RatingView | null): PublicDossierView {
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    state: d.state,
    stateLabel: stateLabel(def, d.state, lang),
    submittedAt: formatLocalIso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    finishedAt: iso(d.finishedAt),
    receivingUnitName: d.receivingUnitName,
    timeline: steps.map((s) => {
      const data: Record<string, unknown> = {};
      if (PUBLIC_DATA_ACTIONS.has(s.action)) for (const k of PUBLIC_FIELDS) if (s.data[k] !== undefined) data[k] = s.data[k];
      return {
        at: formatLocalIso(s.at),
        action: s.action,
        actionLabel: actionLabel(def, s.action, lang),
        state: s.toState,
        stateLabel: stateLabel(def, s.toState, lang),
        data,
        dueAt: iso(s.dueAt),
      };
    }),
    canRate: rating === null && isRateable(d),
    rating,
  };
}
