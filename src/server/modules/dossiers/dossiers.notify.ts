// Messages to the applicant when their dossier moves (accepted, to complete, refused, extended, result ready, returned, stopped, withdrawn).
import type { Tx } from '../../db/client';
import { noticeMessages, publicLink, type Notice, type OutgoingMessage } from '../../platform/notify/outbox';
import { vnShortDate } from '../../platform/pdf/vn-format';
import { cachedAgency } from '../org/org.cache';
import type { DossierWithUnits } from './dossiers.queries';

/** The template of each event; also the `template` column of the outbox. */
export const DOSSIER_TEMPLATES = [
  'dossier.accepted',
  'dossier.incomplete',
  'dossier.refused',
  'dossier.extended',
  'dossier.result_ready',
  'dossier.returned',
  'dossier.stopped',
  'dossier.withdrawn',
] as const;
export type DossierTemplate = (typeof DOSSIER_TEMPLATES)[number];

/** Which message an action (or the state it leads to) sends; most actions are internal and send none. */
export function templateOf(action: string, newState: string): DossierTemplate | null {
  switch (action) {
    case 'accept':
      return 'dossier.accepted';
    case 'request_completion':
    case 'request_documents':
      return 'dossier.incomplete';
    case 'refuse':
      return 'dossier.refused';
    case 'extend':
      return 'dossier.extended';
    case 'return_result':
      return 'dossier.returned';
    case 'stop':
      return 'dossier.stopped';
    case 'withdraw':
      return 'dossier.withdrawn';
    default:
      return newState === 'result_ready' ? 'dossier.result_ready' : null;
  }
}

export interface DossierEvent {
  /** The dossier as it was before the action (its applicant, code and receiving place do not change). */
  dossier: DossierWithUnits;
  action: string;
  state: string;
  /** The running deadline after the action. */
  dueAt: Date | null;
  /** The step's data: missingDocuments, guidance, reason, legalBasis. */
  data: Record<string, unknown>;
  now: Date;
  /** The receiving agency's name when the caller has read it already (undefined: read here). */
  deskName?: string | null | undefined;
}

const FORMS: Record<string, string> = { original: 'bản chính', copy: 'bản sao', certified_copy: 'bản sao chứng thực', original_or_copy: 'bản chính hoặc bản sao' };

function documentLines(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const { name, form, count } = item as { name?: unknown; form?: unknown; count?: unknown };
    if (typeof name !== 'string') return [];
    const detail = [typeof form === 'string' ? FORMS[form] : undefined, typeof count === 'number' ? `${count} bản` : undefined].filter(Boolean).join(', ');
    return [`- ${name}${detail ? ` (${detail})` : ''}`];
  });
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

interface Parts {
  subject: string;
  lines: string[];
  sms: string;
}

