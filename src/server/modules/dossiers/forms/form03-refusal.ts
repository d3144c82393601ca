// Form 03 (Circular 03/2025/TT-VPCP, Appendix I): refusal to receive the dossier, with the reason and its legal basis.
import { APPLICANT, SIGN_HINT, applicantFields, issuerName, startForm } from './forms.common';
import { dataText, lastStep, type FormContext } from './forms.context';

export const REFUSAL_TITLE = 'Phiếu từ chối tiếp nhận giải quyết hồ sơ';

export async function refusalForm(ctx: FormContext): Promise<Buffer> {
  const step = lastStep(ctx, ['refuse']);
  if (!step) throw new Error('form 03 needs a refusal');
  const unitId = step.toUnitId ?? ctx.dossier.receivingUnitId;
  const issuer = issuerName(ctx, unitId, step.toAgencyId);
  const b = startForm(ctx, { title: REFUSAL_TITLE, unitId, agencyId: step.toAgencyId, at: step.at });

  b.paragraph(`${issuer} tiếp nhận hồ sơ của:`, { indent: 0 });
  applicantFields(b, ctx, APPLICANT);
  b.space(4);
  b.paragraph(`Qua xem xét, ${issuer} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`);
  b.paragraph(dataText(step, 'reason') ?? '', { style: 'bold' });
  b.field('Căn cứ pháp lý', dataText(step, 'legalBasis'));
  b.paragraph(`Xin thông báo để ${APPLICANT} được biết và thực hiện./.`);
  b.signatures([{ title: 'Người tiếp nhận hồ sơ', hint: SIGN_HINT, name: ctx.staffName(step.actorId) }]);
  return b.end();
}
