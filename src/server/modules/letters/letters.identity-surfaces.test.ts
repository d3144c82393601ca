// Protection of denouncers on every later surface: duplicates and the case's writers, published answers, Open311, statistics and CSV, the outbox and messages to superiors, the audit trail, tracking, a dump of every table; the reveal after reassignment, transfer and a duplicate. The writer's own words in the content, subject and reopen reason: letters.identity-text.test.ts.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicateSuggestions } from '../../../common/letter-duplicates.schema';
import type { PublicationView } from '../../../common/letter-resolution.schema';
import type { CaseView, LetterView, PublicLetterResult } from '../../../common/letters.schema';
import type { LetterPage } from '../../../common/letters-inbox.schema';
import { queryRows } from '../../db/rows';
import { LogEmailSender, LogSmsSender } from '../../platform/notify/senders';
import type { TestClient } from '../../testing/harness';
import { BASE, issueKey, postForm } from '../open311/open311.test-helpers';
import { runDeadlineAlerts } from './letters.escalation';
import { act, actOk, addStaff, caseOf, classifyOk, content, fieldPaths, recordOk, staffId, startLetterApp } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient, chuyenvien: TestClient, others: Record<string, TestClient>;
const logged: Array<Record<string, unknown>> = [];

const DENOUNCER = { name: 'Quách Thị Diễm Kiều', address: 'Số 19 ngách Kín, xóm Đồi Mây', phone: '0976 543 210', email: 'diemkieu.quach@example.vn', idNumber: '034188006543' };
const REPRESENTATIVE = { name: 'Lò Văn Đồng Tố', idNumber: '034188006544' };
/** The identity however it could leak: the values and their obvious forms (folded, digits only, +84). */
const SECRETS = [DENOUNCER.name, 'quach thi diem kieu', 'Diễm Kiều', DENOUNCER.address, 'ngách Kín', DENOUNCER.phone, '0976543210', '976543210', '976 543 210', DENOUNCER.email, DENOUNCER.idNumber, REPRESENTATIVE.name, REPRESENTATIVE.idNumber];
/** A petitioner whose answer is published: the identity is in plaintext in the database (not protected) but never on the portal. */
const PETITIONER = { name: 'Hà Thị Tuyết Nhung', address: 'Xóm Bến, xã An Bình', phone: '0915 222 444', email: 'tuyetnhung.ha@example.vn', idNumber: '036190004444' };
const PETITIONER_SECRETS = [PETITIONER.name, 'Tuyết Nhung', PETITIONER.phone, '0915222444', '915 222 444', PETITIONER.email, PETITIONER.idNumber];

function expectNone(text: string, secrets: readonly string[], where: string) {
  for (const s of secrets) expect(text.toLowerCase().includes(s.toLowerCase()), `${where} contains "${s}"`).toBe(false);
}
const expectNoIdentity = (text: string, where: string) => expectNone(text, SECRETS, where);

let letterId: string, caseId: string, caseCode: string, code: string, secret: string, dupId: string, openId: string, openCode: string;

async function letterIdOf(c: string): Promise<string> {
  return (await tiepdan.get(`/api/letters?q=${encodeURIComponent(c)}`)).json<LetterPage>().items[0]?.id ?? '';
}

