// Protection of denouncers: no plaintext identity in the database or in any answer to other roles; only the handler and the head reveal it, each reveal audited.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, LetterView, PublicLetterResult, WriterView } from '../../../common/letters.schema';
import type { CasePage, LetterPage } from '../../../common/letters-inbox.schema';
import { queryRows } from '../../db/rows';
import { auditLog } from '../../db/schema';
import type { TestClient } from '../../testing/harness';
import { actOk, classifyOk, content, PNG, recordOk, staffId, startLetterApp, uploadOk } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient, chuyenvien: TestClient, others: Record<string, TestClient>;

const DENOUNCER = { name: 'Lương Thị Xuyến Chi', address: 'Số 7 ngõ Kín, thôn Tây', phone: '0987 111 222', email: 'xuyenchi.to.cao@example.vn', idNumber: '001199007777' };
const REPRESENTATIVE = { name: 'Đinh Văn Đồng Hành', idNumber: '001199008888' };
/** Every piece of the identity as it could leak: the values and their obvious forms. */
const SECRETS = [DENOUNCER.name, DENOUNCER.address, DENOUNCER.phone, '0987111222', DENOUNCER.email, DENOUNCER.idNumber, REPRESENTATIVE.name, REPRESENTATIVE.idNumber, 'Xuyến Chi', 'xuyen chi', 'xuyen-chi'];
const SCAN_NAME = 'don-to-cao-luong-thi-xuyen-chi.png';

function expectNoIdentity(text: string, where: string) {
  for (const s of SECRETS) expect(text.toLowerCase().includes(s.toLowerCase()), `${where} contains "${s}"`).toBe(false);
}

