// Demo letters of every type in several states (to classify, to process, being handled, answered, filed, overdue), made through the module's own services.
import { inArray } from 'drizzle-orm';
import type { CaseActionBody, CaseClassification, LetterType, StaffLetterBody } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import { staff, units } from '../../db/schema';
import { loadActor, type Ctx } from '../../platform/auth/actor';
import { actOnCase } from './letters.actions';
import { classifyLetter } from './letters.classify';
import { CHECKS_OF_TYPE } from './letters.eligibility';
import { recordLetter, submitPublicLetter } from './letters.intake';

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Step = [who: string, action: string, body?: CaseActionBody];

interface DemoLetter {
  daysAgo: number;
  /** Recorded by this officer (desk, post, forwarded), or sent on the portal to this unit. */
  officer?: string;
  portalUnit?: string;
  letter: Omit<StaffLetterBody, 'receivedAt' | 'protectIdentity' | 'hasTranslation' | 'peopleCount' | 'representatives' | 'language' | 'attachments'> & {
    unitCode?: string;
  };
  /** Classified by this officer into these contents; each content's steps follow. */
  classify?: { by: string; cases: Array<{ type: LetterType; summary: string; target?: string; failing?: string[]; reason?: string; aboutRegulation?: boolean; steps: Step[] }> };
}

const writer = (name: string, address: string, phone?: string) => ({ name, address, ...(phone ? { phone } : {}) });

