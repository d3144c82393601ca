// The workflow engine on a real database: grants and units, limits, fields, transfers, deadlines, history, races and audit.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { startTestApp, type TestApp } from '../../testing/harness';
import type { Ctx } from '../auth/actor';
import { availableActions } from './engine';
import { act, appError, citizen, fieldPaths, newCase, oneStop, review, staffCtx, unitOf } from './workflow.test-helpers';
import { history, startCase, transitionFrom } from './workflow.service';

let t: TestApp;
let motcua: Ctx, chuyenvien: Ctx, lanhdao: Ctx, motcuaBM: Ctx, lanhdaoTinh: Ctx;
const P = { processingDays: 5 };
/** Vietnam local time → Date. */
const vn = (local: string) => new Date(`${local}+07:00`);
const endOf = (date: string) => vn(`${date}T23:59:59.999`);

beforeAll(async () => {
  t = await startTestApp();
  motcua = await staffCtx(t, 'motcua.anbinh');
  chuyenvien = await staffCtx(t, 'chuyenvien.anbinh');
  lanhdao = await staffCtx(t, 'lanhdao.anbinh');
  motcuaBM = await staffCtx(t, 'motcua.binhminh');
  lanhdaoTinh = await staffCtx(t, 'lanhdao.tinh');
});
afterAll(() => t.close());