let letterId: string, caseId: string, scanId: string, code: string;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  lanhdao = await t.loginAs('lanhdao.anbinh');
  chuyenvien = await t.loginAs('chuyenvien.anbinh');
  others = {
    'reception officer who classified it': tiepdan,
    'specialist not assigned (before)': chuyenvien,
    'province inspector': await t.loginAs('thanhtra.tinh'),
    'province leader (above the unit, not its head)': await t.loginAs('lanhdao.tinh'),
    'province viewer': await t.loginAs('xem.tinh'),
  };
  // On the portal the writer calls it a feedback; the content is a denunciation, found at classification.
  const guest = t.anonymous();
  const scan = await uploadOk(guest, '/api/public/files', SCAN_NAME, PNG);
  scanId = scan.id;
  const res = await guest.request({
    method: 'POST',
    url: '/api/public/letters',
    payload: {
      unitId: await t.unitId('99001'),
      kind: 'feedback',
      subject: 'Phản ánh sai phạm khi thu tiền',
      content: 'Cán bộ địa chính xã thu tiền đo đạc không có biên lai của nhiều hộ trong thôn.',
      target: 'Ông Trần Văn Sai, cán bộ địa chính',
      writer: DENOUNCER,
      peopleCount: 6,
      representatives: [REPRESENTATIVE],
      attachments: [{ fileId: scan.id, name: SCAN_NAME }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  code = res.json<PublicLetterResult>().code;
  const list = (await tiepdan.get(`/api/letters?q=${encodeURIComponent(code)}`)).json<LetterPage>();
  letterId = list.items[0]?.id ?? '';
  const classified = await classifyOk(tiepdan, letterId, [content('denunciation', { summary: 'Tố cáo thu tiền không biên lai', target: 'Ông Trần Văn Sai' })]);
  caseId = classified.cases[0]?.id ?? '';
});
afterAll(() => t.close());

describe('at rest', () => {
  it('keeps no plaintext identity in a dump of the letters, cases, steps, files and audit tables', async () => {
    // The same dump does show a writer who is not protected (a classified petition): the check can fail.
    const control = await recordOk(tiepdan, { writer: { name: 'Võ Văn Đối Chứng', address: 'Thôn Bắc' } });
    await classifyOk(tiepdan, control.letter.id, [content('petition')]);
    const all = await queryRows<{ row: string }>(t.db, sql`select t::text as row from letters t`);
    expect(all.some((r) => r.row.includes('Võ Văn Đối Chứng'))).toBe(true);
    for (const table of ['letters', 'letter_cases', 'letter_case_letters', 'letter_files', 'files', 'workflow_steps', 'audit_log']) {
      const rows = await queryRows<{ row: string }>(t.db, sql`select t::text as row from ${sql.identifier(table)} t`);
      expect(rows.length, table).toBeGreaterThan(0);
      expectNoIdentity(rows.map((r) => r.row).join('\n'), `table ${table}`);
    }
    const [row] = await queryRows<{ writer_sealed: string; writer_keys: string[]; identity_protected: boolean; writer_name: string | null }>(
      t.db,
      sql`select writer_sealed, writer_keys, identity_protected, writer_name from letters where id = ${letterId}`,
    );
    expect(row).toMatchObject({ identity_protected: true, writer_name: null });
    expect(row?.writer_sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(row?.writer_keys.length).toBeGreaterThanOrEqual(4);
  });
});

describe('through the API', () => {
  it('answers every other role with the redaction only: the case, the letter, lists, search, the file name', async () => {
    for (const [who, client] of Object.entries(others)) {
      const c = await client.get(`/api/letter-cases/${caseId}`);
      expect(c.statusCode, who).toBe(200);
      expect(c.json<CaseView>().letter.identity).toMatchObject({ status: 'protected', notice: 'Người tố cáo được giữ bí mật', writer: null, canReveal: false });
      const l = await client.get(`/api/letters/${letterId}`);
      const answers = [c.body, l.body];
      answers.push((await client.get('/api/letter-cases?limit=200')).body, (await client.get('/api/letters?limit=200')).body);
      for (const q of [DENOUNCER.name, 'bao mat', DENOUNCER.phone, DENOUNCER.idNumber]) {
        const found = await client.get(`/api/letter-cases?q=${encodeURIComponent(q)}`);
        expect(found.json<CasePage>().items, `${who} searching ${q}`).toEqual([]);
        answers.push(found.body, (await client.get(`/api/letters?q=${encodeURIComponent(q)}`)).body);
      }
      expect((await client.get(`/api/letters/${letterId}/identity`)).statusCode, who).toBe(403);
      expect((await client.get(`/api/letters/${letterId}/files/${scanId}`)).statusCode, who).toBe(403);
      answers.forEach((a, i) => expectNoIdentity(a, `${who}, answer ${i}`));
    }
  });

  it('tells the writer nothing of the identity either, on tracking', async () => {
    const res = await t.anonymous().request({ method: 'GET', url: `/api/public/letters/${code}`, headers: { 'x-tracking-secret': 'wrong' } });
    expect(res.statusCode).toBe(404);
  });

  it('reveals the identity to the assigned handler and the head of the handling unit, with an audit entry that holds none of it', async () => {
    const handlerId = await staffId(chuyenvien);
    await actOk(lanhdao, caseId, 'assign', { assigneeId: handlerId });
    // The case page itself stays redacted: revealing is a deliberate, audited request.
    const page = (await chuyenvien.get(`/api/letter-cases/${caseId}`)).json<CaseView>();
    expect(page.letter.identity).toMatchObject({ status: 'protected', writer: null, canReveal: true });
    expect(page.letter.files.find((f) => f.fileId === scanId)).toMatchObject({ name: SCAN_NAME, restricted: true });
    for (const client of [chuyenvien, lanhdao]) {
      const res = await client.get(`/api/letters/${letterId}/identity`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<WriterView>()).toMatchObject({ name: DENOUNCER.name, idNumber: DENOUNCER.idNumber, representatives: [{ name: REPRESENTATIVE.name }] });
    }
    const file = await chuyenvien.get(`/api/letters/${letterId}/files/${scanId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload).toEqual(PNG);
    const reveals = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'letter'), eq(auditLog.entityId, letterId)));
    const actions = reveals.map((r) => [r.action, r.actorId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['letter.identity.reveal', handlerId],
        ['letter.identity.reveal', await staffId(lanhdao)],
        ['letter.file.reveal', handlerId],
      ]),
    );
    expectNoIdentity(JSON.stringify(reveals), 'the reveal audit entries');
    // Handled elsewhere now: the previous handler and head lose the right with the case.
    await actOk(lanhdao, caseId, 'transfer', { toUnitId: await t.unitId('99002'), data: { reason: 'Thẩm quyền phường' } });
    expect((await chuyenvien.get(`/api/letters/${letterId}/identity`)).statusCode).toBe(403);
    expect((await lanhdao.get(`/api/letters/${letterId}/identity`)).statusCode).toBe(403);
  });
});

describe('letters without a denunciation', () => {
  it('seals the writer until classification (reveal audited for those who classify), then shows and lists it', async () => {
    const { letter } = await recordOk(tiepdan, { writer: { name: 'Võ Văn Công Khai', address: 'Thôn Bắc' } });
    expect(letter.identity).toMatchObject({ status: 'sealed', writer: null, canReveal: true, has: { name: true, address: true, phone: false } });
    const viewer = others['province viewer'] as TestClient;
    expect((await viewer.get(`/api/letters/${letter.id}`)).json<LetterView>().identity.canReveal).toBe(false);
    expect((await viewer.get(`/api/letters/${letter.id}/identity`)).statusCode).toBe(403);
    expect((await tiepdan.get(`/api/letters/${letter.id}/identity`)).json<WriterView>().name).toBe('Võ Văn Công Khai');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'letter.identity.reveal'), eq(auditLog.entityId, letter.id)));
    expect(audit?.after).toMatchObject({ status: 'sealed' });
    await classifyOk(tiepdan, letter.id, [content('petition')]);
    const shown = (await viewer.get(`/api/letters/${letter.id}`)).json<LetterView>();
    expect(shown.identity).toMatchObject({ status: 'shown', writer: { name: 'Võ Văn Công Khai' } });
    const found = (await viewer.get(`/api/letter-cases?q=${encodeURIComponent('vo van cong khai')}`)).json<CasePage>();
    expect(found.items.map((i) => i.writerName)).toEqual(['Võ Văn Công Khai']);
  });

  it('protects a letter that mixes a complaint with a denunciation', async () => {
    const { letter } = await recordOk(tiepdan, { writer: { name: 'Tạ Thị Hỗn Hợp', address: 'Thôn Nam' } });
    const both = await classifyOk(tiepdan, letter.id, [content('complaint'), content('denunciation')]);
    expect(both.identity.status).toBe('protected');
    expect(both.cases.map((c) => c.writerName)).toEqual([null, null]);
  });
});