const DEMO: DemoLetter[] = [
  {
    daysAgo: 0.2,
    portalUnit: '99001',
    letter: {
      channel: 'desk',
      dated: true,
      signed: false,
      declaredKind: 'feedback',
      subject: 'Đèn chiếu sáng đường liên thôn bị hỏng',
      content: 'Hệ thống đèn chiếu sáng trên đường liên thôn Đông – Tây hỏng hơn hai tuần, buổi tối đi lại nguy hiểm. Đề nghị xã sửa chữa.',
      writer: writer('Lê Thị Thu', 'Thôn Đông, xã An Bình', '0912 340 001'),
    },
  },
  {
    daysAgo: 1,
    officer: 'tiepdan.anbinh',
    letter: {
      channel: 'desk',
      dated: true,
      signed: true,
      declaredKind: 'complaint',
      subject: 'Khiếu nại việc cấp Giấy chứng nhận quyền sử dụng đất',
      content: 'Tôi khiếu nại việc xã chưa xác nhận hồ sơ đề nghị cấp Giấy chứng nhận quyền sử dụng đất của gia đình tôi dù đã nộp đủ giấy tờ từ tháng trước.',
      target: 'Ủy ban nhân dân xã An Bình',
      writer: writer('Trần Văn Hải', 'Thôn Tây, xã An Bình', '0912 340 002'),
    },
  },
  {
    daysAgo: 4,
    officer: 'tiepdan.anbinh',
    letter: {
      channel: 'desk',
      dated: true,
      signed: true,
      subject: 'Khiếu nại quyết định xử phạt vi phạm hành chính',
      content: 'Tôi không đồng ý với quyết định xử phạt về xây dựng không phép vì công trình chỉ là sửa chữa nhỏ. Đề nghị hủy quyết định.',
      target: 'Chủ tịch Ủy ban nhân dân xã An Bình',
      writer: writer('Phạm Văn Đức', 'Xóm Giữa, xã An Bình', '0912 340 003'),
    },
    classify: {
      by: 'tiepdan.anbinh',
      cases: [
        {
          type: 'complaint',
          summary: 'Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng',
          target: 'Chủ tịch UBND xã An Bình',
          steps: [
            ['lanhdao.anbinh', 'assign', { assigneeId: '@chuyenvien.anbinh' }],
            ['lanhdao.anbinh', 'accept', { data: { instance: 'first', complex: false, remoteArea: false, documentNumber: '12/TB-UBND' } }],
          ],
        },
      ],
    },
  },
  {
    daysAgo: 6,
    officer: 'tiepdan.anbinh',
    letter: {
      channel: 'post',
      dated: true,
      signed: true,
      declaredKind: 'denunciation',
      subject: 'Tố cáo cán bộ thu tiền không có biên lai',
      content: 'Cán bộ địa chính xã thu tiền đo đạc của nhiều hộ trong thôn nhưng không đưa biên lai. Tôi đề nghị làm rõ và xử lý.',
      target: 'Cán bộ địa chính xã An Bình',
      writer: writer('Nguyễn Thị Minh', 'Thôn Bắc, xã An Bình', '0912 340 004'),
    },
    classify: {
      by: 'tiepdan.anbinh',
      cases: [
        {
          type: 'denunciation',
          summary: 'Tố cáo thu tiền đo đạc không có biên lai',
          target: 'Cán bộ địa chính xã',
          steps: [
            ['lanhdao.anbinh', 'assign', { assigneeId: '@chuyenvien.anbinh' }],
            ['lanhdao.anbinh', 'accept', { data: { documentNumber: '03/QĐ-TLTC' } }],
          ],
        },
      ],
    },
  },
  {
    daysAgo: 20,
    officer: 'tiepdan.anbinh',
    letter: {
      channel: 'forwarded',
      dated: true,
      signed: true,
      forwardedFrom: { agencyName: 'Ban Tiếp công dân tỉnh', documentNumber: '145/BTCD-P1' },
      subject: 'Kiến nghị sửa chữa trường mầm non',
      content: 'Phụ huynh thôn Đông kiến nghị sửa mái phòng học của điểm trường mầm non bị dột khi mưa.',
      writer: writer('Đỗ Thị Lan', 'Thôn Đông, xã An Bình'),
    },
    classify: { by: 'tiepdan.anbinh', cases: [{ type: 'petition', summary: 'Kiến nghị sửa mái phòng học điểm trường mầm non thôn Đông', steps: [] }] },
  },
  {
    daysAgo: 9,
    officer: 'tiepdan.anbinh',
    letter: { channel: 'post', dated: false, signed: false, subject: 'Tố cáo', content: 'Có người trong xã làm sai, đề nghị kiểm tra.', writer: {} },
    classify: {
      by: 'tiepdan.anbinh',
      cases: [
        {
          type: 'denunciation',
          summary: 'Đơn tố cáo nặc danh, không nêu người vi phạm cụ thể',
          failing: ['dated', 'writerIdentified', 'signed', 'namesAccused'],
          reason: 'Đơn nặc danh, không có thông tin cụ thể',
          steps: [['tiepdan.anbinh', 'file_away', { data: { fileReason: 'anonymous', reason: 'Đơn nặc danh, không có chứng cứ cụ thể để kiểm tra' } }]],
        },
      ],
    },
  },
  {
    daysAgo: 15,
    officer: 'tiepdan.anbinh',
    letter: {
      channel: 'desk',
      dated: true,
      signed: true,
      subject: 'Kiến nghị và phản ánh về đường giao thông',
      content: 'Kiến nghị xã làm lại rãnh thoát nước đường thôn Tây; đồng thời phản ánh xe tải chở vật liệu làm hư hỏng mặt đường.',
      writer: writer('Hoàng Văn Bình', 'Thôn Tây, xã An Bình', '0912 340 005'),
    },
    classify: {
      by: 'tiepdan.anbinh',
      cases: [
        {
          type: 'petition',
          summary: 'Kiến nghị làm lại rãnh thoát nước đường thôn Tây',
          steps: [
            ['lanhdao.anbinh', 'accept'],
            ['lanhdao.anbinh', 'assign', { assigneeId: '@chuyenvien.anbinh' }],
            ['chuyenvien.anbinh', 'submit_report', { data: { report: 'Đề xuất đưa vào kế hoạch đầu tư công năm sau' } }],
            ['lanhdao.anbinh', 'answer', { data: { answer: 'Ủy ban nhân dân xã đã đưa việc làm lại rãnh thoát nước thôn Tây vào kế hoạch năm 2027.', documentNumber: '88/UBND-VP', documentDate: '2026-11-20', signer: 'Phó Chủ tịch UBND xã' } }],
            [
              'lanhdao.anbinh',
              'publish_answer',
              {
                data: {
                  publishedSummary: 'Kiến nghị làm lại rãnh thoát nước đường thôn Tây',
                  publishedText: 'Ủy ban nhân dân xã đã đưa việc làm lại rãnh thoát nước thôn Tây vào kế hoạch năm 2027.',
                },
              },
            ],
          ],
        },
        {
          type: 'feedback',
          summary: 'Phản ánh xe tải làm hư hỏng mặt đường thôn Tây',
          aboutRegulation: false,
          steps: [['lanhdao.anbinh', 'accept']],
        },
      ],
    },
  },
  {
    daysAgo: 2,
    officer: 'thanhtra.tinh',
    letter: {
      channel: 'desk',
      unitCode: '99002',
      dated: true,
      signed: true,
      declaredKind: 'petition',
      subject: 'Kiến nghị về lịch thu gom rác',
      content: 'Kiến nghị phường bố trí thu gom rác buổi tối thay vì sáng sớm để không ảnh hưởng học sinh đi học.',
      writer: writer('Vũ Thị Hoa', 'Tổ 3, phường Bình Minh'),
    },
  },
];

