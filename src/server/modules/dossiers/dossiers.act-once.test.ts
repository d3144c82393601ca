// Actions answered minimally (Prefer: return=minimal) are written in one statement without a
// transaction: the whole lifecycle, the applicant's messages, idempotent retries, races between two
// actions on one dossier, a stale seq, and refusals that write nothing.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dossiers, idempotencyKeys, notifications, workflowSteps } from '../../db/schema';
import type { TestClient } from '../../testing/harness';
import { minimalActions, stepWriter } from '../../testing/minimal';
import { act, errorOf, intakeOk, startDossierApp, type DossierTestApp } from './dossiers.test-helpers';

let t: DossierTestApp;
let motcua: TestClient, chuyenvien: TestClient, lanhdao: TestClient, other: TestClient;
beforeAll(async () => {
  t = await startDossierApp();
  [motcua, chuyenvien, lanhdao, other] = await Promise.all([
    t.loginAs('motcua.anbinh'),
    t.loginAs('chuyenvien.anbinh'),
    t.loginAs('lanhdao.anbinh'),
    t.loginAs('motcua.binhminh'),
  ]);
});
afterAll(() => t.close());

const { minimal, okMinimal } = minimalActions<{ id: string; state: string; seq: number; assigneeId: string | null; unitName: string }>(act);

const stepsOf = (id: string) =>
  t.db.select().from(workflowSteps).where(and(eq(workflowSteps.entityType, 'dossier'), eq(workflowSteps.entityId, id))).orderBy(asc(workflowSteps.seq));
const rowOf = async (id: string) => (await t.db.select().from(dossiers).where(eq(dossiers.id, id)))[0]!;
const submitted = async () => (await intakeOk(motcua, { decision: 'none', applicant: { name: 'Trần Thị Mai', idNumber: '001190012345', phone: '0912345678', email: 'mai@example.vn' } })).dossier;

