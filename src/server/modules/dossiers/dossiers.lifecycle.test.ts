// The one-stop lifecycle through the HTTP API: desk intake → accept → transfer → assign → process → approve → return, with codes, deadlines, audit and the inbox.
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierCounts, DossierPage, DossierView } from '../../../common/dossiers.schema';
import { auditLog, dossiers } from '../../db/schema';
import { formatDate, dayOfInstant } from '../../platform/calendar/local-date';
import type { TestClient } from '../../testing/harness';
import { actOk, act, errorOf, intakeOk, startDossierApp, type DossierTestApp } from './dossiers.test-helpers';

let t: DossierTestApp;
let motcua: TestClient, chuyenvien: TestClient, lanhdao: TestClient;
beforeAll(async () => {
  t = await startDossierApp();
  [motcua, chuyenvien, lanhdao] = await Promise.all([t.loginAs('motcua.anbinh'), t.loginAs('chuyenvien.anbinh'), t.loginAs('lanhdao.anbinh')]);
});
afterAll(() => t.close());

describe('demo data', () => {
  it('seeds dossiers in several states, one of them overdue, visible to the province leader', async () => {
    const tinh = await t.loginAs('lanhdao.tinh');
    const page = (await tinh.get('/api/dossiers?limit=200')).json<DossierPage>();
    expect(new Set(page.items.map((i) => i.state))).toEqual(
      new Set(['submitted', 'accepted', 'processing', 'pending_approval', 'returned', 'needs_completion', 'refused', 'transferred']),
    );
    const overdue = (await tinh.get('/api/dossiers?due=overdue')).json<DossierPage>().items;
    expect(overdue.map((i) => i.procedureCode)).toEqual(['2.000575']);
  });

  it('pages the inbox by keyset, most urgent first, without repeats or gaps', async () => {
    const tinh = await t.loginAs('lanhdao.tinh');
    const all = (await tinh.get('/api/dossiers?limit=200')).json<DossierPage>().items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await tinh.get(`/api/dossiers?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json<DossierPage>();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((i) => i.id));
    const due = all.filter((i) => i.dueAt).map((i) => Date.parse(i.dueAt ?? ''));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect((await tinh.get('/api/dossiers?cursor=bad')).statusCode).toBe(400);
  });
});

describe('desk lifecycle', () => {
  it('receives at the desk with a readable code and an appointment, then transfers, assigns, processes, approves and returns', async () => {
    const { dossier: d, secret, trackingUrl } = await intakeOk(motcua, { data: { copies: 1, receivedDocuments: [{ name: 'Tờ khai', form: 'original', count: 1 }] } });
    const today = formatDate(dayOfInstant(new Date())).replace(/-/g, '').slice(2);
    expect(d.code).toMatch(new RegExp(`^99001\\.MC-${today}-\\d{4}$`));
    expect(secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(trackingUrl).toBe(`/tra-cuu/${encodeURIComponent(d.code)}`);
    expect(d).toMatchObject({ state: 'accepted', channel: 'desk', procedureCode: '1.004873', processingDays: 2, seq: 2 });
    expect(d.receivedAt).not.toBeNull();
    expect(d.dueAt).toMatch(/T23:59:59\.999\+07:00$/);
    expect(d.steps.map((s) => s.action)).toEqual(['start', 'accept']);
    expect(d.actions.map((a) => a.code)).toEqual(['transfer', 'stop', 'withdraw', 'extend']);
    // Only the hash is kept.
    const [row] = await t.db.select().from(dossiers).where(eq(dossiers.id, d.id));
    expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);

    const vhxh = await t.agencyId('99001.VHXH');
    const moved = await actOk(motcua, d.id, 'transfer', { toAgencyId: vhxh });
    expect(moved).toMatchObject({ state: 'transferred', agency: { id: vhxh, name: 'Phòng Văn hóa - Xã hội' }, dueAt: d.dueAt });

    // The leader sees it waiting to be assigned, with the assign action.
    const counts = (await lanhdao.get('/api/dossiers/counts')).json<DossierCounts>();
    expect(counts.toAssign).toBeGreaterThanOrEqual(1);
    const page = (await lanhdao.get(`/api/dossiers/${d.id}`)).json<DossierView>();
    expect(page.actions.map((a) => a.code)).toContain('assign');

    const me = (await chuyenvien.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
    const assigned = await actOk(lanhdao, d.id, 'assign', { assigneeId: me, note: 'Đồng chí Nam xử lý' });
    expect(assigned).toMatchObject({ state: 'processing', assignee: { id: me, name: 'Hoàng Văn Nam' } });
    const mine = (await chuyenvien.get('/api/dossiers?assignee=me&state=processing')).json<DossierPage>();
    expect(mine.items.map((i) => i.id)).toContain(d.id);
    expect((await chuyenvien.get('/api/dossiers/counts')).json<DossierCounts>().toProcess).toBeGreaterThanOrEqual(1);

    // An integration's answer (Prefer: return=minimal): the inbox row and the seq, no page; a retry replays it.
    const minimal = { prefer: 'return=minimal', 'idempotency-key': `min-${d.id}` };
    const sent = await act(chuyenvien, d.id, 'submit_for_approval', { note: 'Đủ điều kiện' }, minimal);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.headers['preference-applied']).toBe('return=minimal');
    const ack = sent.json<Record<string, unknown>>();
    expect(ack).toMatchObject({ id: d.id, code: d.code, state: 'pending_approval', seq: 5, assigneeId: me, dueAt: d.dueAt });
    expect(ack).not.toHaveProperty('steps');
    expect(ack).not.toHaveProperty('actions');
    const retried = await act(chuyenvien, d.id, 'submit_for_approval', { note: 'Đủ điều kiện' }, minimal);
    expect(retried.statusCode).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json()).toEqual(ack);
    expect((await lanhdao.get('/api/dossiers/counts')).json<DossierCounts>().toApprove).toBeGreaterThanOrEqual(1);
    const approved = await actOk(lanhdao, d.id, 'approve', { data: { decisionNo: '15/GXN-UBND' } });
    expect(approved.state).toBe('result_ready');
    const done = await actOk(motcua, d.id, 'return_result', { data: { feesCollected: 15000 } });
    expect(done).toMatchObject({ state: 'returned', actions: [] });
    expect(done.finishedAt).not.toBeNull();
    expect(['early', 'on_time']).toContain(done.resultKind);
    expect(done.steps.map((s) => s.action)).toEqual(['start', 'accept', 'transfer', 'assign', 'submit_for_approval', 'approve', 'return_result']);
    expect(done.steps[2]).toMatchObject({ toAgencyId: vhxh });

    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, d.id)).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual([
      'dossier.create',
      'dossier.start',
      'dossier.accept',
      'dossier.transfer',
      'dossier.assign',
      'dossier.submit_for_approval',
      'dossier.approve',
      'dossier.return_result',
    ]);
    const again = await act(motcua, d.id, 'withdraw', { data: { reason: 'x' } });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('invalid_transition');
  });

  it('gives dossiers received one after the other ids in that order (UUID version 7), which the database sorts the same way', async () => {
    const received: string[] = [];
    for (let i = 0; i < 3; i++) received.push((await intakeOk(motcua, { decision: 'none' })).dossier.id);
    for (const id of received) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...received].sort()).toEqual(received);
    const rows = await t.db.select({ id: dossiers.id }).from(dossiers).where(inArray(dossiers.id, received)).orderBy(asc(dossiers.id));
    expect(rows.map((r) => r.id)).toEqual(received);
  });

  it('records a request to complete listing every missing document, then the resubmitted file is accepted', async () => {
    const { dossier: d } = await intakeOk(motcua, {
      decision: 'request_completion',
      data: { missingDocuments: [{ name: 'Bản sao CCCD', form: 'copy', count: 1 }, { name: 'Tờ khai', form: 'original' }], guidance: 'Bổ sung trong 5 ngày' },
    });
    expect(d).toMatchObject({ state: 'needs_completion', dueAt: null, receivedAt: null });
    expect(d.steps[1]?.data).toMatchObject({ missingDocuments: [{ name: 'Bản sao CCCD' }, { name: 'Tờ khai' }] });
    await actOk(motcua, d.id, 'resubmit');
    const accepted = await actOk(motcua, d.id, 'accept', { data: { copies: 1 } });
    expect(accepted.state).toBe('accepted');
    expect(accepted.dueAt).not.toBeNull();
  });

  it('records a refusal with reason and legal basis as a finished dossier', async () => {
    const { dossier: d } = await intakeOk(motcua, { decision: 'refuse', data: { reason: 'Không thuộc thẩm quyền', legalBasis: 'Điều 15 Nghị định 118/2025/NĐ-CP' } });
    expect(d).toMatchObject({ state: 'refused', resultKind: 'refused', actions: [] });
    expect(d.finishedAt).not.toBeNull();
  });

  it('limits the further request for documents to one, and the clock stops while waiting', async () => {
    const { dossier: d } = await intakeOk(motcua);
    await actOk(motcua, d.id, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH') });
    const me = (await chuyenvien.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
    await actOk(lanhdao, d.id, 'assign', { assigneeId: me });
    const waiting = await actOk(chuyenvien, d.id, 'request_documents', { data: { reason: 'Thiếu giấy tờ', missingDocuments: [{ name: 'Giấy xác nhận cư trú' }] } });
    expect(waiting).toMatchObject({ state: 'awaiting_documents', dueAt: null });
    const back = await actOk(motcua, d.id, 'supplement');
    expect(back.state).toBe('processing');
    expect(back.dueAt).toBe(d.dueAt);
    expect(back.actions.map((a) => a.code)).not.toContain('request_documents');
    const second = await act(chuyenvien, d.id, 'request_documents', { data: { reason: 'Lần hai', missingDocuments: [{ name: 'Sổ hộ khẩu' }] } });
    expect(second.statusCode).toBe(409);
    expect(errorOf(second)).toMatchObject({ code: 'invalid_transition', details: { reason: 'max_times_reached' } });
  });
});