const checksFor = (type: LetterType, failing: readonly string[] = []) => Object.fromEntries(CHECKS_OF_TYPE[type].map((c) => [c, !failing.includes(c)]));

/** `@username` in a demo step becomes the staff id. */
function resolve(body: CaseActionBody, ids: ReadonlyMap<string, string>): CaseActionBody {
  return body.assigneeId?.startsWith('@') ? { ...body, assigneeId: ids.get(body.assigneeId.slice(1)) ?? null } : body;
}

/** Called by seed/demo.ts inside its transaction, after the units and staff. */
export async function seedDemoLetters(tx: Tx, now: Date = new Date()): Promise<void> {
  // Seed-only look-ups by username and unit code (the org services look up by id).
  const people = await tx.select({ id: staff.id, username: staff.username }).from(staff);
  const ids = new Map(people.map((p) => [p.username, p.id] as const));
  const unitRows = await tx.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, ['99001', '99002']));
  const unitOf = (code: string) => unitRows.find((u) => u.code === code)?.id;
  const ctxs = new Map<string, Ctx>();
  const ctxOf = async (username: string): Promise<Ctx> => {
    const known = ctxs.get(username);
    if (known) return known;
    const actor = await loadActor(tx, ids.get(username) ?? '');
    if (!actor) throw new Error(`demo letters: no staff ${username}`);
    const ctx: Ctx = { actor, requestId: 'seed', ip: '127.0.0.1', lang: 'vi' };
    ctxs.set(username, ctx);
    return ctx;
  };
  for (const d of DEMO) {
    let at = new Date(now.getTime() - d.daysAgo * DAY);
    const { unitCode, ...fields } = d.letter;
    const base = { ...fields, peopleCount: 1, representatives: [], language: 'vi', attachments: [] };
    if (d.portalUnit) {
      const unitId = unitOf(d.portalUnit) ?? '';
      await submitPublicLetter(tx, { requestId: 'seed', ip: '127.0.0.1', lang: 'vi' }, { ...base, unitId, ...(d.letter.declaredKind ? { kind: d.letter.declaredKind } : {}) }, at);
      continue;
    }
    if (!d.officer) continue;
    const body: StaffLetterBody = { ...base, protectIdentity: false, hasTranslation: false, receivedAt: at.toISOString(), ...(unitCode ? { unitId: unitOf(unitCode) } : {}) };
    const letterId = (await recordLetter(tx, await ctxOf(d.officer), body, at)).letter.id;
    if (!d.classify) continue;
    at = new Date(at.getTime() + 2 * HOUR);
    const cases: CaseClassification[] = d.classify.cases.map((c) => ({
      type: c.type,
      summary: c.summary,
      ...(c.target ? { target: c.target } : {}),
      ...(c.aboutRegulation !== undefined ? { aboutRegulation: c.aboutRegulation } : {}),
      checks: checksFor(c.type, c.failing),
      ...(c.reason ? { notProcessableReason: c.reason } : {}),
    }));
    const view = await classifyLetter(tx, await ctxOf(d.classify.by), letterId, { cases }, at);
    for (const [i, c] of d.classify.cases.entries()) {
      const caseId = view.cases[i]?.id ?? '';
      for (const [who, action, stepBody] of c.steps) {
        at = new Date(at.getTime() + HOUR);
        await actOnCase(tx, await ctxOf(who), caseId, action, resolve(stepBody ?? {}, ids), at);
      }
    }
  }
}
