// Letter statistics as they stood at a period's end: a case at the unit it was at then (moved since or not), a letter under
// the types of the cases it was held by then (a case's type never changes), and the result rule of the case row and of the SQL agreeing.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LetterStatsResult, LetterStatsRow } from '../../../../common/letter-stats.schema';
import type { CaseView } from '../../../../common/letters.schema';
import { queryRows } from '../../../db/rows';
import type { WorkflowDefinition } from '../../../platform/workflow/definition';
import { workflows } from '../../../platform/workflow/registry';
import type { TransitionResult } from '../../../platform/workflow/workflow.service';
import type { TestClient } from '../../../testing/harness';
import type { CaseWithUnits } from '../letter-cases.queries';
import { mirror, OUTCOME_OF } from '../letters.actions';
import { clock } from '../letters.clock';
import { RESULT_OF_ACTION, resultOf } from '../letters.results';
import { act, checks, classifyOk, content, fieldPaths, startLetterApp } from '../letters.test-helpers';
import { CASE_ENTITY, loadLetterWorkflows } from '../letters.workflows';
import { resultOfStep } from './stats.asof';
import { at, caseAt, letterAt, peopleOf, step, type LetterTestApp, type People } from './stats.test-data';

let t: LetterTestApp;
let p: People;
let tinh: TestClient;
const unit: Record<string, string> = {};
const realNow = clock.now;

beforeAll(async () => {
  t = await startLetterApp();
  for (const code of ['99001', '99002']) unit[code] = await t.unitId(code);
  p = await peopleOf(t);
  tinh = await t.loginAs('lanhdao.tinh');
}, 240_000);
afterEach(() => {
  clock.now = realNow;
});
afterAll(() => t.close());