describe('grants and units', () => {
  it('lets the one-stop officer of commune 99001 accept its cases but not those of ward 99002', async () => {
    const own = await newCase(t, citizen, oneStop, '99001');
    const other = await newCase(t, citizen, oneStop, '99002');
    expect(availableActions(oneStop, 'submitted', motcua.actor, own.unitPath, []).map((a) => a.code)).toEqual([
      'request_completion',
      'refuse',
      'accept',
      'stop',
      'withdraw',
    ]);
    expect(availableActions(oneStop, 'submitted', motcua.actor, other.unitPath, [])).toEqual([]);
    await appError(act(t, motcua, other, 'accept', {}, { params: P }), 403, 'forbidden');
    const res = await act(t, motcua, own, 'accept', {}, { params: P });
    expect(res.state).toBe('accepted');
    expect((await act(t, motcuaBM, other, 'accept', {}, { params: P })).state).toBe('accepted');
  });

  it('refuses an action from the wrong state with the current state and the allowed actions', async () => {
    const c = await newCase(t, citizen, oneStop, '99001');
    const err = await appError(act(t, motcua, c, 'return_result'), 409, 'invalid_transition');
    expect(err.details).toMatchObject({ state: 'submitted', reason: 'not_from_state', allowed: ['request_completion', 'refuse', 'accept', 'stop', 'withdraw'] });
    await appError(act(t, motcua, c, 'fly'), 409, 'invalid_transition');
  });

  it('runs the one-stop lifecycle: a specialist may not approve, one further request for documents at most', async () => {
    const c = await newCase(t, citizen, oneStop, '99001', { agencyCode: '99001.MC' });
    await act(t, motcua, c, 'accept', { data: { copies: 1, receivedDocuments: [{ name: 'Tờ khai', form: 'original', count: 1 }] } }, { params: P });
    const vhxh = await t.agencyId('99001.VHXH');
    const moved = await act(t, motcua, c, 'transfer', { toAgencyId: vhxh });
    const commune = await unitOf(t, '99001');
    expect(moved.step).toMatchObject({ fromUnitId: commune.id, toUnitId: commune.id, fromAgencyId: await t.agencyId('99001.MC'), toAgencyId: vhxh });
    await appError(act(t, chuyenvien, c, 'assign', { assigneeId: chuyenvien.actor.id }), 403, 'forbidden');
    await act(t, lanhdao, c, 'assign', { assigneeId: chuyenvien.actor.id });
    await act(t, chuyenvien, c, 'request_documents', { data: { reason: 'Thiếu bản sao', missingDocuments: [{ name: 'CCCD' }] } });
    await act(t, citizen, c, 'supplement', { attachments: [{ fileId: 'f1', name: 'cccd.pdf' }] });
    const again = await appError(
      act(t, chuyenvien, c, 'request_documents', { data: { reason: 'Lần hai', missingDocuments: [{ name: 'Sổ hộ khẩu' }] } }),
      409,
      'invalid_transition',
    );
    expect(again.details).toMatchObject({ reason: 'max_times_reached', state: 'processing' });
    expect(availableActions(oneStop, 'processing', chuyenvien.actor, c.unitPath, await history(t.db, 'dossier', c.id)).map((a) => a.code)).not.toContain(
      'request_documents',
    );
    await act(t, chuyenvien, c, 'submit_for_approval');
    await appError(act(t, chuyenvien, c, 'approve'), 403, 'forbidden');
    await act(t, lanhdao, c, 'return_for_rework', { note: 'Bổ sung căn cứ' });
    await act(t, chuyenvien, c, 'submit_for_approval');
    await act(t, lanhdaoTinh, c, 'approve', { data: { decisionNo: '12/QĐ-UBND' } });
    const done = await act(t, motcua, c, 'return_result', { data: { feesCollected: 8000 } });
    expect(done).toMatchObject({ state: 'returned', terminal: true });
    await appError(act(t, motcua, c, 'withdraw', { data: { reason: 'x' } }), 409, 'invalid_transition');

    const steps = await history(t.db, 'dossier', c.id);
    expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.map((s) => s.action)).toEqual([
      'start',
      'accept',
      'transfer',
      'assign',
      'request_documents',
      'supplement',
      'submit_for_approval',
      'return_for_rework',
      'submit_for_approval',
      'approve',
      'return_result',
    ]);
    expect(steps[5]).toMatchObject({ actorId: null, actorLabel: 'Nguyễn Văn Dân (công dân)', attachments: [{ fileId: 'f1', name: 'cccd.pdf' }] });
    expect(steps[3]?.assigneeId).toBe(chuyenvien.actor.id);
    expect(steps[4]?.data).toEqual({ reason: 'Thiếu bản sao', missingDocuments: [{ name: 'CCCD' }] });

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, c.id)).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(steps.map((s) => `dossier.${s.action}`));
    expect(audit[1]).toMatchObject({ actorId: motcua.actor.id, unitId: commune.id, before: { state: 'submitted', seq: 1 }, after: { state: 'accepted', seq: 2 } });
  });

  it('moves a case between agencies (liên thông): the step records both units and the new unit decides who may act', async () => {
    const c = await newCase(t, citizen, oneStop, '99001', { agencyCode: '99001.MC' });
    await act(t, motcua, c, 'accept', {}, { params: P });
    await act(t, motcua, c, 'transfer', { toAgencyId: await t.agencyId('99001.VHXH') });
    // The demo's specialist of Sở Tư pháp holds the role on the province, above the commune, but works the province's cases, not the commune's.
    const stp = await staffCtx(t, 'chuyenvien.stp');
    const notOurs = await appError(act(t, lanhdao, c, 'assign', { assigneeId: stp.actor.id }), 400, 'invalid_input');
    expect(fieldPaths(notOurs)).toEqual(['body.assigneeId']);
    await appError(act(t, lanhdao, c, 'forward', { toAgencyId: await t.agencyId('99.STP') }), 400, 'invalid_input');
    const fwd = await act(t, lanhdao, c, 'forward', { toAgencyId: await t.agencyId('99.STP'), note: 'Thuộc thẩm quyền Sở Tư pháp' });
    const [commune, province] = [await unitOf(t, '99001'), await unitOf(t, '99')];
    expect(fwd.step).toMatchObject({ fromUnitId: commune.id, toUnitId: province.id, toAgencyId: await t.agencyId('99.STP') });
    const atProvince = { ...c, unitPath: province.path };
    await appError(act(t, lanhdao, atProvince, 'assign', { assigneeId: lanhdao.actor.id }), 403, 'forbidden');
    // Processing is a specialist's: the province's leader may assign it, not take it on.
    const own = await appError(act(t, lanhdaoTinh, atProvince, 'assign', { assigneeId: lanhdaoTinh.actor.id }), 400, 'invalid_input');
    expect(fieldPaths(own)).toEqual(['body.assigneeId']);
    const assigned = await act(t, lanhdaoTinh, atProvince, 'assign', { assigneeId: stp.actor.id });
    expect(assigned.step).toMatchObject({ fromUnitId: province.id, toUnitId: province.id });
    // A unit and an agency that do not match, and an agency that does not exist.
    await appError(act(t, lanhdaoTinh, atProvince, 'forward', { toAgencyId: crypto.randomUUID(), note: 'x' }), 400, 'invalid_input');
  });
});

