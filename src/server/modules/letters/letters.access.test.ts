// Permissions across units and roles through HTTP: a unit's officers never see another unit's letters; the province sees its communes; transfers move who may act.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, LetterView } from '../../../common/letters.schema';
import type { CasePage, LetterCounts, LetterPage } from '../../../common/letters-inbox.schema';
import type { TestClient } from '../../testing/harness';
import { act, actOk, addStaff, caseOf, classify, content, errorOf, fieldPaths, record, recordOk, staffId, startLetterApp } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient, chuyenvien: TestClient, thanhtra: TestClient, viewer: TestClient, admin: TestClient, motcua: TestClient;
let tiepdanBM: TestClient, lanhdaoBM: TestClient;
let binhMinh: string;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  lanhdao = await t.loginAs('lanhdao.anbinh');
  chuyenvien = await t.loginAs('chuyenvien.anbinh');
  thanhtra = await t.loginAs('thanhtra.tinh');
  viewer = await t.loginAs('xem.tinh');
  admin = await t.loginAs('admin');
  motcua = await t.loginAs('motcua.anbinh');
  tiepdanBM = (await addStaff(t, 'tiepdan.binhminh', '99002', ['reception_officer'])).client;
  lanhdaoBM = (await addStaff(t, 'lanhdao.binhminh', '99002', ['leader'])).client;
  binhMinh = await t.unitId('99002');
});
afterAll(() => t.close());

describe('scoping to units', () => {
  it("never shows a commune's letters to another commune's officers: not by id, not in lists, counts or search", async () => {
    const countsBefore = (await tiepdanBM.get('/api/letters/counts')).json<LetterCounts>();
    const c = await caseOf(tiepdan, 'complaint', { subject: 'Đơn riêng của An Bình' });
    for (const client of [tiepdanBM, lanhdaoBM]) {
      expect((await client.get(`/api/letters/${c.letterId}`)).statusCode).toBe(404);
      expect((await client.get(`/api/letter-cases/${c.id}`)).statusCode).toBe(404);
      expect((await client.get(`/api/letters/${c.letterId}/identity`)).statusCode).toBe(404);
      expect((await act(client, c.id, 'accept', { data: { instance: 'first', complex: false, remoteArea: false } })).statusCode).toBe(404);
      expect((await classify(client, c.letterId, [content('petition')])).statusCode).toBe(404);
      const cases = (await client.get(`/api/letter-cases?q=${encodeURIComponent(c.code)}`)).json<CasePage>();
      expect(cases.items).toEqual([]);
      const letters = (await client.get('/api/letters?q=An%20B%C3%ACnh')).json<LetterPage>();
      expect(letters.items.map((l) => l.id)).not.toContain(c.letterId);
    }
    expect((await tiepdanBM.get('/api/letters/counts')).json<LetterCounts>()).toEqual(countsBefore);
    // The province's inspector and leader see their communes; the commune sees its own.
    for (const client of [thanhtra, tiepdan, viewer]) expect((await client.get(`/api/letter-cases/${c.id}`)).statusCode).toBe(200);
    expect((await thanhtra.get(`/api/letter-cases?q=${encodeURIComponent(c.code)}`)).json<CasePage>().items.map((i) => i.id)).toEqual([c.id]);
  });

  it('refuses intake and classification outside the officer\'s units, and roles that do not handle letters', async () => {
    expect((await record(tiepdan, { unitId: binhMinh })).statusCode).toBe(403);
    expect((await record(motcua)).statusCode).toBe(403);
    expect((await record(viewer)).statusCode).toBe(403);
    for (const client of [admin, motcua]) {
      expect((await client.get('/api/letter-cases')).statusCode).toBe(403);
      expect((await client.get('/api/letters')).statusCode).toBe(403);
    }
    const { letter } = await recordOk(tiepdan);
    const elsewhere = await classify(tiepdan, letter.id, [content('complaint', { unitId: binhMinh })]);
    expect(fieldPaths(elsewhere)).toEqual(['body.cases.0.unitId']);
    // A viewer monitors: reads, but takes no action and classifies nothing.
    const seen = (await viewer.get(`/api/letters/${letter.id}`)).json<LetterView>();
    expect(seen.actions).toEqual([]);
    expect((await classify(viewer, letter.id, [content('complaint')])).statusCode).toBe(403);
    // The province inspector may classify a commune's letter and send a content to another commune.
    const split = await classify(thanhtra, letter.id, [content('complaint'), content('feedback', { unitId: binhMinh })]);
    expect(split.statusCode, split.body).toBe(200);
    const [own, moved] = split.json<LetterView>().cases;
    expect(moved?.unit.id).toBe(binhMinh);
    expect((await tiepdanBM.get(`/api/letter-cases/${moved?.id}`)).statusCode).toBe(200);
    expect((await tiepdanBM.get(`/api/letter-cases/${own?.id}`)).statusCode).toBe(404);
  });
});

describe('who acts on a case', () => {
  it('lets only the assigned specialist process, the leader accept, and nobody act twice from the same state', async () => {
    const c = await caseOf(tiepdan, 'feedback');
    const guide = { data: { guidance: 'Liên hệ điện lực', reason: 'Không thuộc thẩm quyền' }, attachments: [] };
    expect((await act(chuyenvien, c.id, 'guide', guide)).statusCode).toBe(403);
    expect((await act(tiepdan, c.id, 'accept')).statusCode).toBe(200);
    expect(errorOf(await act(tiepdan, c.id, 'accept')).code).toBe('invalid_transition');
    expect((await act(tiepdan, c.id, 'assign', { assigneeId: await staffId(chuyenvien) })).statusCode).toBe(403);
  });

  it('moves a case to another unit: that unit now acts on it, the receiving unit still follows it, the handler is cleared', async () => {
    const c = await caseOf(tiepdan, 'petition');
    await actOk(lanhdao, c.id, 'assign', { assigneeId: await staffId(chuyenvien) });
    const moved = await actOk(tiepdan, c.id, 'transfer', { toUnitId: binhMinh, data: { reason: 'Thuộc thẩm quyền phường Bình Minh' } });
    expect(moved).toMatchObject({ unit: { id: binhMinh }, assigneeId: null, state: 'to_process' });
    expect(moved.dueAt).toBe(c.dueAt);
    expect((await tiepdan.get(`/api/letter-cases/${c.id}`)).json<CaseView>().actions).toEqual([]);
    const there = (await lanhdaoBM.get(`/api/letter-cases/${c.id}`)).json<CaseView>();
    expect(there.actions.map((a) => a.code)).toContain('accept');
    expect((await act(lanhdao, c.id, 'accept')).statusCode).toBe(403);
    await actOk(lanhdaoBM, c.id, 'accept');
  });
});
