// Pieces every one-stop form shares: the issuing body and date line, the applicant's particulars, document forms in words.
import { dayOfInstant } from '../../../platform/calendar/local-date';
import { PdfBuilder } from '../../../platform/pdf/document';
import { documentTitle, nationalHeader } from '../../../platform/pdf/header';
import { placeDateLine, placeName, vnDate } from '../../../platform/pdf/vn-format';
import type { FormContext } from './forms.context';

/** How the forms of Circular 03/2025/TT-VPCP address the applicant, who may be a person or an organisation. */
export const APPLICANT = 'Ông/Bà/Tổ chức';
export const SIGN_HINT = '(Ký và ghi rõ họ tên)';
export const HEAD_SIGN_HINT = '(Ký, ghi rõ họ tên và đóng dấu)';

const DOCUMENT_FORMS: Record<string, string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao có chứng thực',
  original_or_copy: 'Bản chính hoặc bản sao',
};

export function documentForm(form: unknown): string {
  return typeof form === 'string' ? (DOCUMENT_FORMS[form] ?? form) : '';
}

/** A document listed in a step's data (received, missing): what the workflow's `documents` field holds. */
export interface ListedDocument {
  name: string;
  form?: string;
  count?: number;
  note?: string;
}

export function listedDocuments(value: unknown): ListedDocument[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v): ListedDocument[] => {
    if (!v || typeof v !== 'object') return [];
    const o = v as Record<string, unknown>;
    if (typeof o.name !== 'string') return [];
    return [
      {
        name: o.name,
        ...(typeof o.form === 'string' ? { form: o.form } : {}),
        ...(typeof o.count === 'number' ? { count: o.count } : {}),
        ...(typeof o.note === 'string' && o.note ? { note: o.note } : {}),
      },
    ];
  });
}

/** "Giấy chứng sinh (Bản chính, 01 bản) - ghi chú". */
export function documentLine(doc: ListedDocument): string {
  const parts = [documentForm(doc.form), doc.count ? `${String(doc.count).padStart(2, '0')} bản` : ''].filter(Boolean);
  return `${doc.name}${parts.length ? ` (${parts.join(', ')})` : ''}${doc.note ? ` - ${doc.note}` : ''}`;
}

/** The issuing body top-left: the unit, then the agency (the one-stop desk, or the deciding agency for letters). */
export function issuerLines(ctx: FormContext, unitId: string, agencyId: string | null): string[] {
  const unit = ctx.unitName(unitId) ?? ctx.dossier.receivingUnitName;
  const agency = ctx.agencyName(agencyId);
  return agency ? [unit, agency] : [unit];
}

/** The name by which the body text refers to the issuer: "Bộ phận Một cửa (Xã An Bình)". */
export function issuerName(ctx: FormContext, unitId: string, agencyId: string | null): string {
  const unit = ctx.unitName(unitId) ?? ctx.dossier.receivingUnitName;
  const agency = ctx.agencyName(agencyId);
  return agency ? `${agency} (${unit})` : unit;
}

export interface FormHead {
  /** Used for the document's metadata title too. */
  title: string;
  lines?: string[];
  unitId: string;
  agencyId: string | null;
  /** The date the document speaks of (the step it records), so that a reprint is the same document. */
  at: Date;
  number?: string;
}

export function startForm(ctx: FormContext, head: FormHead): PdfBuilder {
  const b = new PdfBuilder({ title: `${head.title} - ${ctx.dossier.code}`, subject: ctx.dossier.procedureName, author: issuerName(ctx, head.unitId, head.agencyId) });
  nationalHeader(b, {
    issuer: issuerLines(ctx, head.unitId, head.agencyId),
    placeDate: placeDateLine(placeName(ctx.unitName(head.unitId) ?? ctx.dossier.receivingUnitName), dayOfInstant(head.at)),
    ...(head.number ? { number: head.number } : {}),
  });
  documentTitle(b, head.title, head.lines ?? [`Mã hồ sơ: ${ctx.dossier.code}`]);
  return b;
}

/** The applicant's particulars as the forms list them. */
export function applicantFields(b: PdfBuilder, ctx: FormContext, first: string): void {
  const d = ctx.dossier;
  b.field(first, d.applicantName);
  b.field('Số định danh cá nhân/Mã số thuế', d.applicantIdNo);
  b.field('Địa chỉ', d.applicantAddress);
  b.field('Số điện thoại', d.applicantPhone);
  if (d.applicantEmail) b.field('Thư điện tử', d.applicantEmail);
  b.field('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
}

/** Letters (forms 04, 05) copy the applicant and keep one in the registry. */
export const LETTER_RECIPIENTS = ['Như trên;', 'Lưu: VT.'];
export const REGISTRY_NUMBER = 'Số: ……/……';

/** "Kính gửi: Ông/Bà/Tổ chức Nguyễn Văn Dân", centered under the title of a letter. */
export function addressee(b: PdfBuilder, ctx: FormContext): void {
  b.text(`Kính gửi: ${APPLICANT} ${ctx.dossier.applicantName}`, { align: 'center', after: 8 });
}

/** "Ngày 22 tháng 11 năm 2026, Bộ phận Một cửa (Xã An Bình) nhận được hồ sơ của Ông/Bà/Tổ chức …, mã hồ sơ …". */
export function receivedSentence(ctx: FormContext): string {
  const d = ctx.dossier;
  const day = vnDate(dayOfInstant(d.receivedAt ?? d.submittedAt));
  const desk = issuerName(ctx, d.receivingUnitId, d.receivingAgencyId);
  return `${day.charAt(0).toUpperCase()}${day.slice(1)}, ${desk} nhận được hồ sơ của ${APPLICANT} ${d.applicantName} đề nghị giải quyết thủ tục ${d.procedureName}, mã hồ sơ ${d.code}.`;
}

/** Free text ending a sentence of the form: a full stop added when the officer typed none. */
export function sentence(text: string): string {
  const t = text.trim();
  return !t || /[.!?…:;]$/.test(t) ? t : `${t}.`;
}