describe('input checks', () => {
  it('names every missing or malformed field', async () => {
    const c = await newCase(t, citizen, oneStop, '99001');
    const refuse = await appError(act(t, motcua, c, 'refuse', { data: { legalBasis: '' } }), 400, 'invalid_input');
    expect(fieldPaths(refuse)).toEqual(['body.data.legalBasis', 'body.data.reason']);
    const extra = await appError(act(t, motcua, c, 'request_completion', { data: { missingDocuments: [], foo: 1 } }), 400, 'invalid_input');
    // An undeclared key is named on its own path, with a message that says the action does not declare it.
    expect(fieldPaths(extra)).toEqual(['body.data.foo', 'body.data.missingDocuments']);
    expect((extra.details as { fields: unknown[] }).fields).toContainEqual({ path: 'body.data.foo', message: 'Field not declared for this action' });
    const notHere = await appError(act(t, motcua, c, 'accept', { assigneeId: motcua.actor.id, toUnitId: c.id }, { params: P }), 400, 'invalid_input');
    expect(fieldPaths(notHere)).toEqual(['body.assigneeId', 'body.toUnitId']);

    const r = await newCase(t, citizen, review, '99001');
    await act(t, chuyenvien, r, 'take');
    const decide = await appError(act(t, lanhdao, r, 'decide', { data: { decisionDate: '2026-02-30', score: 11, tags: ['a', 'b', 'c', 'd'] } }), 400, 'invalid_input');
    expect(fieldPaths(decide)).toEqual(['body.data.decisionDate', 'body.data.score', 'body.data.tags', 'body.note']);
    const ok = await act(t, lanhdao, r, 'decide', { note: 'Đồng ý', data: { decisionDate: '2026-03-02', score: 7 } });
    expect(ok.step.data).toEqual({ decisionDate: '2026-03-02', score: 7 });
    const moveCase = await newCase(t, citizen, review, '99001');
    const move = await appError(act(t, motcua, moveCase, 'move', { toUnitId: crypto.randomUUID() }), 400, 'invalid_input');
    expect(fieldPaths(move)).toEqual(['body.toUnitId']);
    const assign = await appError(act(t, chuyenvien, moveCase, 'take', { assigneeId: crypto.randomUUID() }), 400, 'invalid_input');
    expect(fieldPaths(assign)).toEqual(['body.assigneeId']);
  });
});

