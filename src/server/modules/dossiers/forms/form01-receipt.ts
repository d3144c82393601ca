// Form 01 (Circular 03/2025/TT-VPCP, Appendix I): receipt of the dossier and appointment to return the result, with the status page's QR code.
import { vnDate, vnDateTime } from '../../../platform/pdf/vn-format';
import { dayOfInstant } from '../../../platform/calendar/local-date';
import { table } from '../../../platform/pdf/table';
import { APPLICANT, SIGN_HINT, applicantFields, documentForm, issuerName, listedDocuments, startForm } from './forms.common';
import { lastStep, type FormContext } from './forms.context';

export const RECEIPT_TITLE = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả';

/** Half days ("4 giờ làm việc" = 0.5) are written as they are; whole days without decimals. */
const days = (n: number) => (Number.isInteger(n) ? String(n) : String(n).replace('.', ','));

export async function receiptForm(ctx: FormContext): Promise<Buffer> {
  const d = ctx.dossier;
  const accept = lastStep(ctx, ['accept']);
  if (!accept) throw new Error('form 01 needs an accept step');
  const unitId = accept.toUnitId ?? d.receivingUnitId;
  const agencyId = accept.toAgencyId ?? d.receivingAgencyId;
  const b = startForm(ctx, { title: RECEIPT_TITLE, unitId, agencyId, at: accept.at });

  b.paragraph(`${issuerName(ctx, unitId, agencyId)} tiếp nhận hồ sơ của:`, { indent: 0 });
  applicantFields(b, ctx, APPLICANT);

  const received = listedDocuments(accept.data.receivedDocuments);
  b.text('1. Thành phần hồ sơ nộp gồm:', { after: 2 });
  const rows = received.length
    ? received.map((doc, i) => [String(i + 1), doc.name, documentForm(doc.form), doc.count ? String(doc.count) : '1'])
    : ctx.applicationDocuments.map((name, i) => [String(i + 1), name, 'Bản điện tử', '1']);
  table(
    b,
    [
      { header: 'STT', weight: 1, align: 'center' },
      { header: 'Tên giấy tờ', weight: 7 },
      { header: 'Hình thức (bản chính, bản sao...)', weight: 3.5, align: 'center' },
      { header: 'Số lượng', weight: 1.6, align: 'center' },
    ],
    rows.length ? rows : [['', 'Không có danh mục giấy tờ', '', '']],
  );
  const copies = typeof accept.data.copies === 'number' ? accept.data.copies : 1;
  b.text(`2. Số lượng hồ sơ: ${String(copies).padStart(2, '0')} (bộ)`);
  b.text(`3. Thời gian giải quyết hồ sơ theo quy định: ${days(d.processingDays)} ngày làm việc`);
  b.text(`4. Thời gian nhận hồ sơ: ${vnDateTime(accept.at)}`);
  b.text(`5. Thời gian trả kết quả giải quyết hồ sơ: ${accept.dueAt ? vnDate(dayOfInstant(accept.dueAt)) : '…………………………'}`, { style: 'bold' });
  b.text(`6. Đăng ký nhận kết quả tại: ${issuerName(ctx, unitId, agencyId)}`, { after: 8 });

  const qrLines = [
    { text: 'Tra cứu tình trạng giải quyết hồ sơ: quét mã QR hoặc truy cập' },
    // Smaller, so that the address stays on one line (a break at a hyphen would be copied wrong).
    { text: ctx.statusUrl, style: 'bold' as const, size: 9.5 },
    { text: ctx.secret ? `Mã bí mật tra cứu: ${ctx.secret}` : 'rồi nhập mã hồ sơ và mã bí mật đã được cấp khi nộp hồ sơ.', ...(ctx.secret ? { style: 'bold' as const } : {}) },
  ];
  b.qrBlock(ctx.statusUrl, qrLines);
  b.signatures([
    { title: 'Người nộp hồ sơ', hint: SIGN_HINT, name: d.applicantName },
    { title: 'Người tiếp nhận hồ sơ', hint: SIGN_HINT, name: ctx.staffName(accept.actorId) },
  ]);
  return b.end();
}
