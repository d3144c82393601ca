// Form 06 (Circular 03/2025/TT-VPCP, Appendix I): the process-control sheet, one row per hand-over with times, people and timeliness.
import { dayOfInstant } from '../../../platform/calendar/local-date';
import { table } from '../../../platform/pdf/table';
import { vnDate, vnShortDateTime } from '../../../platform/pdf/vn-format';
import type { Step } from '../../../platform/workflow/workflow.service';
import { actionLabel } from '../dossiers.views';
import { dossierWorkflow, handOnActions } from '../dossiers.workflows';
import { startForm } from './forms.common';
import { lastStep, type FormContext } from './forms.context';

export const CONTROL_TITLE = 'Phiếu kiểm soát quá trình giải quyết hồ sơ';

/** A step taken before, on or after the deadline then running (by local dates, as for the dossier's result). */
export function timelinessLabel(at: Date, due: Date | null | undefined): string {
  if (!due) return '';
  if (at.getTime() > due.getTime()) return 'Quá hạn';
  return dayOfInstant(at) < dayOfInstant(due) ? 'Trước hạn' : 'Đúng hạn';
}

function bodyAt(ctx: FormContext, s: Step | undefined): string {
  if (!s) return 'Người nộp hồ sơ';
  return ctx.agencyName(s.toAgencyId) ?? ctx.unitName(s.toUnitId) ?? '';
}

function distinctAgencies(ctx: FormContext, actions: readonly string[]): string | null {
  const names = ctx.steps.filter((s) => actions.includes(s.action)).map((s) => ctx.agencyName(s.toAgencyId) ?? ctx.unitName(s.toUnitId));
  const unique = [...new Set(names.filter((n): n is string => !!n))];
  return unique.length ? unique.join('; ') : null;
}

export async function controlForm(ctx: FormContext): Promise<Buffer> {
  const d = ctx.dossier;
  const def = dossierWorkflow(d.workflowCode);
  const accept = lastStep(ctx, ['accept']);
  const b = startForm(ctx, { title: CONTROL_TITLE, unitId: d.receivingUnitId, agencyId: d.receivingAgencyId, at: accept?.at ?? d.submittedAt });
  if (accept) b.text(`(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã hồ sơ ${d.code})`, { style: 'italic', align: 'center', after: 6 });
  b.field('Người nộp hồ sơ', d.applicantName);
  b.field('Thủ tục', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
  b.field('Cơ quan (bộ phận) giải quyết hồ sơ', distinctAgencies(ctx, handOnActions(def)));
  b.field('Cơ quan phối hợp giải quyết hồ sơ', distinctAgencies(ctx, ['forward']) ?? 'Không');
  if (accept?.dueAt) b.field('Ngày hẹn trả kết quả', vnDate(dayOfInstant(accept.dueAt)));
  const extension = lastStep(ctx, ['extend']);
  if (extension?.dueAt) b.field('Gia hạn đến', vnDate(dayOfInstant(extension.dueAt)));
  b.space(4);

  const rows = ctx.steps.map((s, i) => {
    const prev = ctx.steps[i - 1];
    const receiver = s.assigneeId ? ctx.staffName(s.assigneeId) : null;
    return [
      String(i + 1),
      `Giao: ${bodyAt(ctx, prev)}\nNhận: ${s.action === 'return_result' ? 'Người nộp hồ sơ' : bodyAt(ctx, s)}`,
      [vnShortDateTime(s.at), `Người giao: ${ctx.staffName(s.actorId) ?? s.actorLabel}`, receiver ? `Người nhận: ${receiver}` : ''].filter(Boolean).join('\n'),
      timelinessLabel(s.at, prev?.dueAt),
      `${actionLabel(def, s.action, 'vi')}${s.note ? `: ${s.note}` : ''}`,
    ];
  });
  table(
    b,
    [
      { header: 'STT', weight: 1, align: 'center' },
      { header: 'Tên cơ quan', weight: 4.5 },
      { header: 'Thời gian giao, nhận hồ sơ', weight: 3.5 },
      { header: 'Kết quả (trước hạn/ đúng hạn/ quá hạn)', weight: 2, align: 'center' },
      { header: 'Ghi chú', weight: 3 },
    ],
    rows,
    { size: 10 },
  );
  return b.end();
}
