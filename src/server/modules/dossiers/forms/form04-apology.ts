// Form 04 (Circular 03/2025/TT-VPCP, Appendix I): the agency's apology for a late dossier and its request to extend the time, with the new date.
import { dayOfInstant } from '../../../platform/calendar/local-date';
import { vnDate } from '../../../platform/pdf/vn-format';
import { APPLICANT, HEAD_SIGN_HINT, LETTER_RECIPIENTS, REGISTRY_NUMBER, addressee, issuerName, receivedSentence, sentence, startForm } from './forms.common';
import { dataText, lastStep, type FormContext } from './forms.context';

/** The name Appendix I gives form 04. */
export const APOLOGY_TITLE = 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết';

export async function apologyForm(ctx: FormContext): Promise<Buffer> {
  const step = lastStep(ctx, ['extend']);
  if (!step) throw new Error('form 04 needs an extension');
  const index = ctx.steps.indexOf(step);
  // The deadline that was going to be missed: the last one in force before this step (the clock may have been stopped just before).
  const before = ctx.steps
    .slice(0, index)
    .reverse()
    .find((s) => s.dueAt)?.dueAt;
  const unitId = step.toUnitId ?? ctx.dossier.unitId;
  const issuer = issuerName(ctx, unitId, step.toAgencyId);
  const b = startForm(ctx, { title: APOLOGY_TITLE, unitId, agencyId: step.toAgencyId, at: step.at, number: REGISTRY_NUMBER });

  addressee(b, ctx);
  b.paragraph(receivedSentence(ctx));
  if (before) b.paragraph(`Thời hạn trả kết quả giải quyết hồ sơ theo giấy hẹn là ${vnDate(dayOfInstant(before))}.`);
  b.paragraph(`Tuy nhiên, đến nay ${issuer} chưa giải quyết xong hồ sơ của ${APPLICANT}. Lý do: ${sentence(dataText(step, 'reason') ?? '')}`);
  b.paragraph(
    `Sự chậm trễ này đã gây phiền hà cho ${APPLICANT}. ${issuer} xin lỗi ${APPLICANT} và đề nghị gia hạn thời gian giải quyết hồ sơ; ` +
      `thời gian trả kết quả được hẹn lại vào ${step.dueAt ? vnDate(dayOfInstant(step.dueAt)) : '…………'}.`,
  );
  b.paragraph(`Mong nhận được sự thông cảm của ${APPLICANT}./.`);
  b.signatures([{ title: 'Thủ trưởng cơ quan', hint: HEAD_SIGN_HINT }], { recipients: LETTER_RECIPIENTS });
  return b.end();
}
