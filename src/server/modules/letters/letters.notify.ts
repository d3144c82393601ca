// Messages to the writer of a letter (received, classified, accepted, forwarded, guided, returned, resolved or answered, published, reopened), through the outbox; a protected writer's contact is sealed there.
import { LETTER_TYPE_LABELS, type LetterType } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import { insertNotifications, noticeMessages, publicLink, type Notice, type OutgoingMessage } from '../../platform/notify/outbox';
import { vnShortDate } from '../../platform/pdf/vn-format';
import { identityStatus } from './letters.access';
import { openIdentity } from './letters.identity';
import { findLetter, type LetterWithUnit } from './letters.queries';
import type { CaseWithUnits } from './letter-cases.queries';

export const LETTER_TEMPLATES = [
  'letter.received',
  'letter.classified',
  'letter.accepted',
  'letter.forwarded',
  'letter.guided',
  'letter.returned',
  'letter.resolved',
  'letter.published',
  'letter.reopened',
] as const;
export type LetterTemplate = (typeof LETTER_TEMPLATES)[number];

/** The message a case action sends to the writer; inner steps (assignment, report, send-back, transfer) send none. */
export function templateOfAction(action: string): LetterTemplate | null {
  switch (action) {
    case 'accept':
      return 'letter.accepted';
    case 'forward':
      return 'letter.forwarded';
    case 'guide':
      return 'letter.guided';
    case 'return_letter':
      return 'letter.returned';
    case 'resolve':
    case 'conclude':
    case 'answer':
      return 'letter.resolved';
    case 'publish_answer':
      return 'letter.published';
    case 'reopen':
      return 'letter.reopened';
    default:
      return null;
  }
}

