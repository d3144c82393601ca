// Form 05 (Circular 03/2025/TT-VPCP, Appendix I): notice that the dossier's processing is stopped, with the reason and its basis.
import { dayOfInstant } from '../../../platform/calendar/local-date';
import { vnDate } from '../../../platform/pdf/vn-format';
import { APPLICANT, HEAD_SIGN_HINT, LETTER_RECIPIENTS, REGISTRY_NUMBER, addressee, issuerName, receivedSentence, startForm } from './forms.common';
import { dataText, lastStep, type FormContext } from './forms.context';

export const STOP_TITLE = 'Thông báo dừng giải quyết hồ sơ';

export async function stopForm(ctx: FormContext): Promise<Buffer> {
  const step = lastStep(ctx, ['stop']);
  if (!step) throw new Error('form 05 needs a stop');
  const d = ctx.dossier;
  const unitId = step.toUnitId ?? d.unitId;
  const issuer = issuerName(ctx, unitId, step.toAgencyId);
  const b = startForm(ctx, { title: STOP_TITLE, unitId, agencyId: step.toAgencyId, at: step.at, number: REGISTRY_NUMBER });

  addressee(b, ctx);
  b.paragraph(receivedSentence(ctx));
  b.paragraph(`${issuer} thông báo dừng giải quyết hồ sơ nêu trên kể từ ${vnDate(dayOfInstant(step.at))}.`);
  b.field('Lý do', dataText(step, 'reason'), { indent: 20 });
  const basis = dataText(step, 'legalBasis');
  if (basis) b.field('Căn cứ pháp lý', basis, { indent: 20 });
  b.paragraph(
    `${APPLICANT} liên hệ ${issuerName(ctx, d.receivingUnitId, d.receivingAgencyId)} để nhận lại hồ sơ, giấy tờ đã nộp (nếu có) và được hướng dẫn.`,
  );
  b.paragraph(`Xin thông báo để ${APPLICANT} được biết./.`);
  b.signatures([{ title: 'Thủ trưởng cơ quan', hint: HEAD_SIGN_HINT }], { recipients: LETTER_RECIPIENTS });
  return b.end();
}
