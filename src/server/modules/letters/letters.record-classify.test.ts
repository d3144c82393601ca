// A letter recorded and classified in one request (POST /api/letters with `classification`): the same
// letter, cases, history, audit entries and messages as the two requests, all or nothing, once per key.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, LetterView, StaffLetterAck, StaffLetterResult } from '../../../common/letters.schema';
import { queryRows } from '../../db/rows';
import type { TestClient } from '../../testing/harness';
import { anBinhStaff, classifyOk, content, countRows, errorOf, fieldPaths, record, recordOk, startLetterApp } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient, chuyenvien: TestClient;
let binhMinh: string;

beforeAll(async () => {
  t = await startLetterApp();
  ({ tiepdan, lanhdao, chuyenvien } = await anBinhStaff(t));
  binhMinh = await t.unitId('99002');
});
afterAll(() => t.close());

const TABLES = ['letters', 'letter_cases', 'workflow_steps', 'audit_log', 'notifications'] as const;
const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (n) => [n, await countRows(t, n)] as const))) as Record<(typeof TABLES)[number], number>;

/** What a letter and its cases left behind: their steps, audit entries and the writer's messages, by kind. */
async function trail(letter: LetterView) {
  const ids = [letter.id, ...letter.cases.map((c) => c.id)];
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const of = async (q: ReturnType<typeof sql>) => (await queryRows<{ k: string }>(t.db, q)).map((r) => r.k).sort();
  return {
    steps: await of(sql`select entity_type || ':' || action as k from workflow_steps where entity_id::text in (${list})`),
    audit: await of(sql`select entity_type || ':' || action as k from audit_log where entity_id::text in (${list})`),
    messages: await of(sql`select channel || ':' || template as k from notifications where entity_id in (${list})`),
  };
}

const classification = (over: Record<string, unknown> = {}) => ({ cases: [content('petition', { summary: 'Kiến nghị sửa đường liên thôn' })], ...over });

