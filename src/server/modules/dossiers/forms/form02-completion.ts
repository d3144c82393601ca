// Form 02 (Circular 03/2025/TT-VPCP, Appendix I): request to complete the file, listing everything missing at once.
import { SIGN_HINT, applicantFields, documentLine, issuerName, listedDocuments, startForm } from './forms.common';
import { APPLICANT } from './forms.common';
import { dataText, lastStep, type FormContext } from './forms.context';

export const COMPLETION_TITLE = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';
/** At the desk before acceptance, or by the deciding agency once during processing (Decree 118/2025): the same form. */
export const COMPLETION_ACTIONS = ['request_completion', 'request_documents'] as const;

export async function completionForm(ctx: FormContext): Promise<Buffer> {
  const step = lastStep(ctx, COMPLETION_ACTIONS);
  if (!step) throw new Error('form 02 needs a request to complete');
  const unitId = step.toUnitId ?? ctx.dossier.unitId;
  const issuer = issuerName(ctx, unitId, step.toAgencyId);
  const b = startForm(ctx, { title: COMPLETION_TITLE, unitId, agencyId: step.toAgencyId, at: step.at });

  applicantFields(b, ctx, 'Hồ sơ của');
  b.space(4);
  b.paragraph(`Sau khi xem xét, ${issuer} đề nghị ${APPLICANT} bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`);
  listedDocuments(step.data.missingDocuments).forEach((doc, i) => b.item(`${i + 1}.`, documentLine(doc)));
  const reason = dataText(step, 'reason');
  if (reason) b.field('Lý do', reason);
  const guidance = dataText(step, 'guidance');
  if (guidance) b.field('Hướng dẫn', guidance);
  b.space(4);
  b.paragraph(`Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ${APPLICANT} liên hệ ${issuer} để được hướng dẫn.`);
  b.paragraph('Xin trân trọng cảm ơn!');
  b.signatures([{ title: 'Người hướng dẫn', hint: SIGN_HINT, name: ctx.staffName(step.actorId) }]);
  return b.end();
}
