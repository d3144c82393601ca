// The printable forms through HTTP: the Vietnamese text read back from each PDF, the receipt's QR code decoded, access, and forms that do not apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskIntakeResult, DossierView } from '../../../../common/dossiers.schema';
import type { TestClient } from '../../../testing/harness';
import { TRACKING_PER_CODE_PER_MIN } from '../dossiers.public.routes';
import { actOk, applicant, errorOf, fieldPaths, intakeOk, startDossierApp, type DossierTestApp } from '../dossiers.test-helpers';
import { decodeQrCodes, pdfText } from './forms.test-helpers';

const PUBLIC_URL = 'https://dichvucong.songhong.example';
let t: DossierTestApp;
let motcua: TestClient, lanhdao: TestClient, chuyenvien: TestClient;
beforeAll(async () => {
  t = await startDossierApp({ DANVAN_PUBLIC_URL: `${PUBLIC_URL}/` });
  [motcua, lanhdao, chuyenvien] = await Promise.all([t.loginAs('motcua.anbinh'), t.loginAs('lanhdao.anbinh'), t.loginAs('chuyenvien.anbinh')]);
});
afterAll(() => t.close());

/** The oracle for dates, written out independently of the code under test: "2026-03-05T…" → "ngày 05 tháng 3 năm 2026". */
function vnDateOf(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `ngày ${d} tháng ${Number(m) < 3 ? m : Number(m)} năm ${y}`;
}

const formUrl = (id: string, form: string) => `/api/dossiers/${id}/forms/${form}.pdf`;

async function pdfOf(client: TestClient, url: string, headers: Record<string, string> = {}) {
  const res = await client.get(url, headers);
  expect(res.statusCode, res.statusCode === 200 ? '' : res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['cache-control']).toContain('no-store');
  expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  const read = await pdfText(res.rawPayload);
  // Every character as one precomposed code point: no combining marks left over from decomposed input.
  expect(read.text).toBe(read.text.normalize('NFC'));
  expect(read.text).not.toMatch(/[\u0300-\u036f]/);
  return { ...read, res, qr: decodeQrCodes(res.rawPayload) };
}

/** Names typed on a keyboard that sends decomposed letters (macOS, some Vietnamese input methods). */
const DECOMPOSED_NAME = 'Trần Thị Ngọc Ánh'.normalize('NFD');
const NAME = 'Trần Thị Ngọc Ánh';

