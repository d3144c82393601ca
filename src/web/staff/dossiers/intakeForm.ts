// The desk intake form's values, its client-side checks and the request body built from it (POST /api/dossiers).
import type { UseFormReturnType } from '@mantine/form';
import i18n from 'i18next';
import type { DeskIntakeBody, ProcedureView } from '../../api/types';
import { blankToUndefined } from '../forms';
import { documentsPayload, emptyDocument, type DocumentRow } from './DocumentsEditor';
import type { Decision } from './IntakeDone';

export interface ChecklistRow extends DocumentRow {
  received: boolean;
}

export interface IntakeValues {
  procedureCode: string | null;
  unitId: string | null;
  applicant: { name: string; idNumber: string; phone: string; email: string; address: string };
  /** The procedure's required documents, ticked when received. */
  checklist: ChecklistRow[];
  /** Other documents the applicant brought. */
  extra: DocumentRow[];
  decision: Decision;
  /** Named as the API names them, so that its field errors (body.data.reason …) land on the inputs. */
  data: { copies: number | string; missingDocuments: DocumentRow[]; guidance: string; reason: string; legalBasis: string };
  /** Where and to whom the acceptance hands the dossier, when the procedure's workflow asks (IntakeHandOn). */
  toAgencyId: string | null;
  assigneeId: string | null;
  note: string;
}

export type IntakeForm = UseFormReturnType<IntakeValues>;

export function initialIntake(unitId: string | null): IntakeValues {
  return {
    procedureCode: null,
    unitId,
    applicant: { name: '', idNumber: '', phone: '', email: '', address: '' },
    checklist: [],
    extra: [],
    decision: 'accept',
    data: { copies: 1, missingDocuments: [], guidance: '', reason: '', legalBasis: '' },
    toAgencyId: null,
    assigneeId: null,
    note: '',
  };
}

export function checklistOf(p: ProcedureView | null): ChecklistRow[] {
  return (p?.documents ?? []).map((d) => ({ received: true, name: d.name, form: d.form, count: d.count, note: '' }));
}

/** Every required document not ticked, listed at once (Decree 118: the applicant is told everything missing in one go). */
export function missingFromChecklist(rows: readonly ChecklistRow[]): DocumentRow[] {
  const missing = rows.filter((r) => !r.received).map(({ received: _r, ...doc }) => ({ ...doc }));
  return missing.length ? missing : [emptyDocument()];
}

const need = (label: string) => i18n.t('dossiers.intake.required', { field: label.toLowerCase() });

export function validateIntake(v: IntakeValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.procedureCode) e.procedureCode = i18n.t('dossiers.intake.requiredChoice', { field: i18n.t('dossiers.intake.procedure').toLowerCase() });
  if (!v.applicant.name.trim()) e['applicant.name'] = need(i18n.t('dossiers.intake.name'));
  if (!v.applicant.idNumber.trim()) e['applicant.idNumber'] = need(i18n.t('dossiers.intake.idNumber'));
  if (v.decision === 'request_completion' && documentsPayload(v.data.missingDocuments).length === 0)
    e['data.missingDocuments'] = i18n.t('dossiers.intake.missingRequired');
  if (v.decision === 'refuse') {
    if (!v.data.reason.trim()) e['data.reason'] = need(i18n.t('dossiers.intake.reason'));
    if (!v.data.legalBasis.trim()) e['data.legalBasis'] = need(i18n.t('dossiers.intake.legalBasis'));
  }
  return e;
}

/** The decision's fields only: the server takes exactly the fields the workflow declares for the action. */
function decisionData(v: IntakeValues): Record<string, unknown> | undefined {
  switch (v.decision) {
    case 'accept': {
      const received = documentsPayload([...v.checklist.filter((r) => r.received), ...v.extra]);
      return { copies: Number(v.data.copies) || 1, ...(received.length ? { receivedDocuments: received } : {}) };
    }
    case 'request_completion':
      return { missingDocuments: documentsPayload(v.data.missingDocuments), ...(v.data.guidance.trim() ? { guidance: v.data.guidance.trim() } : {}) };
    case 'refuse':
      return { reason: v.data.reason.trim(), legalBasis: v.data.legalBasis.trim() };
    case 'none':
      return undefined;
  }
}

export function intakeBody(v: IntakeValues, documents: DeskIntakeBody['documents']): DeskIntakeBody {
  const a = v.applicant;
  const data = decisionData(v);
  return {
    procedureCode: v.procedureCode ?? '',
    ...(v.unitId ? { unitId: v.unitId } : {}),
    applicant: {
      name: a.name.trim(),
      idNumber: a.idNumber.trim(),
      phone: blankToUndefined(a.phone),
      email: blankToUndefined(a.email),
      address: blankToUndefined(a.address),
    },
    documents,
    decision: v.decision,
    ...(data ? { data } : {}),
    // Set only while the procedure's acceptance asks for them (cleared when the procedure or unit changes).
    ...(v.decision === 'accept' && v.toAgencyId ? { toAgencyId: v.toAgencyId } : {}),
    ...(v.decision === 'accept' && v.assigneeId ? { assigneeId: v.assigneeId } : {}),
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
  };
}
