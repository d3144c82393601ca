// One line of the tracking register (form 07, Circular 03/2025/TT-VPCP) from a dossier and its steps.
import { dayOfInstant, type DayNumber } from '../../../platform/calendar/local-date';
import { vnShortDate } from '../../../platform/pdf/vn-format';
import type { Step } from '../../../platform/workflow/workflow.service';
import { stateLabel } from '../dossiers.views';
import { dossierWorkflow, handOnActions } from '../dossiers.workflows';
import type { RegisterDossier } from './register.queries';

/** The columns of form 07, in its order; `date` columns hold Vietnamese local dates. */
export const REGISTER_COLUMNS = [
  { key: 'no', header: 'STT', width: 6 },
  { key: 'code', header: 'Mã hồ sơ', width: 24 },
  { key: 'procedure', header: 'Tên thủ tục hành chính', width: 40 },
  { key: 'copies', header: 'Số lượng hồ sơ (bộ)', width: 10 },
  { key: 'applicant', header: 'Tên người nộp hồ sơ/tổ chức', width: 26 },
  { key: 'contact', header: 'Địa chỉ, số điện thoại', width: 32 },
  { key: 'agency', header: 'Cơ quan chủ trì giải quyết', width: 26 },
  { key: 'received', header: 'Ngày nhận hồ sơ', width: 13, date: true },
  { key: 'appointment', header: 'Ngày hẹn trả kết quả', width: 13, date: true },
  { key: 'transferred', header: 'Ngày chuyển hồ sơ', width: 13, date: true },
  { key: 'resultOrRequest', header: 'Ngày có kết quả/YC bổ sung hồ sơ', width: 15, date: true },
  { key: 'returned', header: 'Ngày trả kết quả', width: 13, date: true },
  { key: 'signature', header: 'Ký nhận', width: 12 },
  { key: 'note', header: 'Ghi chú', width: 36 },
] as const;

export type RegisterKey = (typeof REGISTER_COLUMNS)[number]['key'];
/** Text, a count, or a local date (day number); null for an empty cell. */
export type RegisterRow = Record<RegisterKey, string | number | { day: DayNumber } | null>;

const RESULT_NOTES: Record<string, string> = { early: 'Trả kết quả trước hạn', on_time: 'Trả kết quả đúng hạn', late: 'Trả kết quả quá hạn' };

const last = (steps: readonly Step[], action: string) => [...steps].reverse().find((s) => s.action === action);
const day = (at: Date | null | undefined) => (at ? { day: dayOfInstant(at) } : null);

export function registerRow(no: number, d: RegisterDossier, steps: readonly Step[], agencyName: (id: string | null) => string | null): RegisterRow {
  const def = dossierWorkflow(d.workflowCode);
  const accept = last(steps, 'accept');
  // The first step that sent the dossier to its processing agency: `transfer`, or the commune workflow's `accept`.
  const handOn = handOnActions(def);
  const transfer = steps.find((s) => handOn.includes(s.action));
  const approve = last(steps, 'approve');
  const request = last(steps, 'request_documents');
  const extension = last(steps, 'extend');
  const returned = last(steps, 'return_result');
  const copies = accept?.data.copies;
  const notes = [stateLabel(def, d.state, 'vi')];
  if (d.resultKind && RESULT_NOTES[d.resultKind]) notes.push(RESULT_NOTES[d.resultKind] ?? '');
  if (request) notes.push(`Yêu cầu bổ sung ngày ${vnShortDate(request.at)}`);
  if (extension?.dueAt) notes.push(`Gia hạn đến ${vnShortDate(extension.dueAt)}`);
  return {
    no,
    code: d.code,
    procedure: d.procedureName,
    copies: typeof copies === 'number' ? copies : 1,
    applicant: d.applicantName,
    contact: [d.applicantAddress, d.applicantPhone].filter(Boolean).join('; ') || null,
    agency: transfer ? agencyName(transfer.toAgencyId) : null,
    received: day(d.receivedAt),
    appointment: day(accept?.dueAt),
    transferred: day(transfer?.at),
    resultOrRequest: day(approve?.at ?? request?.at),
    returned: day(returned?.at),
    signature: null,
    note: notes.join('; '),
  };
}