describe('recording a letter with its classification', () => {
  it('records and classifies it in one request, as the two requests would', async () => {
    const one = await recordOk(tiepdan, { classification: classification({ note: 'Phân loại ngay khi tiếp nhận' }) });
    expect(one.letter).toMatchObject({ state: 'classified', caseCount: 1, actions: [], identity: { status: 'shown', writer: { name: 'Nguyễn Văn Khiếu' } } });
    expect(one.letter.steps.map((s) => [s.action, s.note])).toEqual([
      ['start', null],
      ['classify', 'Phân loại ngay khi tiếp nhận'],
    ]);
    expect(one.letter.cases).toMatchObject([{ code: `${one.letter.code}.1`, type: 'petition', state: 'to_process', processable: true, summary: 'Kiến nghị sửa đường liên thôn' }]);
    expect(one.secret).toBeTruthy();
    // The page read afterwards is the one the answer showed.
    const read = (await tiepdan.get(`/api/letters/${one.letter.id}`)).json<LetterView>();
    expect(read.cases.map((c) => c.id)).toEqual(one.letter.cases.map((c) => c.id));
    const kase = (await lanhdao.get(`/api/letter-cases/${one.letter.cases[0]?.id}`)).json<CaseView>();
    expect(kase.actions.map((a) => a.code)).toContain('accept');

    const rec = await recordOk(tiepdan);
    const two = await classifyOk(tiepdan, rec.letter.id, [content('petition', { summary: 'Kiến nghị sửa đường liên thôn' })]);
    const left = await trail(one.letter);
    expect(left).toEqual(await trail(two));
    expect(left.steps).toEqual(['letter:classify', 'letter:start', 'letter_case:start']);
    expect(left.audit).toEqual(expect.arrayContaining(['letter:letter.create', 'letter_case:letter_case.create']));
    expect(left.messages.length).toBeGreaterThan(0);
    expect(one.letter.cases[0]?.dueAt).toBe(two.cases[0]?.dueAt);
  });

  it('seals the writer of a letter classified a denunciation as it is recorded, in the answer and afterwards', async () => {
    const { letter } = await recordOk(tiepdan, { classification: { cases: [content('denunciation'), content('petition')] } });
    expect(letter).toMatchObject({ identityProtected: true, writerName: null, identity: { status: 'protected', writer: null, canReveal: false } });
    expect(letter.cases.map((c) => [c.type, c.writerName])).toEqual([
      ['denunciation', null],
      ['petition', null],
    ]);
    const read = (await tiepdan.get(`/api/letters/${letter.id}`)).json<LetterView>();
    expect(read).toMatchObject({ identityProtected: true, identity: { status: 'protected', writer: null } });
  });

  it('names a bad classification under body.classification and writes nothing', async () => {
    const before = await counts();
    const schema = await record(tiepdan, { classification: { cases: [content('petition', { summary: '' })], extra: 1 } });
    expect(schema.statusCode).toBe(400);
    expect(fieldPaths(schema)).toEqual(['body.classification.cases.0.summary', 'body.classification.extra']);

    const checked = await record(tiepdan, {
      classification: { cases: [content('petition', { checks: { inVietnamese: true } }), content('complaint', { unitId: binhMinh, aboutRegulation: true })] },
    });
    expect(checked.statusCode, checked.body).toBe(400);
    expect(fieldPaths(checked)).toEqual([
      'body.classification.cases.0.checks.dated',
      'body.classification.cases.0.checks.statesContent',
      'body.classification.cases.0.checks.writerIdentified',
      'body.classification.cases.1.aboutRegulation',
      'body.classification.cases.1.unitId',
    ]);
    // The letter's first step is seq 1: another seq is a stale form.
    const stale = await record(tiepdan, { classification: classification({ expectedSeq: 2 }) });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('concurrent_transition');
    expect(await counts()).toEqual(before);
  });

  it('refuses someone who may not record or classify there, and writes nothing', async () => {
    const before = await counts();
    // A specialist may do neither; a leader classifies but does not record letters.
    for (const who of [chuyenvien, lanhdao]) {
      const res = await record(who, { classification: classification() });
      expect(res.statusCode, res.body).toBe(403);
    }
    // Recorded for a unit outside the officer's scope.
    expect((await record(tiepdan, { unitId: binhMinh, classification: classification() })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('answers where the letter and its cases stand, and nothing of the writer, to Prefer: return=minimal', async () => {
    const minimal = { prefer: 'return=minimal', 'idempotency-key': 'letters-record-minimal-0001' };
    const res = await record(tiepdan, { classification: { cases: [content('petition'), content('feedback')] } }, minimal);
    expect(res.statusCode, res.body).toBe(201);
    const ack = res.json<StaffLetterAck>();
    expect(Object.keys(ack.letter).sort()).toEqual(['cases', 'code', 'dueAt', 'id', 'seq', 'state', 'unitId']);
    expect(ack.letter).toMatchObject({ state: 'classified', seq: 2, dueAt: null });
    expect(ack.letter.cases.map((c) => [c.code, c.state, c.visible])).toEqual([
      [`${ack.letter.code}.1`, 'to_process', true],
      [`${ack.letter.code}.2`, 'to_process', true],
    ]);
    expect(ack.secret).toBeTruthy();
    expect(res.body).not.toContain('Nguyễn Văn Khiếu');
    // The letter and its cases are the ones its page shows; a retry gets the same answer.
    const page = (await tiepdan.get(`/api/letters/${ack.letter.id}`)).json<LetterView>();
    expect(page.cases.map((c) => [c.id, c.state, c.dueAt])).toEqual(ack.letter.cases.map((c) => [c.id, c.state, c.dueAt]));
    expect(page.steps.map((s) => s.action)).toEqual(['start', 'classify']);
    const again = await record(tiepdan, { classification: { cases: [content('petition'), content('feedback')] } }, minimal);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<StaffLetterAck>()).toEqual(ack);
    // Without a classification: the letter as received, no case yet.
    const plain = (await record(tiepdan, {}, { prefer: 'return=minimal' })).json<StaffLetterAck>();
    expect(plain.letter).toMatchObject({ state: 'received', seq: 1, cases: [] });
    expect(plain.letter.dueAt).not.toBeNull();
  });

  it('records and classifies once for a retry with the same Idempotency-Key', async () => {
    const before = await counts();
    const key = { 'idempotency-key': 'letters-record-classify-0001' };
    const first = await record(tiepdan, { classification: classification() }, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await record(tiepdan, { classification: classification() }, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<StaffLetterResult>()).toEqual(first.json<StaffLetterResult>());
    const after = await counts();
    expect([after.letters - before.letters, after.letter_cases - before.letter_cases]).toEqual([1, 1]);
    // The same key for another body is refused, not replayed.
    const other = await record(tiepdan, { classification: classification({ note: 'khác' }) }, key);
    expect(other.statusCode).toBe(422);
  });
});