async function stats(client: TestClient, query: string, asked: string): Promise<LetterStatsResult> {
  at(asked);
  const res = await client.get(`/api/letters/stats?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LetterStatsResult>();
}

const row = (r: LetterStatsResult, key: string): LetterStatsRow | undefined => r.rows.find((x) => x.key === key);
/** Letters and cases of the province's row of each commune. */
const byCommune = (r: LetterStatsResult) => ({
  anBinh: { letters: row(r, unit['99001'] ?? '')?.letters, cases: row(r, unit['99001'] ?? '')?.cases, inProgress: row(r, unit['99001'] ?? '')?.inProgress },
  binhMinh: { letters: row(r, unit['99002'] ?? '')?.letters, cases: row(r, unit['99002'] ?? '')?.cases, inProgress: row(r, unit['99002'] ?? '')?.inProgress },
});

const transfer = (client: TestClient, caseId: string, local: string, to: string) =>
  step(client, caseId, local, 'transfer', { toUnitId: to, data: { reason: 'Nội dung thuộc địa bàn đơn vị khác' } });

describe('GET /api/letters/stats: a case counts at the unit it was at the end of the period', () => {
  it('counts a case moved after the end at its old unit for that period, and at its new unit for a period including the move', async () => {
    const [anBinh, binhMinh] = [unit['99001'] ?? '', unit['99002'] ?? ''];
    // All received at An Bình in September. M1 and M3 are sent to Bình Minh in October; M2 was sent there
    // on 24 September and comes back to An Bình on 5 October.
    const m1 = await caseAt(p.tiepdanA, '2025-09-21T09:00:00', 'complaint');
    const m2 = await caseAt(p.tiepdanA, '2025-09-22T09:00:00', 'complaint');
    const m3 = await caseAt(p.tiepdanA, '2025-09-23T09:00:00', 'petition');
    await transfer(p.tiepdanA, m2, '2025-09-24T09:00:00', binhMinh);
    await transfer(p.tiepdanA, m1, '2025-10-02T09:00:00', binhMinh);
    await transfer(p.tiepdanA, m3, '2025-10-03T09:00:00', binhMinh);

    // Asked on 4 October: September has ended (M1 and M3 were still at An Bình on 30 September); the running
    // period counts them where they are now.
    const sept = 'from=2025-09-01&to=2025-09-30';
    const atEnd = { anBinh: { letters: 3, cases: 2, inProgress: 2 }, binhMinh: { letters: 0, cases: 1, inProgress: 1 } };
    expect(byCommune(await stats(tinh, sept, '2025-10-04T09:00:00'))).toEqual(atEnd);
    const running = await stats(tinh, 'from=2025-09-01&to=2025-10-04', '2025-10-04T09:00:00');
    expect(running.period.current).toBe(true);
    expect(byCommune(running)).toEqual({ anBinh: { letters: 3, cases: 0, inProgress: 0 }, binhMinh: { letters: 0, cases: 3, inProgress: 3 } });

    await transfer(tinh, m2, '2025-10-05T09:00:00', anBinh);
    // Asked in November: September is as it stood at its end whatever moved since; September and October count each case
    // at the unit it was at on 31 October.
    expect(byCommune(await stats(tinh, sept, '2025-11-10T09:00:00'))).toEqual(atEnd);
    const both = await stats(tinh, 'from=2025-09-01&to=2025-10-31', '2025-11-10T09:00:00');
    expect(byCommune(both)).toEqual({ anBinh: { letters: 3, cases: 1, inProgress: 1 }, binhMinh: { letters: 0, cases: 2, inProgress: 2 } });
    expect(both.total).toMatchObject({ letters: 3, cases: 3 });

    // Each commune's own report, and by type and by month, counts the same cases.
    expect((await stats(p.tiepdanA, sept, '2025-11-10T09:00:00')).total).toMatchObject({ letters: 3, cases: 2 });
    expect((await stats(p.tiepdanB, sept, '2025-11-10T09:00:00')).total).toMatchObject({ letters: 0, cases: 1 });
    const sepType = await stats(p.tiepdanA, `${sept}&groupBy=type`, '2025-11-10T09:00:00');
    expect(sepType.rows.map((x) => [x.key, x.cases])).toEqual([
      ['complaint', 1],
      ['denunciation', 0],
      ['petition', 1],
      ['feedback', 0],
    ]);
    expect((await stats(p.tiepdanB, 'from=2025-09-01&to=2025-10-31&groupBy=month', '2025-11-10T09:00:00')).rows.map((x) => [x.key, x.cases])).toEqual([
      ['2025-09', 2],
      ['2025-10', 0],
    ]);
  });
});

describe('GET /api/letters/stats by type, as of the end of the period', () => {
  it("counts a letter under the types of the cases it was held by then: classified, filed or unfiled after the end changes only later periods", async () => {
    // T1: 3 Nov, a complaint K1. T4: 10 Nov, filed 11 Nov with K1; unfiled 3 Dec and classified 4 Dec into a feedback.
    // T2: 27 Nov, classified 2 Dec into a petition whose writer is not identified. T3: 28 Nov, filed 1 Dec with K1.
    const k1 = await caseAt(p.tiepdanA, '2025-11-03T09:00:00', 'complaint');
    const t4 = await letterAt(p.tiepdanA, '2025-11-10T09:00:00');
    at('2025-11-11T09:00:00');
    expect((await p.tiepdanA.post(`/api/letters/${t4.id}/mark-duplicate`, { caseId: k1 })).statusCode).toBe(200);
    const t2 = await letterAt(p.tiepdanA, '2025-11-27T09:00:00');
    const t3 = await letterAt(p.tiepdanA, '2025-11-28T09:00:00');
    at('2025-12-01T09:00:00');
    expect((await p.tiepdanA.post(`/api/letters/${t3.id}/mark-duplicate`, { caseId: k1 })).statusCode).toBe(200);
    at('2025-12-02T09:00:00');
    const unnamed = content('petition', { checks: checks('petition', true, { writerIdentified: false }), notProcessableReason: 'Không rõ người viết đơn' });
    await classifyOk(p.tiepdanA, t2.id, [unnamed]);
    at('2025-12-03T09:00:00');
    const unfiled = await p.tiepdanA.post(`/api/letters/${t4.id}/unmark-duplicate`, { reason: 'Nội dung khác với vụ việc đã có' });
    expect(unfiled.statusCode, unfiled.body).toBe(200);
    at('2025-12-04T09:00:00');
    await classifyOk(p.tiepdanA, t4.id, [content('feedback')]);

    const asked = '2026-01-10T09:00:00';
    const typeRows = (r: LetterStatsResult) => r.rows.map((x) => [x.key, x.letters, x.cases, x.toClassify, x.duplicates]);
    // End of November: T1 and T4 (its duplicate then) under complaint; T2 and T3 not classified yet; no petition, no feedback.
    const nov = await stats(p.tiepdanA, 'from=2025-11-01&to=2025-11-30&groupBy=type', asked);
    expect(typeRows(nov)).toEqual([
      ['complaint', 2, 1, 0, 1],
      ['denunciation', 0, 0, 0, 0],
      ['petition', 0, 0, 0, 0],
      ['feedback', 0, 0, 0, 0],
      ['unclassified', 2, 0, 2, 0],
    ]);
    expect(nov.total).toMatchObject({ letters: 4, toClassify: 2, duplicates: 1, cases: 1, anonymous: 0 });
    // The same by unit: the anonymous petition did not exist at the end of November.
    expect((await stats(p.tiepdanA, 'from=2025-11-01&to=2025-11-30', asked)).total).toEqual(nov.total);
    // End of December: T3 is K1's duplicate, T2 a petition (anonymous), T4 a feedback.
    const dec = await stats(p.tiepdanA, 'from=2025-11-01&to=2025-12-31&groupBy=type', asked);
    expect(typeRows(dec)).toEqual([
      ['complaint', 2, 1, 0, 1],
      ['denunciation', 0, 0, 0, 0],
      ['petition', 1, 1, 0, 0],
      ['feedback', 1, 1, 0, 0],
    ]);
    expect(dec.total).toMatchObject({ letters: 4, toClassify: 0, duplicates: 1, cases: 3, anonymous: 1 });
  });

  it('keeps a case under the type it was split with: no action takes or writes a type', async () => {
    const id = await caseAt(p.tiepdanA, '2025-08-05T09:00:00', 'complaint');
    at('2025-08-05T11:00:00');
    // The workflow's actions accept only their own fields: a type is refused with the field, and nothing changes.
    for (const [action, body] of [
      ['assign', { assigneeId: p.chuyenvienAId }],
      ['transfer', { toUnitId: unit['99002'], data: { reason: 'Sai loại đơn' } }],
    ] as const) {
      const res = await act(p.lanhdaoA, id, action, { ...body, data: { ...('data' in body ? body.data : {}), type: 'petition' } });
      expect(res.statusCode, action).toBe(400);
      expect(fieldPaths(res), action).toEqual(['body.data.type']);
    }
    const c = (await p.lanhdaoA.get(`/api/letter-cases/${id}`)).json<CaseView>();
    expect([c.type, c.workflowCode, c.seq]).toEqual(['complaint', 'letter_complaint', 1]);
    // The case row after any step of any case workflow (letters.actions.ts `mirror`, the one writer of a case after
    // its classification) never carries a type or a workflow, even with such fields in the step.
    for (const def of caseWorkflows())
      for (const a of def.actions) {
        const terminal = def.states.some((s) => s.code === a.to && s.terminal);
        const res = { step: { seq: 2, toUnitId: unit['99002'], toAgencyId: null, assigneeId: null, data: { type: 'petition', workflowCode: 'letter_petition' } }, state: a.to, previousState: 'to_process', terminal, dueAt: null };
        const fields = mirror({ unitId: unit['99001'], finishedAt: null } as unknown as CaseWithUnits, a.code, res as unknown as TransitionResult, !!a.transfer, new Date());
        expect(Object.keys(fields), `${def.code} ${a.code}`).not.toContain('type');
        expect(Object.keys(fields), `${def.code} ${a.code}`).not.toContain('workflowCode');
      }
  });
});

function caseWorkflows(): WorkflowDefinition[] {
  loadLetterWorkflows();
  return workflows
    .codes()
    .map((code) => workflows.get(code))
    .filter((d) => d.entityType === CASE_ENTITY);
}

describe('the result of a case: one rule for the case row and for the statistics', () => {
  it('reads the same result in TypeScript (the case row) and in SQL (a reopened case, from its steps) for every action of every case workflow', async () => {
    const samples: Array<{ i: number; action: string; data: Record<string, unknown> }> = [];
    for (const def of caseWorkflows())
      for (const a of def.actions) {
        const options = [...(a.requiredFields ?? []), ...(a.optionalFields ?? [])].flatMap((f) => (def.fields?.[f]?.options ?? []).map((o) => ({ [f]: o })));
        for (const data of [{}, { result: 'upheld' }, { result: 5 }, { result: null }, ...options]) samples.push({ i: samples.length, action: a.code, data });
      }
    const rows = await queryRows<{ i: number; result: string | null }>(
      t.db,
      sql`select s.i, ${resultOfStep()} as result from jsonb_to_recordset(${JSON.stringify(samples)}::jsonb) as s(i int, action text, data jsonb) order by s.i`,
    );
    expect(rows.map((r) => [samples[r.i]?.action, samples[r.i]?.data, r.result])).toEqual(samples.map((s) => [s.action, s.data, resultOf(s.action, s.data)]));
    // Not a vacuous agreement: each kind of result is among them.
    expect(new Set(rows.map((r) => r.result))).toEqual(new Set([null, 'upheld', 'partly_upheld', 'rejected', 'founded', 'partly_founded', 'unfounded', 'answered', 'withdrawn']));
  });

  it('gives every end state of the case workflows a decision or a result, from actions that exist', () => {
    const defs = caseWorkflows();
    for (const def of defs)
      for (const a of def.actions) {
        if (!def.states.some((s) => s.code === a.to && s.terminal)) continue;
        expect(Object.hasOwn(OUTCOME_OF, a.code) !== Object.hasOwn(RESULT_OF_ACTION, a.code), `${def.code}: ${a.code} → ${a.to}`).toBe(true);
      }
    for (const [action, rule] of Object.entries(RESULT_OF_ACTION)) {
      const uses = defs.flatMap((d) => d.actions.filter((a) => a.code === action).map((a) => ({ d, a })));
      expect(uses.length, action).toBeGreaterThan(0);
      // A result read from a field comes from a required field with its list of values.
      if ('field' in rule) for (const { d, a } of uses) expect([a.requiredFields?.includes(rule.field), !!d.fields?.[rule.field]?.options], `${d.code} ${action}`).toEqual([true, true]);
    }
  });
});