beforeAll(async () => {
  t = await startLetterApp();
  const sink = { info: (obj: object) => void logged.push(obj as Record<string, unknown>) };
  t.app.notifier.email = new LogEmailSender(sink);
  t.app.notifier.sms = new LogSmsSender(sink);
  tiepdan = await t.loginAs('tiepdan.anbinh');
  lanhdao = await t.loginAs('lanhdao.anbinh');
  chuyenvien = await t.loginAs('chuyenvien.anbinh');
  // The head of the unit has an e-mail address for the escalation messages.
  const admin = await t.loginAs('admin');
  expect((await admin.request({ method: 'PATCH', url: `/api/staff/${await staffId(lanhdao)}`, payload: { email: 'lanhdao@anbinh.example.vn' } })).statusCode).toBe(200);
  others = {
    'reception officer who classified it': tiepdan,
    'specialist not assigned': chuyenvien,
    'province inspector': await t.loginAs('thanhtra.tinh'),
    'province leader': await t.loginAs('lanhdao.tinh'),
    'province viewer': await t.loginAs('xem.tinh'),
  };
  // A denunciation sent on the portal as feedback, found at classification.
  const res = await t.anonymous().post('/api/public/letters', {
    unitId: await t.unitId('99001'),
    kind: 'feedback',
    subject: 'Phản ánh cán bộ thu tiền cấp sổ đỏ',
    content: 'Cán bộ địa chính xã đòi mỗi hộ xóm Đồi Mây nộp ba triệu đồng mới làm hồ sơ cấp giấy chứng nhận quyền sử dụng đất.',
    target: 'Ông Trần Văn Thu, cán bộ địa chính',
    writer: DENOUNCER,
    peopleCount: 3,
    representatives: [REPRESENTATIVE],
  });
  expect(res.statusCode, res.body).toBe(201);
  ({ code, secret } = res.json<PublicLetterResult>());
  letterId = await letterIdOf(code);
  const classified = await classifyOk(tiepdan, letterId, [content('denunciation', { summary: 'Tố cáo cán bộ địa chính đòi tiền làm sổ đỏ', target: 'Ông Trần Văn Thu' })]);
  caseId = classified.cases[0]?.id ?? '';
  caseCode = classified.cases[0]?.code ?? '';
  // The same writer again at the desk, with the same matter: a duplicate, still sealed.
  dupId = (
    await recordOk(tiepdan, {
      subject: 'Tố cáo cán bộ địa chính đòi tiền',
      content: 'Cán bộ địa chính xã đòi mỗi hộ xóm Đồi Mây nộp ba triệu đồng mới làm hồ sơ cấp giấy chứng nhận quyền sử dụng đất, đến nay chưa ai xử lý.',
      target: 'Ông Trần Văn Thu',
      writer: DENOUNCER,
    })
  ).letter.id;
}, 180_000);
afterAll(() => t.close());

describe('duplicates', () => {
  it('suggests the case by its content, never as "the same writer", and names no writer; filed with it, the case lists both letters without writers', async () => {
    const res = await tiepdan.get(`/api/letters/${dupId}/duplicates`);
    expect(res.statusCode, res.body).toBe(200);
    const found = res.json<DuplicateSuggestions>().items.find((i) => i.caseId === caseId);
    expect(found, res.body).toMatchObject({ writerName: null });
    expect(found?.reasons).not.toContain('same_writer');
    expectNoIdentity(res.body, 'suggestions');
    const marked = await tiepdan.post(`/api/letters/${dupId}/mark-duplicate`, { caseId });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json<LetterView>()).toMatchObject({ identityProtected: true, writerName: null, identity: { status: 'protected', writer: null } });
    for (const [who, client] of Object.entries(others)) {
      const c = await client.get(`/api/letter-cases/${caseId}`);
      expect(c.statusCode, who).toBe(200);
      expect(c.json<CaseView>().letters.map((l) => [l.id, l.writerName, l.identityProtected])).toEqual([
        [letterId, null, true],
        [dupId, null, true],
      ]);
      const answers = [c.body, (await client.get(`/api/letters/${dupId}`)).body, (await client.get(`/api/letters/${dupId}/duplicates`)).body];
      answers.forEach((a, i) => expectNoIdentity(a, `${who}, answer ${i}`));
      expect((await client.get(`/api/letters/${dupId}/identity`)).statusCode, who).toBe(403);
    }
  });
});

describe('Open311', () => {
  it('shows a request without its writer, and hides it once found to be a denunciation', async () => {
    const { apiKey } = await issueKey(t);
    const posted = await postForm(t, {
      api_key: apiKey,
      service_code: 'CSCC',
      lat: '10.7769',
      long: '106.7009',
      address_string: 'Đường liên thôn, xã An Bình',
      description: 'Đèn đường trước cổng trụ sở xã hỏng, cán bộ nói phải nộp tiền mới sửa.',
      'attribute[tinh_trang]': 'khong_sang',
      first_name: 'Diễm Kiều',
      last_name: 'Quách Thị',
      email: DENOUNCER.email,
      phone: DENOUNCER.phone,
    });
    expect(posted.statusCode, posted.body).toBe(201);
    openCode = posted.json<Array<{ service_request_id: string }>>()[0]?.service_request_id ?? '';
    const before = [await t.app.inject({ method: 'GET', url: `${BASE}/requests.json` }), await t.app.inject({ method: 'GET', url: `${BASE}/requests/${openCode}.json` })];
    for (const r of before) expect(r.statusCode, r.body).toBe(200);
    before.forEach((r, i) => expectNoIdentity(r.body, `Open311 answer ${i}`));
    openId = await letterIdOf(openCode);
    await classifyOk(tiepdan, openId, [content('denunciation')]);
    expect((await t.app.inject({ method: 'GET', url: `${BASE}/requests/${openCode}.json` })).statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: `${BASE}/requests.json` });
    expect(list.body).not.toContain(openCode);
    expectNoIdentity(list.body, 'Open311 list after');
  });
});