describe('an action written at once', () => {
  it('takes a dossier from intake to the returned result, mirrored on its row, audited, with the applicant told', async () => {
    const d = await submitted();
    const me = (await chuyenvien.get('/api/auth/session')).json<{ user: { id: string } }>().user.id;
    const vhxh = await t.agencyId('99001.VHXH');
    expect(await okMinimal(motcua, d.id, 'accept', { data: { copies: 1 } })).toMatchObject({ id: d.id, state: 'accepted', seq: 2 });
    expect(await okMinimal(motcua, d.id, 'transfer', { toAgencyId: vhxh })).toMatchObject({ state: 'transferred', seq: 3 });
    expect(await okMinimal(lanhdao, d.id, 'assign', { assigneeId: me })).toMatchObject({ state: 'processing', assigneeId: me });
    expect(await okMinimal(chuyenvien, d.id, 'submit_for_approval', { note: 'Đủ điều kiện' })).toMatchObject({ state: 'pending_approval' });
    expect(await okMinimal(lanhdao, d.id, 'approve', { data: { decisionNo: '15/GXN-UBND' } })).toMatchObject({ state: 'result_ready' });
    expect(await okMinimal(motcua, d.id, 'return_result', { data: { feesCollected: 0 } })).toMatchObject({ state: 'returned', seq: 7 });

    const steps = await stepsOf(d.id);
    expect(steps.map((s) => [s.seq, s.action])).toEqual([
      [1, 'start'],
      [2, 'accept'],
      [3, 'transfer'],
      [4, 'assign'],
      [5, 'submit_for_approval'],
      [6, 'approve'],
      [7, 'return_result'],
    ]);
    expect(steps[2]).toMatchObject({ toAgencyId: vhxh, data: {} });
    expect(steps[5]?.data).toEqual({ decisionNo: '15/GXN-UBND' });
    const row = await rowOf(d.id);
    expect(row).toMatchObject({ state: 'returned', seq: 7, agencyId: vhxh, assigneeId: me });
    expect(row.receivedAt).not.toBeNull();
    expect(row.finishedAt).not.toBeNull();
    expect(['early', 'on_time']).toContain(row.resultKind);
    // A finished dossier has no running deadline; its timeliness is in resultKind.
    expect(row.dueAt).toBeNull();

    const audit = await t.db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, d.id)).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action).slice(-6)).toEqual(['dossier.accept', 'dossier.transfer', 'dossier.assign', 'dossier.submit_for_approval', 'dossier.approve', 'dossier.return_result']);
    expect(audit.at(-1)?.after).toMatchObject({ state: 'returned', seq: 7, stepId: steps[6]?.id });

    const sent = await t.db.select().from(notifications).where(and(eq(notifications.entityType, 'dossier'), eq(notifications.entityId, d.id)));
    const told = (template: string) => sent.filter((m) => m.template === template).map((m) => m.channel).sort();
    expect(told('dossier.accepted')).toEqual(['email', 'sms']);
    expect(told('dossier.returned')).toEqual(['email', 'sms']);
  });

  it('replays a retry with the same key, refuses the key for another request, and acts once', async () => {
    const d = await submitted();
    const key = `once-${d.id}`;
    const [a, b] = await Promise.all([minimal(motcua, d.id, 'accept', { data: { copies: 2 } }, key), minimal(motcua, d.id, 'accept', { data: { copies: 2 } }, key)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toEqual(b.json());
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    const again = await minimal(motcua, d.id, 'accept', { data: { copies: 2 } }, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(a.json());
    const reused = await minimal(motcua, d.id, 'accept', { data: { copies: 3 } }, key);
    expect(reused.statusCode).toBe(422);
    expect((await stepsOf(d.id)).map((s) => s.action)).toEqual(['start', 'accept']);
    expect(await t.db.$count(idempotencyKeys, eq(idempotencyKeys.key, key))).toBe(1);
  });

  it('lets one of several racing actions through and checks the other against the dossier as it became', async () => {
    const d = await submitted();
    const results = await Promise.all([
      minimal(motcua, d.id, 'accept', { data: { copies: 1 } }),
      minimal(motcua, d.id, 'refuse', { data: { reason: 'Không thuộc thẩm quyền', legalBasis: 'Điều 10' } }),
      minimal(motcua, d.id, 'accept', { data: { copies: 1 } }),
      // The web app's action (the whole page): a transaction that locks the row, racing the others.
      act(motcua, d.id, 'accept', { data: { copies: 1 } }),
    ]);
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode, r.body).toBe(409);
      expect(errorOf(r).code).toMatch(/^(invalid_transition|concurrent_transition)$/);
    }
    const steps = await stepsOf(d.id);
    expect(steps.map((s) => s.seq)).toEqual([1, 2]);
    const row = await rowOf(d.id);
    expect(row.seq).toBe(2);
    expect(row.state).toBe(steps[1]?.toState);
    expect(await t.db.$count(auditLog, and(eq(auditLog.entityId, d.id), eq(auditLog.action, `dossier.${steps[1]?.action}`)))).toBe(1);
  });

  it('acts on each of several dossiers whose actions arrive together, each on its own record', async () => {
    const [a, b, c] = [await submitted(), await submitted(), await submitted()];
    // Sent at once, so that the server reads the dossiers together (db/batched.ts): three accepts,
    // a refusal of the third racing its accept, another commune's officer, an unknown dossier.
    const results = await Promise.all([
      minimal(motcua, a.id, 'accept', { data: { copies: 1 } }),
      minimal(motcua, b.id, 'accept', { data: { copies: 2 } }),
      minimal(other, c.id, 'accept', { data: { copies: 1 } }),
      minimal(motcua, c.id, 'refuse', { data: { reason: 'Không thuộc thẩm quyền', legalBasis: 'Điều 10' } }),
      minimal(motcua, crypto.randomUUID(), 'accept', { data: { copies: 1 } }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 404, 200, 404]);
    const answered = [0, 1, 3].map((i) => results[i]!.json<{ id: string; state: string; seq: number }>());
    expect(answered.map((x) => [x.id, x.state, x.seq])).toEqual([
      [a.id, 'accepted', 2],
      [b.id, 'accepted', 2],
      [c.id, 'refused', 2],
    ]);
    for (const [d, action] of [[a, 'accept'], [b, 'accept'], [c, 'refuse']] as const) {
      expect((await stepsOf(d.id)).map((s) => s.action)).toEqual(['start', action]);
    }
    expect((await stepsOf(b.id))[1]?.data).toMatchObject({ copies: 2 });
  });

  it('writes actions of one kind arriving together in one statement, and each alone when one of them cannot be written', async () => {
    const [a, b, c, d, e, f] = await Promise.all(Array.from({ length: 6 }, () => submitted()));
    // The transaction that wrote each step (its row's xmin): one commit for the four accepts (a
    // statement joins 8, 4, 2 or 1 of them: workflow.batched.ts).
    const writer = (id: string) => stepWriter(t.db, 'dossier', id, 2);
    const four = [a!, b!, c!, d!];
    const together = await Promise.all(four.map((x, i) => minimal(motcua, x.id, 'accept', { data: { copies: i + 1 } })));
    expect(together.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const writers = await Promise.all(four.map((x) => writer(x.id)));
    expect(writers[0]).toBeDefined();
    expect(new Set(writers).size).toBe(1);
    for (const [i, x] of four.entries()) {
      expect((await stepsOf(x.id)).map((s) => [s.seq, s.action, s.data])).toEqual([[1, 'start', {}], [2, 'accept', { copies: i + 1 }]]);
      expect(await rowOf(x.id)).toMatchObject({ state: 'accepted', seq: 2 });
    }
    // Two accepts of e in one statement cannot both hold: each action is written alone, f's too.
    const raced = await Promise.all([minimal(motcua, e!.id, 'accept', { data: { copies: 1 } }), minimal(motcua, f!.id, 'accept', { data: { copies: 1 } }), minimal(motcua, e!.id, 'accept', { data: { copies: 1 } }), minimal(motcua, e!.id, 'accept', { data: { copies: 1 } })]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 200, 409, 409]);
    expect(raced[1]?.statusCode).toBe(200);
    for (const x of [e!, f!]) {
      expect((await stepsOf(x.id)).map((s) => s.action)).toEqual(['start', 'accept']);
      expect(await t.db.$count(auditLog, and(eq(auditLog.entityId, x.id), eq(auditLog.action, 'dossier.accept')))).toBe(1);
      expect(await rowOf(x.id)).toMatchObject({ state: 'accepted', seq: 2 });
    }
  });

  it('answers 409 for a stale seq, 403 for an action outside the role and 404 outside the unit, writing nothing', async () => {
    const d = await submitted();
    const stale = await minimal(motcua, d.id, 'accept', { data: { copies: 1 }, expectedSeq: 5 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('concurrent_transition');
    expect((await minimal(chuyenvien, d.id, 'accept', { data: { copies: 1 } })).statusCode).toBe(403);
    expect((await minimal(other, d.id, 'accept', { data: { copies: 1 } })).statusCode).toBe(404);
    const bad = await minimal(motcua, d.id, 'accept', { data: { copies: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.fields?.map((f) => f.path)).toEqual(['body.data.copies']);
    expect((await stepsOf(d.id)).map((s) => s.action)).toEqual(['start']);
    expect(await rowOf(d.id)).toMatchObject({ state: 'submitted', seq: 1, receivedAt: null });
    expect(await t.db.$count(notifications, and(eq(notifications.entityId, d.id), eq(notifications.template, 'dossier.accepted')))).toBe(0);
  });
});