describe('form 01, receipt and appointment', () => {
  let intake: DeskIntakeResult;
  beforeAll(async () => {
    intake = await intakeOk(motcua, {
      applicant: applicant({ name: DECOMPOSED_NAME, address: 'Thôn Đông, xã An Bình', email: 'anh@example.vn' }),
      data: {
        copies: 2,
        receivedDocuments: [
          { name: 'Tờ khai đăng ký khai sinh', form: 'original', count: 1 },
          { name: 'Giấy chứng sinh do cơ sở y tế cấp', form: 'certified_copy', count: 2 },
        ],
      },
    });
  });

  it('prints the applicant, procedure, documents, times and officer in Vietnamese, with the status page in its QR code', async () => {
    const d = intake.dossier;
    const { text, qr, res } = await pdfOf(motcua, formUrl(d.id, '01'));
    expect(res.headers['content-disposition']).toBe(`inline; filename="01-${d.code}.pdf"`);
    expect(d.dueAt).not.toBeNull();
    for (const part of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'XÃ AN BÌNH',
      'BỘ PHẬN MỘT CỬA',
      `An Bình, ${vnDateOf(d.receivedAt ?? '')}`,
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${d.code}`,
      `Ông/Bà/Tổ chức: ${NAME}`,
      'Số định danh cá nhân/Mã số thuế: 001090012345',
      'Địa chỉ: Thôn Đông, xã An Bình',
      'Số điện thoại: 0912345678',
      'Thư điện tử: anh@example.vn',
      `Nội dung yêu cầu giải quyết: ${d.procedureName} (mã thủ tục ${d.procedureCode})`,
      'Tờ khai đăng ký khai sinh Bản chính 1',
      'Giấy chứng sinh do cơ sở y tế cấp Bản sao có chứng thực 2',
      '2. Số lượng hồ sơ: 02 (bộ)',
      `3. Thời gian giải quyết hồ sơ theo quy định: ${d.processingDays} ngày làm việc`,
      `5. Thời gian trả kết quả giải quyết hồ sơ: ${vnDateOf(d.dueAt ?? '')}`,
      '6. Đăng ký nhận kết quả tại: Bộ phận Một cửa (Xã An Bình)',
      `${PUBLIC_URL}/tra-cuu/${d.code}`,
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký và ghi rõ họ tên)',
      'Vũ Thị Mai',
    ])
      expect(text).toContain(part);
    expect(text).toMatch(new RegExp(`4\\. Thời gian nhận hồ sơ: \\d{2} giờ \\d{2} phút, ${vnDateOf(d.receivedAt ?? '')}`));
    // The secret is not stored: the staff copy cannot print it unless the officer sends it back.
    expect(text).not.toContain(intake.secret);
    expect(qr).toEqual([`${PUBLIC_URL}/tra-cuu/${d.code}`]);
  });

  it('prints the secret as text (never in the QR code) when the officer sends it back right after intake; a wrong one is refused', async () => {
    const d = intake.dossier;
    const { text, qr } = await pdfOf(motcua, formUrl(d.id, '01'), { 'x-tracking-secret': intake.secret.toLowerCase().replace(/-/g, '') });
    expect(text).toContain(`Mã bí mật tra cứu: ${intake.secret}`);
    expect(qr).toEqual([`${PUBLIC_URL}/tra-cuu/${d.code}`]);
    const wrong = await motcua.get(formUrl(d.id, '01'), { 'x-tracking-secret': 'AAAA-AAAA-AAAA-AAAA-AAAA' });
    expect(wrong.statusCode).toBe(400);
    expect(fieldPaths(wrong)).toEqual(['headers.x-tracking-secret']);
  });

  it('lets the applicant download the receipt with the secret, and answers the same 404 for a wrong secret or an unknown code', async () => {
    const d = intake.dossier;
    const url = `/api/public/dossiers/${encodeURIComponent(d.code)}/forms/01.pdf`;
    const { text, qr } = await pdfOf(t.anonymous(), url, { 'x-tracking-secret': intake.secret });
    expect(text).toContain(NAME);
    expect(text).toContain(`Mã bí mật tra cứu: ${intake.secret}`);
    expect(qr).toEqual([`${PUBLIC_URL}/tra-cuu/${d.code}`]);
    const guest = t.anonymous();
    for (const [u, h] of [
      [url, { 'x-tracking-secret': 'AAAA-AAAA-AAAA-AAAA-AAAA' }],
      [url, {}],
      ['/api/public/dossiers/99001.MC-000000-9999/forms/01.pdf', { 'x-tracking-secret': intake.secret }],
    ] as const) {
      const res = await guest.get(u, h);
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('dossier_not_found');
    }
  });

  it('shares the per-code allowance of tracking: guesses on one code add up across the two routes', async () => {
    const { dossier: d, secret } = await intakeOk(motcua);
    const code = encodeURIComponent(d.code);
    for (let i = 0; i < TRACKING_PER_CODE_PER_MIN; i++) {
      const res = await t.anonymous().request({ method: 'GET', url: `/api/public/dossiers/${code}`, headers: { 'x-tracking-secret': secret }, remoteAddress: `10.9.0.${i + 1}` });
      expect(res.statusCode).toBe(200);
    }
    const res = await t.anonymous().request({ method: 'GET', url: `/api/public/dossiers/${code}/forms/01.pdf`, headers: { 'x-tracking-secret': secret }, remoteAddress: '10.9.1.1' });
    expect(res.statusCode).toBe(429);
  });

  it('is not applicable before acceptance, for staff and for the applicant', async () => {
    const pending = await intakeOk(motcua, { decision: 'none', data: undefined });
    const res = await motcua.get(formUrl(pending.dossier.id, '01'));
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('form_not_applicable');
    expect(res.json<{ error: { message: string } }>().error.message).toContain('chưa được tiếp nhận');
    const pub = await t.anonymous().get(`/api/public/dossiers/${encodeURIComponent(pending.dossier.code)}/forms/01.pdf`, { 'x-tracking-secret': pending.secret });
    expect(pub.statusCode).toBe(409);
  });
});

describe('forms 02 to 05', () => {
  it('02 lists every missing document with the guidance; 01 and 03 do not apply', async () => {
    const { dossier: d } = await intakeOk(motcua, {
      decision: 'request_completion',
      data: {
        missingDocuments: [
          { name: 'Giấy chứng nhận kết hôn của cha mẹ', form: 'copy', count: 1 },
          { name: 'Văn bản ủy quyền có chứng thực', note: 'nếu người đi đăng ký không phải cha mẹ' },
        ],
        guidance: 'Đề nghị nộp bổ sung tại Bộ phận Một cửa trong giờ hành chính',
      },
    });
    const { text } = await pdfOf(motcua, formUrl(d.id, '02'));
    for (const part of [
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      `Mã hồ sơ: ${d.code}`,
      'Hồ sơ của: Nguyễn Văn Dân',
      '1. Giấy chứng nhận kết hôn của cha mẹ (Bản sao, 01 bản)',
      '2. Văn bản ủy quyền có chứng thực - nếu người đi đăng ký không phải cha mẹ',
      'Hướng dẫn: Đề nghị nộp bổ sung tại Bộ phận Một cửa trong giờ hành chính',
      'NGƯỜI HƯỚNG DẪN',
      'Vũ Thị Mai',
    ])
      expect(text).toContain(part);
    for (const form of ['01', '03', '04', '05']) {
      const res = await motcua.get(formUrl(d.id, form));
      expect(res.statusCode, form).toBe(409);
      expect(errorOf(res).code).toBe('form_not_applicable');
    }
  });

  it('03 gives the reason and the legal basis of the refusal', async () => {
    const { dossier: d } = await intakeOk(motcua, {
      decision: 'refuse',
      data: { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã', legalBasis: 'Khoản 2 Điều 18 Nghị định số 118/2025/NĐ-CP' },
    });
    const { text } = await pdfOf(motcua, formUrl(d.id, '03'));
    for (const part of [
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      'Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã',
      'Căn cứ pháp lý: Khoản 2 Điều 18 Nghị định số 118/2025/NĐ-CP',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
    ])
      expect(text).toContain(part);
  });

  it('04 apologises with the reason, the missed date and the new date', async () => {
    const { dossier: d } = await intakeOk(motcua);
    const due = d.dueAt ?? '';
    const newDue = new Date(Date.parse(due.slice(0, 10)) + 10 * 86_400_000).toISOString().slice(0, 10);
    await actOk(motcua, d.id, 'extend', { dueOverride: newDue, data: { reason: 'Cần xác minh thông tin cư trú của người được khai sinh' } });
    const { text } = await pdfOf(motcua, formUrl(d.id, '04'));
    for (const part of [
      'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      'Số: ……/……',
      'Kính gửi: Ông/Bà/Tổ chức Nguyễn Văn Dân',
      `Thời hạn trả kết quả giải quyết hồ sơ theo giấy hẹn là ${vnDateOf(due)}`,
      'Lý do: Cần xác minh thông tin cư trú của người được khai sinh.',
      `thời gian trả kết quả được hẹn lại vào ${vnDateOf(newDue)}`,
      'THỦ TRƯỞNG CƠ QUAN',
      'Nơi nhận:',
    ])
      expect(text).toContain(part);
  });

  it('05 notifies the stop with its reason and basis', async () => {
    const { dossier: d } = await intakeOk(motcua);
    const stopped = await actOk(lanhdao, d.id, 'stop', { data: { reason: 'Người nộp đã qua đời trước khi có kết quả', legalBasis: 'Điều 20 Nghị định số 118/2025/NĐ-CP' } });
    expect(stopped.state).toBe('stopped');
    const { text } = await pdfOf(lanhdao, formUrl(d.id, '05'));
    for (const part of [
      'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      `mã hồ sơ ${d.code}`,
      'Lý do: Người nộp đã qua đời trước khi có kết quả',
      'Căn cứ pháp lý: Điều 20 Nghị định số 118/2025/NĐ-CP',
    ])
      expect(text).toContain(part);
  });
});

describe('form 06, process-control sheet', () => {
  it('applies to every dossier and lists each hand-over with people, times and timeliness, continuing on further pages', async () => {
    const { dossier: d } = await intakeOk(motcua);
    const vhxh = await t.agencyId('99001.VHXH');
    await actOk(motcua, d.id, 'transfer', { toAgencyId: vhxh });
    const me = (await chuyenvien.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
    await actOk(lanhdao, d.id, 'assign', { assigneeId: me });
    // Long notes make the table run over pages: the header row repeats and no note is lost at a page break.
    const notes = [1, 2, 3].map((n) => `Ghi chú phân công lần ${n}: ${'Kiểm tra kỹ thành phần hồ sơ và đối chiếu bản chính. '.repeat(25)}Hết ghi chú ${n}.`);
    for (const note of notes) await actOk(lanhdao, d.id, 'reassign', { assigneeId: me, note });
    const view = (await motcua.get(`/api/dossiers/${d.id}`)).json<DossierView>();
    expect(view.steps).toHaveLength(7);

    const { text, pages } = await pdfOf(motcua, formUrl(d.id, '06'));
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const part of [
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      `(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã hồ sơ ${d.code})`,
      'Cơ quan (bộ phận) giải quyết hồ sơ: Phòng Văn hóa - Xã hội',
      'Giao: Bộ phận Một cửa Nhận: Phòng Văn hóa - Xã hội',
      'Người giao: Vũ Thị Mai',
      'Người giao: Bùi Đức Thắng',
      'Người nhận: Hoàng Văn Nam',
      'Trước hạn',
      'Hết ghi chú 1.',
      'Hết ghi chú 2.',
      'Hết ghi chú 3.',
    ])
      expect(text).toContain(part);
    expect(text.split('Thời gian giao, nhận hồ sơ').length - 1).toBeGreaterThanOrEqual(2);
  });
});

describe('access', () => {
  it('answers 404 to staff who may not see the dossier (another commune, an administrator), 401 without a session, 400 for an unknown form', async () => {
    const { dossier: d } = await intakeOk(motcua);
    for (const username of ['motcua.binhminh', 'admin']) {
      const other = await t.loginAs(username);
      for (const form of ['01', '06']) {
        const res = await other.get(formUrl(d.id, form));
        expect(res.statusCode, `${username} ${form}`).toBe(404);
        expect(errorOf(res).code).toBe('dossier_not_found');
      }
    }
    // 404 comes before 409: an outsider does not learn which forms exist.
    const outsider = await t.loginAs('motcua.binhminh');
    expect((await outsider.get(formUrl(d.id, '03'))).statusCode).toBe(404);
    expect((await t.anonymous().get(formUrl(d.id, '01'))).statusCode).toBe(401);
    const bad = await motcua.get(formUrl(d.id, '07'));
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad)).toEqual(['params.form']);
    // The province leader sees the commune's dossiers and their forms.
    const tinh = await t.loginAs('lanhdao.tinh');
    expect((await tinh.get(formUrl(d.id, '01'))).statusCode).toBe(200);
  });
});