describe('published answers', () => {
  it('never publishes a denunciation; publishes a petition only without its writer\'s details, however the officer writes them', async () => {
    expect((await act(lanhdao, caseId, 'publish_answer', { data: { publishedSummary: 'x', publishedText: 'y' } })).statusCode).not.toBe(200);
    const chuyenvienId = await staffId(chuyenvien);
    const c = await caseOf(tiepdan, 'petition', { writer: PETITIONER, subject: 'Kiến nghị làm đèn', content: 'Đề nghị lắp đèn đường xóm Bến.' }, { summary: 'Kiến nghị lắp đèn đường xóm Bến' });
    await actOk(lanhdao, c.id, 'accept');
    await actOk(lanhdao, c.id, 'assign', { assigneeId: chuyenvienId });
    await actOk(chuyenvien, c.id, 'submit_report', { data: { report: 'Đề xuất trả lời' } });
    const answer = `Trả lời bà ${PETITIONER.name} (ĐT ${PETITIONER.phone}, email ${PETITIONER.email}, CCCD ${PETITIONER.idNumber}): xã sẽ lắp đèn trong quý I năm 2027.`;
    await actOk(lanhdao, c.id, 'answer', { data: { answer, documentNumber: '46/UBND-VP', documentDate: '2026-11-30', signer: 'Chủ tịch UBND xã' } });
    const draft = (await lanhdao.get(`/api/letter-cases/${c.id}/publication`)).json<PublicationView>().draft;
    expectNone(JSON.stringify(draft), PETITIONER_SECRETS, 'the draft');
    // Each detail after a form of address or in its usual shape is redacted the same with or without the writer: still refused.
    for (const leak of [`Trả lời bà ${PETITIONER.name}: đồng ý.`, `Liên hệ 0915.222.444: đồng ý.`, `Thư ${PETITIONER.email}: đồng ý.`, `CCCD 036 190 004 444: đồng ý.`]) {
      const res = await act(lanhdao, c.id, 'publish_answer', { data: { publishedSummary: draft.publishedSummary, publishedText: leak } });
      expect(res.statusCode, leak).toBe(400);
      expect(fieldPaths(res), leak).toEqual(['body.data.publishedText']);
    }
    await actOk(lanhdao, c.id, 'publish_answer', { data: draft });
    const pub = t.anonymous();
    const answers = [(await pub.get('/api/public/letter-answers?limit=100')).body, (await pub.get(`/api/public/letter-answers/${c.code}`)).body];
    expect(answers[1]).toContain('xã sẽ lắp đèn');
    expect((await pub.get(`/api/public/letter-answers/${caseCode}`)).statusCode).toBe(404);
    answers.forEach((a, i) => {
      expectNone(a, PETITIONER_SECRETS, `public answer ${i}`);
      expectNoIdentity(a, `public answer ${i}`);
    });
  });
});