describe('deadlines from the working-day calendar', () => {
  it('counts 5 working days from a Friday afternoon after the cutoff from the next Monday', async () => {
    const late = await newCase(t, citizen, review, '99001', { now: vn('2026-03-13T15:30:00') });
    expect(late.result.dueAt).toEqual(endOf('2026-03-23'));
    const early = await newCase(t, citizen, review, '99001', { now: vn('2026-03-13T14:00:00') });
    expect(early.result.dueAt).toEqual(endOf('2026-03-20'));
    const dossier = await newCase(t, citizen, oneStop, '99001', { now: vn('2026-03-13T15:00:00') });
    expect(dossier.result.dueAt).toBeNull();
    const accepted = await act(t, motcua, dossier, 'accept', {}, { params: P, now: vn('2026-03-13T15:30:00') });
    expect(accepted.dueAt).toEqual(endOf('2026-03-23'));
  });

  it('keeps the running deadline, stops the clock while waiting and counts from the case start when told', async () => {
    const c = await newCase(t, citizen, review, '99001', { now: vn('2026-03-13T14:00:00') });
    expect((await act(t, chuyenvien, c, 'take', {}, { now: vn('2026-03-16T09:00:00') })).dueAt).toEqual(endOf('2026-03-20'));
    expect((await act(t, chuyenvien, c, 'ask', { data: { question: '?' } }, { now: vn('2026-03-17T09:00:00') })).dueAt).toBeNull();
    // Waited Wed, Thu, Fri: three working days added to the 20th.
    expect((await act(t, citizen, c, 'answer', {}, { now: vn('2026-03-20T09:00:00') })).dueAt).toEqual(endOf('2026-03-25'));
    const decided = await act(t, lanhdao, c, 'decide', { note: 'ok', data: { decisionDate: '2026-03-20' } }, { now: vn('2026-03-20T10:00:00') });
    expect(decided.dueAt).toEqual(endOf('2026-03-23')); // 10 calendar days from the 13th
  });

  it('extends with a new date only before the deadline and never into the past', async () => {
    const c = await newCase(t, citizen, review, '99001', { now: vn('2026-03-13T14:00:00') });
    const at = { now: vn('2026-03-18T10:00:00') };
    expect(fieldPaths(await appError(act(t, lanhdao, c, 'extend', {}, at), 400, 'invalid_input'))).toEqual(['body.dueOverride']);
    expect(fieldPaths(await appError(act(t, lanhdao, c, 'extend', { dueOverride: '2026-03-10' }, at), 400, 'invalid_input'))).toEqual(['body.dueOverride']);
    const ext = await act(t, lanhdao, c, 'extend', { dueOverride: '2026-03-27' }, at);
    expect(ext).toMatchObject({ state: 'open', previousState: 'open', dueAt: endOf('2026-03-27') });
    const late = await appError(act(t, lanhdao, c, 'extend', { dueOverride: '2026-04-10' }, { now: vn('2026-03-28T08:00:00') }), 409, 'invalid_transition');
    expect(late.details).toMatchObject({ reason: 'deadline_passed' });
    expect((await act(t, chuyenvien, c, 'take', {}, { now: vn('2026-03-28T08:00:00') })).dueAt).toEqual(endOf('2026-03-27'));
  });
});

describe('races', () => {
  it('turns two transitions from the same read state into one step and a 409', async () => {
    const c = await newCase(t, citizen, review, '99001');
    const seen = await history(t.db, review.entityType, c.id);
    const args = { def: review, entityType: review.entityType, entityId: c.id, caseUnitPath: c.unitPath, action: 'take', input: {} };
    await t.db.transaction((tx) => transitionFrom(tx, chuyenvien, args, seen));
    await appError(
      t.db.transaction((tx) => transitionFrom(tx, chuyenvien, args, seen)),
      409,
      'concurrent_transition',
    );
    await appError(act(t, lanhdao, c, 'cancel', { note: 'x' }, { expectedSeq: 1 }), 409, 'concurrent_transition');
    expect((await history(t.db, review.entityType, c.id)).map((s) => s.seq)).toEqual([1, 2]);
  });

  it('lets exactly one of two simultaneous transitions through', async () => {
    const c = await newCase(t, citizen, review, '99001');
    // Two clicks on the same button: on PostgreSQL both read seq 1 and race for seq 2; PGlite runs them in turn.
    const results = await Promise.allSettled([act(t, chuyenvien, c, 'take'), act(t, chuyenvien, c, 'take')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect(failed?.reason).toMatchObject({ status: 409 });
    expect(['concurrent_transition', 'invalid_transition']).toContain((failed?.reason as { code: string }).code);
    expect((await history(t.db, review.entityType, c.id)).map((s) => s.seq)).toEqual([1, 2]);
  });

  it('refuses to start a case twice', async () => {
    const c = await newCase(t, citizen, review, '99001');
    const unit = await unitOf(t, '99001');
    await appError(
      t.db.transaction((tx) => startCase(tx, citizen, { def: review, entityType: 'test_case', entityId: c.id, unitId: unit.id })),
      409,
      'case_exists',
    );
  });
});
