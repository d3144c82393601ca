// Case actions answered minimally (Prefer: return=minimal) are written in one statement without a
// transaction: a petition's case to its answer, the writer's messages, idempotent retries, races
// between actions on one case (the web app's whole-page action among them), a stale seq, refusals
// that write nothing, and an answer that carries nothing of the writer.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseActionAck } from '../../../common/letters.schema';
import { auditLog, idempotencyKeys, letterCases, notifications, workflowSteps } from '../../db/schema';
import type { TestClient } from '../../testing/harness';
import { minimalActions, stepWriter } from '../../testing/minimal';
import { act, caseOf, errorOf, staffId, startLetterApp, WRITER } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient, chuyenvien: TestClient, other: TestClient;
let chuyenvienId: string;
beforeAll(async () => {
  t = await startLetterApp();
  [tiepdan, lanhdao, chuyenvien, other] = await Promise.all([
    t.loginAs('tiepdan.anbinh'),
    t.loginAs('lanhdao.anbinh'),
    t.loginAs('chuyenvien.anbinh'),
    t.loginAs('motcua.binhminh'),
  ]);
  chuyenvienId = await staffId(chuyenvien);
});
afterAll(() => t.close());

const { minimal, okMinimal } = minimalActions<CaseActionAck>(act);

const ANSWER = { answer: 'Xã sẽ sửa cống thoát nước trong quý I.', documentNumber: '30/UBND-VP', documentDate: '2026-11-25', signer: 'Phó Chủ tịch UBND xã' };
const stepsOf = (id: string) =>
  t.db.select().from(workflowSteps).where(and(eq(workflowSteps.entityType, 'letter_case'), eq(workflowSteps.entityId, id))).orderBy(asc(workflowSteps.seq));
const rowOf = async (id: string) => (await t.db.select().from(letterCases).where(eq(letterCases.id, id)))[0]!;
const petition = () => caseOf(tiepdan, 'petition', { writer: { ...WRITER, email: 'khieu@example.vn' } });