describe('statistics, tracking, messages', () => {
  it('counts the letters in the statistics and CSV without a writer, for every role that reads them', async () => {
    for (const [who, client] of Object.entries(others))
      for (const url of ['/api/letters/stats?groupBy=unit', '/api/letters/stats?groupBy=type', '/api/letters/stats.csv?groupBy=month']) {
        const res = await client.get(url);
        expect(res.statusCode, `${who} ${url}`).toBe(200);
        expectNoIdentity(res.body, `${who} ${url}`);
      }
  });

  it('tracks the letter by code and secret without the identity', async () => {
    const res = await t.anonymous().request({ method: 'GET', url: `/api/public/letters/${code}`, headers: { 'x-tracking-secret': secret } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(code);
    expectNoIdentity(res.body, 'tracking');
  });

  it('seals the writer in the outbox and names nobody in messages, to the writer or to the superiors the overdue case escalates to', async () => {
    const escalated = await runDeadlineAlerts(t.db, new Date(Date.now() + 400 * 86_400_000));
    expect(escalated.escalations).toBeGreaterThan(0);
    await t.drainOutbox();
    const rows = await queryRows<{ recipient: string; entity_id: string; row: string }>(t.db, sql`select recipient, entity_id, n::text as row from notifications n`);
    const toWriter = rows.filter((r) => [letterId, dupId, openId].includes(r.entity_id));
    expect(toWriter.length).toBeGreaterThan(0);
    expect(toWriter.every((r) => r.recipient.startsWith('sealed:'))).toBe(true);
    expect(rows.some((r) => r.entity_id === caseId && !r.recipient.startsWith('sealed:'))).toBe(true);
    expectNoIdentity(rows.map((r) => r.row).join('\n'), 'the outbox');
    expect(logged.length).toBeGreaterThan(0);
    expectNoIdentity(JSON.stringify(logged), 'the messages sent');
  });
});

describe('who may reveal', () => {
  it('only the assigned handler and the head of the handling unit, after reassignment and transfer, each reveal audited without the identity', async () => {
    const second = await addStaff(t, 'xuly2.anbinh', '99001', ['specialist']);
    const headBM = await addStaff(t, 'lanhdao2.binhminh', '99002', ['leader']);
    // 403, or 404 for one who may not even see the letter.
    const reveal = async (client: TestClient, id = letterId) => ((await client.get(`/api/letters/${id}/identity`)).statusCode === 200 ? 200 : 403);
    await actOk(lanhdao, caseId, 'assign', { assigneeId: await staffId(chuyenvien) });
    expect([await reveal(chuyenvien), await reveal(lanhdao), await reveal(second.client), await reveal(headBM.client)]).toEqual([200, 200, 403, 403]);
    // The letter filed with the case as a duplicate follows the case: its handler and head reveal its writer too.
    expect([await reveal(chuyenvien, dupId), await reveal(lanhdao, dupId), await reveal(second.client, dupId), await reveal(headBM.client, dupId)]).toEqual([200, 200, 403, 403]);
    await actOk(lanhdao, caseId, 'assign', { assigneeId: second.id });
    expect([await reveal(chuyenvien), await reveal(lanhdao), await reveal(second.client)]).toEqual([403, 200, 200]);
    await actOk(lanhdao, caseId, 'transfer', { toUnitId: await t.unitId('99002'), data: { reason: 'Thẩm quyền phường' } });
    expect([await reveal(chuyenvien), await reveal(lanhdao), await reveal(second.client), await reveal(headBM.client)]).toEqual([403, 403, 403, 200]);
    expect([await reveal(lanhdao, dupId), await reveal(headBM.client, dupId)]).toEqual([403, 200]);
    for (const client of Object.values(others)) expect([await reveal(client), await reveal(client, dupId)]).toEqual([403, 403]);
    const audit = await queryRows<{ actor_id: string; row: string }>(t.db, sql`select actor_id, a::text as row from audit_log a where action = 'letter.identity.reveal' and entity_id = ${letterId}`);
    expect(audit.map((a) => a.actor_id)).toEqual(expect.arrayContaining([await staffId(chuyenvien), await staffId(lanhdao), second.id, headBM.id]));
    expectNoIdentity(audit.map((a) => a.row).join('\n'), 'the reveal audit entries');
  });
});

describe('at rest, after all of it', () => {
  it('keeps no plaintext identity in any text or JSON column of any table', async () => {
    const tables = await queryRows<{ name: string }>(t.db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
    expect(tables.map((x) => x.name)).toEqual(expect.arrayContaining(['letters', 'letter_case_letters', 'letter_publications', 'notifications', 'audit_log', 'open311_requests']));
    let all = '';
    for (const { name } of tables) {
      const rows = await queryRows<{ row: string }>(t.db, sql`select t::text as row from ${sql.identifier(name)} t`);
      const text = rows.map((r) => r.row).join('\n');
      expectNoIdentity(text, `table ${name}`);
      all += text;
    }
    // The check can fail: the petitioner, not protected, is in plaintext in the letters.
    expect(all.includes(PETITIONER.name)).toBe(true);
  });

  it('holds, for every letter of the database (the demo\'s too): no plaintext on a protected letter, and every letter of a denunciation case protected', async () => {
    const [row] = await queryRows<{ plaintext: number; unprotected: number; protected: number }>(
      t.db,
      sql`select
        (select count(*) from letters where identity_protected and (coalesce(writer_name, writer_address, writer_phone, writer_email, writer_id_number) is not null or coalesce(jsonb_array_length(representatives), 0) > 0))::int as plaintext,
        (select count(*) from letter_case_letters x join letter_cases c on c.id = x.case_id join letters l on l.id = x.letter_id where c.type = 'denunciation' and not l.identity_protected)::int as unprotected,
        (select count(*) from letters where identity_protected)::int as protected`,
    );
    expect([row?.plaintext, row?.unprotected]).toEqual([0, 0]);
    expect(row?.protected).toBeGreaterThanOrEqual(3);
  });
});