/** The body of each template; `place` is where the result is collected, `link` the tracking page. */
function partsOf(t: DossierTemplate, e: DossierEvent, place: string, link: string): Parts {
  const d = e.dossier;
  const proc = `«${d.procedureName}»`;
  const due = e.dueAt ? vnShortDate(e.dueAt) : null;
  const reason = text(e.data.reason);
  const because = reason ? [`Lý do: ${reason}`] : [];
  switch (t) {
    case 'dossier.accepted':
      return {
        subject: `Hồ sơ ${d.code} đã được tiếp nhận`,
        lines: [`Hồ sơ ${proc} của Ông/Bà đã được tiếp nhận.`, `Mã hồ sơ: ${d.code}`, ...(due ? [`Ngày hẹn trả kết quả: ${due}`] : []), `Nơi nhận kết quả: ${place}`],
        sms: `Ho so ${d.code} da duoc tiep nhan${due ? `, hen tra ket qua ngay ${due}` : ''}. Tra cuu: ${link}`,
      };
    case 'dossier.incomplete': {
      const docs = documentLines(e.data.missingDocuments);
      const guidance = text(e.data.guidance);
      return {
        subject: `Hồ sơ ${d.code} cần bổ sung, hoàn thiện`,
        lines: [
          `Hồ sơ ${proc} của Ông/Bà cần được bổ sung, hoàn thiện.`,
          ...(docs.length ? ['Giấy tờ cần bổ sung, hoàn thiện:', ...docs] : []),
          ...because,
          ...(guidance ? [`Hướng dẫn: ${guidance}`] : []),
          `Ông/Bà có thể nộp bổ sung trực tuyến tại trang tra cứu hồ sơ hoặc trực tiếp tại ${place}.`,
        ],
        sms: `Ho so ${d.code} can bo sung, hoan thien. Chi tiet: ${link}`,
      };
    }
    case 'dossier.refused': {
      const basis = text(e.data.legalBasis);
      return {
        subject: `Từ chối tiếp nhận hồ sơ ${d.code}`,
        lines: [`Hồ sơ ${proc} của Ông/Bà không được tiếp nhận.`, ...because, ...(basis ? [`Căn cứ pháp lý: ${basis}`] : [])],
        sms: `Ho so ${d.code} khong duoc tiep nhan. Chi tiet: ${link}`,
      };
    }
    case 'dossier.extended':
      return {
        subject: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.code}`,
        lines: [
          `${place} xin lỗi Ông/Bà vì hồ sơ ${proc} chưa được giải quyết xong theo ngày hẹn.`,
          ...because,
          ...(due ? [`Ngày hẹn trả kết quả mới: ${due}`] : []),
          'Mong Ông/Bà thông cảm.',
        ],
        sms: `Xin loi Ong/Ba: ho so ${d.code} chua giai quyet xong dung hen${due ? `, hen lai ngay ${due}` : ''}. Chi tiet: ${link}`,
      };
    case 'dossier.result_ready':
      return {
        subject: `Hồ sơ ${d.code} đã có kết quả`,
        lines: [
          `Hồ sơ ${proc} của Ông/Bà đã có kết quả.`,
          `Mời Ông/Bà đến nhận kết quả tại ${place}, mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả và giấy tờ tùy thân.`,
        ],
        sms: `Ho so ${d.code} da co ket qua, moi Ong/Ba den nhan tai ${place}. Tra cuu: ${link}`,
      };
    case 'dossier.returned':
      return {
        subject: `Hồ sơ ${d.code} đã trả kết quả`,
        lines: [`Kết quả giải quyết hồ sơ ${proc} đã được trả cho Ông/Bà.`, 'Mời Ông/Bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ tại trang tra cứu.'],
        sms: `Ho so ${d.code} da tra ket qua. Moi danh gia muc do hai long: ${link}`,
      };
    case 'dossier.stopped':
      return {
        subject: `Hồ sơ ${d.code} đã dừng xử lý`,
        lines: [`Hồ sơ ${proc} của Ông/Bà đã dừng xử lý.`, ...because],
        sms: `Ho so ${d.code} da dung xu ly. Chi tiet: ${link}`,
      };
    case 'dossier.withdrawn':
      return {
        subject: `Hồ sơ ${d.code} đã được rút`,
        lines: [`Hồ sơ ${proc} đã được rút theo đề nghị của Ông/Bà.`, ...because],
        sms: `Ho so ${d.code} da duoc rut. Chi tiet: ${link}`,
      };
  }
}

/** The message of an event; the tracking link carries the code only: the secret is never written in a message. */
export function dossierNotice(t: DossierTemplate, e: DossierEvent, place: string): Notice {
  const link = publicLink(`/tra-cuu/${encodeURIComponent(e.dossier.code)}`);
  const p = partsOf(t, e, place, link);
  const body = [
    `Kính gửi Ông/Bà ${e.dossier.applicantName},`,
    '',
    ...p.lines,
    '',
    `Theo dõi hồ sơ tại: ${link}`,
    'Khi tra cứu, nhập mã bí mật in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    '',
    `${place}`,
    'Đây là thư gửi tự động, vui lòng không trả lời thư này.',
  ];
  return { template: t, subject: p.subject, text: body.join('\n'), sms: p.sms, entityType: 'dossier', entityId: e.dossier.id };
}

/**
 * The event's messages to the applicant's email and mobile number, if they gave them: the write
 * paths put them in the outbox inside their transaction (applyAction, in the step's statement).
 */
export async function applicantMessages(tx: Tx, e: DossierEvent): Promise<OutgoingMessage[]> {
  const t = templateOf(e.action, e.state);
  const d = e.dossier;
  if (!t || (!d.applicantEmail && !d.applicantPhone)) return [];
  const deskName = e.deskName !== undefined ? e.deskName : d.receivingAgencyId ? ((await cachedAgency(tx, d.receivingAgencyId))?.name ?? null) : null;
  const place = deskName ? `${deskName} - ${d.receivingUnitName}` : d.receivingUnitName;
  return noticeMessages({ email: d.applicantEmail, phone: d.applicantPhone }, dossierNotice(t, e, place));
}