describe('a case action written at once', () => {
  it('takes a petition from the desk to its answer, mirrored on its row, audited, with the writer told', async () => {
    const p = await petition();
    const assigned = await okMinimal(lanhdao, p.id, 'assign', { assigneeId: chuyenvienId });
    expect(assigned).toEqual({ id: p.id, code: p.code, state: 'to_process', seq: 2, unitId: p.unit.id, assigneeId: chuyenvienId, dueAt: p.dueAt, visible: true });
    const accepted = await okMinimal(lanhdao, p.id, 'accept');
    expect(accepted).toMatchObject({ state: 'answering', seq: 3, assigneeId: chuyenvienId });
    expect(accepted.dueAt).not.toBeNull();
    expect(await okMinimal(chuyenvien, p.id, 'submit_report', { data: { report: 'Dự thảo trả lời' } })).toMatchObject({ state: 'reported', seq: 4, dueAt: accepted.dueAt });
    expect(await okMinimal(lanhdao, p.id, 'answer', { data: ANSWER })).toMatchObject({ state: 'answered', seq: 5, dueAt: null });

    const steps = await stepsOf(p.id);
    expect(steps.map((s) => [s.seq, s.action])).toEqual([
      [1, 'start'],
      [2, 'assign'],
      [3, 'accept'],
      [4, 'submit_report'],
      [5, 'answer'],
    ]);
    expect(steps[4]?.data).toEqual(ANSWER);
    const row = await rowOf(p.id);
    expect(row).toMatchObject({ state: 'answered', seq: 5, assigneeId: chuyenvienId, outcome: 'accepted', result: 'answered', dueAt: null });
    expect(row.acceptedAt).not.toBeNull();
    expect(row.finishedAt).not.toBeNull();
    // The page reads what was written.
    const page = await lanhdao.get(`/api/letter-cases/${p.id}`);
    expect(page.json()).toMatchObject({ state: 'answered', seq: 5, result: 'answered', outcome: 'accepted', assignee: { id: chuyenvienId } });

    const audit = await t.db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, p.id)).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action).slice(-4)).toEqual(['letter_case.assign', 'letter_case.accept', 'letter_case.submit_report', 'letter_case.answer']);
    expect(audit.at(-1)?.after).toMatchObject({ state: 'answered', seq: 5, stepId: steps[4]?.id });

    const sent = await t.db.select().from(notifications).where(and(eq(notifications.entityType, 'letter'), eq(notifications.entityId, p.letterId)));
    const told = (template: string) => sent.filter((m) => m.template === template).map((m) => m.channel).sort();
    expect(told('letter.accepted')).toEqual(['email', 'sms']);
    expect(told('letter.resolved')).toEqual(['email', 'sms']);
    for (const m of sent) expect(m.recipient).toMatch(/^sealed:v1\./);

    // Publishing goes through the transaction (the publication's row), answered minimally all the same.
    const published = await okMinimal(lanhdao, p.id, 'publish_answer', { data: { publishedSummary: 'Kiến nghị sửa cống', publishedText: 'Xã sẽ sửa cống trong quý I.' } });
    expect(published).toMatchObject({ state: 'answered', seq: 6 });
    expect((await t.anonymous().get(`/api/public/letter-answers/${encodeURIComponent(p.code)}`)).statusCode).toBe(200);
  });

  it('answers nothing of the writer', async () => {
    const d = await caseOf(tiepdan, 'denunciation', { writer: { ...WRITER, email: 'khieu@example.vn' } });
    const res = await minimal(lanhdao, d.id, 'assign', { assigneeId: chuyenvienId });
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json<object>()).sort()).toEqual(['assigneeId', 'code', 'dueAt', 'id', 'seq', 'state', 'unitId', 'visible']);
    for (const part of [WRITER.name, WRITER.phone, WRITER.address, WRITER.idNumber, 'khieu@example.vn', d.summary]) expect(res.body).not.toContain(part);
  });

  it('replays a retry with the same key, refuses the key for another request, and acts once', async () => {
    const p = await petition();
    const key = `once-${p.id}`;
    const [a, b] = await Promise.all([minimal(lanhdao, p.id, 'assign', { assigneeId: chuyenvienId }, key), minimal(lanhdao, p.id, 'assign', { assigneeId: chuyenvienId }, key)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toEqual(b.json());
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    const again = await minimal(lanhdao, p.id, 'assign', { assigneeId: chuyenvienId }, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(a.json());
    const reused = await minimal(lanhdao, p.id, 'assign', { assigneeId: await staffId(lanhdao) }, key);
    expect(reused.statusCode).toBe(422);
    expect((await stepsOf(p.id)).map((s) => s.action)).toEqual(['start', 'assign']);
    expect(await t.db.$count(idempotencyKeys, eq(idempotencyKeys.key, key))).toBe(1);
  });

  it('lets one of several racing acceptances through, the web app’s whole-page one among them', async () => {
    const p = await petition();
    const results = await Promise.all([
      minimal(lanhdao, p.id, 'accept'),
      minimal(tiepdan, p.id, 'accept'),
      minimal(lanhdao, p.id, 'accept'),
      // The web app's action (the whole page): a transaction that locks the row, racing the others.
      act(lanhdao, p.id, 'accept'),
    ]);
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode, r.body).toBe(409);
      expect(errorOf(r).code).toMatch(/^(invalid_transition|concurrent_transition)$/);
    }
    expect((await stepsOf(p.id)).map((s) => s.seq)).toEqual([1, 2]);
    expect(await rowOf(p.id)).toMatchObject({ state: 'answering', seq: 2 });
    expect(await t.db.$count(auditLog, and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'letter_case.accept')))).toBe(1);
    expect(await t.db.$count(notifications, and(eq(notifications.entityId, p.letterId), eq(notifications.template, 'letter.accepted')))).toBe(2);
  });

  it('checks a loser again against the case as it became: two different actions both pass, without a gap in seq', async () => {
    const p = await petition();
    const [assign, accept] = await Promise.all([minimal(lanhdao, p.id, 'assign', { assigneeId: chuyenvienId }), act(lanhdao, p.id, 'accept')]);
    expect([assign.statusCode, accept.statusCode], `${assign.body} ${accept.body}`).toEqual([200, 200]);
    const steps = await stepsOf(p.id);
    expect(steps.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(steps.map((s) => s.action).sort()).toEqual(['accept', 'assign', 'start']);
    expect(await rowOf(p.id)).toMatchObject({ state: 'answering', seq: 3, assigneeId: chuyenvienId });
  });

  it('acts on each of several cases whose actions arrive together, each on its own record', async () => {
    const [a, b, c] = [await petition(), await petition(), await petition()];
    // Sent at once, so that the server reads the cases together (db/batched.ts).
    const results = await Promise.all([
      minimal(lanhdao, a.id, 'assign', { assigneeId: chuyenvienId }),
      minimal(lanhdao, b.id, 'accept'),
      minimal(other, c.id, 'accept'),
      minimal(lanhdao, crypto.randomUUID(), 'accept'),
      minimal(lanhdao, c.id, 'assign', { assigneeId: chuyenvienId }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 404, 404, 200]);
    const answered = [0, 1, 4].map((i) => results[i]!.json<CaseActionAck>());
    expect(answered.map((x) => [x.id, x.state, x.seq])).toEqual([
      [a.id, 'to_process', 2],
      [b.id, 'answering', 2],
      [c.id, 'to_process', 2],
    ]);
    for (const [x, action] of [[a, 'assign'], [b, 'accept'], [c, 'assign']] as const) {
      expect((await stepsOf(x.id)).map((s) => s.action)).toEqual(['start', action]);
    }
    // The two assignments, of one shape, were written by one statement (docs/decisions/0011): one transaction.
    const writer = (id: string) => stepWriter(t.db, 'letter_case', id, 2);
    const [wa, wb, wc] = [await writer(a.id), await writer(b.id), await writer(c.id)];
    expect(wa).toBeDefined();
    expect(wc).toBe(wa);
    expect(wb).not.toBe(wa);
  });

  it('answers 409 for a stale seq, 403 outside the role, 404 outside the unit and 400 for bad input, writing nothing', async () => {
    const p = await petition();
    const stale = await minimal(lanhdao, p.id, 'accept', { expectedSeq: 5 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('concurrent_transition');
    expect((await minimal(chuyenvien, p.id, 'assign', { assigneeId: chuyenvienId })).statusCode).toBe(403);
    expect((await minimal(other, p.id, 'accept')).statusCode).toBe(404);
    const bad = await minimal(lanhdao, p.id, 'return_letter', { data: { reason: 'Không rõ nội dung' } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.fields?.map((f) => f.path)).toContain('body.data.documentNumber');
    expect((await stepsOf(p.id)).map((s) => s.action)).toEqual(['start']);
    expect(await rowOf(p.id)).toMatchObject({ state: 'to_process', seq: 1, acceptedAt: null });
    expect(await t.db.$count(notifications, and(eq(notifications.entityId, p.letterId), eq(notifications.template, 'letter.accepted')))).toBe(0);
  });
});