export interface LetterEvent {
  template: LetterTemplate;
  /** The case the event is about (none for the letter's own receipt and classification). */
  case?: Pick<CaseWithUnits, 'code' | 'type' | 'unitName'> | undefined;
  /** The cases opened at classification. */
  cases?: ReadonlyArray<Pick<CaseWithUnits, 'code' | 'type' | 'unitName'>>;
  /** The step's data (document number, receiving body, guidance, reason, result, answer). */
  data?: Record<string, unknown>;
  dueAt?: Date | null;
  /** Until when the writer may ask to reopen. */
  reopenUntil?: Date | null;
  now: Date;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const typeName = (type: string) => LETTER_TYPE_LABELS[type as LetterType]?.vi.toLowerCase() ?? 'đơn';

const RESULTS: Record<string, string> = {
  upheld: 'khiếu nại đúng',
  partly_upheld: 'khiếu nại có đúng, có sai',
  rejected: 'khiếu nại sai',
  founded: 'tố cáo đúng',
  partly_founded: 'tố cáo đúng một phần',
  unfounded: 'tố cáo sai',
};

/** "Văn bản số 21/QĐ-UBND ngày 2026-11-20 do ... ký" from the step's document fields. */
function documentLine(data: Record<string, unknown>, kind: string): string[] {
  const number = text(data.decisionNumber) ?? text(data.documentNumber);
  if (!number) return [];
  const date = text(data.decisionDate) ?? text(data.documentDate);
  const day = date ? vnShortDate(new Date(`${date}T12:00:00+07:00`)) : null;
  const signer = text(data.signer);
  return [`${kind} số ${number}${day ? ` ngày ${day}` : ''}${signer ? `, người ký: ${signer}` : ''}.`];
}

interface Parts {
  subject: string;
  lines: string[];
  sms: string;
}

function partsOf(e: LetterEvent, l: LetterWithUnit, link: string): Parts {
  const d = e.data ?? {};
  const c = e.case;
  const ref = c ? c.code : l.code;
  const about = c ? `Đơn ${typeName(c.type)} của Ông/Bà (mã ${c.code})` : `Đơn của Ông/Bà (mã ${l.code})`;
  const due = e.dueAt ? vnShortDate(e.dueAt) : null;
  const reason = text(d.reason);
  switch (e.template) {
    case 'letter.received':
      return {
        subject: `Đơn ${l.code} đã được tiếp nhận`,
        lines: [`Đơn của Ông/Bà gửi ${l.unitName} đã được tiếp nhận ngày ${vnShortDate(l.receivedAt)}.`, `Mã đơn: ${l.code}`],
        sms: `Don ${l.code} da duoc tiep nhan ngay ${vnShortDate(l.receivedAt)}. Tra cuu: ${link}`,
      };
    case 'letter.classified': {
      const cases = e.cases ?? [];
      return {
        subject: `Đơn ${l.code} đã được phân loại, xử lý`,
        lines: [`Đơn của Ông/Bà (mã ${l.code}) đã được phân loại theo nội dung:`, ...cases.map((x) => `- ${x.code}: đơn ${typeName(x.type)}, do ${x.unitName} xử lý`)],
        sms: `Don ${l.code} da duoc phan loai, xu ly. Chi tiet: ${link}`,
      };
    }
    case 'letter.accepted':
      return {
        subject: `Đơn ${ref} đã được thụ lý`,
        lines: [`${about} đã được ${c?.unitName ?? l.unitName} thụ lý để giải quyết.`, ...documentLine(d, 'Thông báo thụ lý'), ...(due ? [`Thời hạn giải quyết: ${due}.`] : [])],
        sms: `Don ${ref} da duoc thu ly${due ? `, han giai quyet ${due}` : ''}. Chi tiet: ${link}`,
      };
    case 'letter.forwarded': {
      const body = text(d.receivingBody) ?? 'cơ quan có thẩm quyền';
      return {
        subject: `Đơn ${ref} đã được chuyển đến ${body}`,
        lines: [`${about} không thuộc thẩm quyền giải quyết của ${c?.unitName ?? l.unitName} và đã được chuyển đến ${body}.`, ...documentLine(d, 'Phiếu chuyển đơn')],
        sms: `Don ${ref} da duoc chuyen den ${body}. Chi tiet: ${link}`,
      };
    }
    case 'letter.guided': {
      const guidance = text(d.guidance);
      return {
        subject: `Hướng dẫn về đơn ${ref}`,
        lines: [`${c?.unitName ?? l.unitName} hướng dẫn Ông/Bà về ${about.charAt(0).toLowerCase()}${about.slice(1)}:`, ...(guidance ? [guidance] : []), ...documentLine(d, 'Văn bản hướng dẫn')],
        sms: `Don ${ref}: co huong dan cho Ong/Ba. Chi tiet: ${link}`,
      };
    }
    case 'letter.returned':
      return {
        subject: `Trả lại đơn ${ref}`,
        lines: [`${about} được trả lại.`, ...(reason ? [`Lý do: ${reason}`] : []), ...documentLine(d, 'Văn bản trả lại đơn')],
        sms: `Don ${ref} duoc tra lai. Chi tiet: ${link}`,
      };
    case 'letter.resolved': {
      const result = text(d.result);
      const answer = text(d.answer);
      const kind = text(d.answer) !== null ? 'Văn bản trả lời' : c?.type === 'denunciation' ? 'Kết luận nội dung tố cáo' : 'Quyết định giải quyết';
      const until = e.reopenUntil ? vnShortDate(e.reopenUntil) : null;
      return {
        subject: `Đơn ${ref} đã có kết quả giải quyết`,
        lines: [
          `${about} đã có kết quả giải quyết.`,
          ...documentLine(d, kind),
          ...(result && RESULTS[result] ? [`Kết quả: ${RESULTS[result]}.`] : []),
          ...(answer ? ['Nội dung trả lời:', answer] : []),
          'Mời Ông/Bà đánh giá mức độ hài lòng về việc giải quyết tại trang tra cứu đơn.',
          ...(until ? [`Nếu chưa đồng ý, Ông/Bà có thể đề nghị xem xét lại tại trang tra cứu đơn đến hết ngày ${until}.`] : []),
        ],
        sms: `Don ${ref} da co ket qua giai quyet. Moi danh gia muc do hai long: ${link}`,
      };
    }
    case 'letter.published':
      return {
        subject: `Nội dung trả lời đơn ${ref} đã được công khai`,
        lines: [`Nội dung trả lời ${about.charAt(0).toLowerCase()}${about.slice(1)} đã được công khai trên Cổng thông tin (đã lược bỏ thông tin cá nhân).`, publicLink(`/tra-loi-don/${encodeURIComponent(ref)}`)],
        sms: `Noi dung tra loi don ${ref} da duoc cong khai: ${publicLink(`/tra-loi-don/${encodeURIComponent(ref)}`)}`,
      };
    case 'letter.reopened':
      return {
        subject: `Đã nhận đề nghị xem xét lại đơn ${ref}`,
        lines: [`Đề nghị xem xét lại ${about.charAt(0).toLowerCase()}${about.slice(1)} đã được ghi nhận và chuyển đến ${c?.unitName ?? l.unitName}.`, ...(due ? [`Thời hạn xử lý: ${due}.`] : [])],
        sms: `Da nhan de nghi xem xet lai don ${ref}. Chi tiet: ${link}`,
      };
  }
}

/**
 * The message of an event. The greeting names the writer only when the identity is shown (a letter
 * classified without a denunciation); the tracking link carries the code, never the secret.
 */
export function letterNotice(e: LetterEvent, l: LetterWithUnit, name: string | null): Notice {
  const link = publicLink(`/tra-cuu-don/${encodeURIComponent(l.code)}`);
  const p = partsOf(e, l, link);
  const body = [
    name ? `Kính gửi Ông/Bà ${name},` : 'Kính gửi Ông/Bà,',
    '',
    ...p.lines,
    '',
    `Theo dõi đơn tại: ${link}`,
    'Khi tra cứu, nhập mã bí mật được cấp khi gửi đơn.',
    '',
    e.case?.unitName ?? l.unitName,
    'Đây là thư gửi tự động, vui lòng không trả lời thư này.',
  ];
  return { template: e.template, subject: p.subject, text: body.join('\n'), sms: p.sms, entityType: 'letter', entityId: l.id };
}

/**
 * The event's messages to the writer's e-mail and mobile number, not yet written: the contact is
 * opened from the sealed identity here and goes to the outbox sealed (the worker opens it only to
 * send); none to an anonymous writer or one who gave no contact.
 */
export async function writerMessages(db: Tx, letter: string | LetterWithUnit, e: LetterEvent): Promise<OutgoingMessage[]> {
  // The letter as the caller holds it (its transaction wrote or read it), or read by id.
  const l = typeof letter === 'string' ? await findLetter(db, letter) : letter;
  if (!l || l.anonymous) return [];
  const who = openIdentity(l.writerSealed);
  if (!who.email && !who.phone) return [];
  const name = identityStatus(l) === 'shown' ? (who.name ?? null) : null;
  return noticeMessages({ email: who.email, phone: who.phone }, { ...letterNotice(e, l, name), confidential: true });
}

/** Enqueues the event's messages to the writer (`writerMessages`) inside the event's transaction; returns how many. */
export async function notifyWriter(tx: Tx, letter: string | LetterWithUnit, e: LetterEvent): Promise<number> {
  const msgs = await writerMessages(tx, letter, e);
  await insertNotifications(tx, msgs, e.now);
  return msgs.length;
}
