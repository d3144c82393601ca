// The letters' deadlines through HTTP, as a table: calendar and working days, complex and remote complaints, both instances, extensions, Tết, flags.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../common/letters.schema';
import type { CasePage, LetterCounts } from '../../../common/letters-inbox.schema';
import type { TestClient } from '../../testing/harness';
import { clock } from './letters.clock';
import { actOk, caseOf, classifyOk, content, endOf, recordOk, staffId, startLetterApp, uploadOk, vn } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient, lanhdao: TestClient;
const realNow = clock.now;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  lanhdao = await t.loginAs('lanhdao.anbinh');
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(() => t.close());

const at = (local: string) => {
  clock.now = () => vn(local);
};

/** A letter received at `received` (registered then), classified into one content the same day. */
async function received(type: Parameters<typeof content>[0], receivedLocal: string, contentOver: Record<string, unknown> = {}): Promise<CaseView> {
  at(receivedLocal);
  return caseOf(tiepdan, type, { channel: 'post', receivedAt: `${receivedLocal}+07:00` }, contentOver);
}

describe('processing periods, counted from the receipt', () => {
  it.each([
    // [what, type, received, content fields, due of the processing step]
    ['complaint: accept within 10 calendar days', 'complaint', '2026-03-02T16:30:00', {}, '2026-03-12'],
    ['complaint received before Tết: the 10th day falls in Tết, due the first working day after', 'complaint', '2026-02-06T10:00:00', {}, '2026-02-23'],
    ['denunciation: process within 10 working days, after 15:00 still counted from that day', 'denunciation', '2026-03-02T16:30:00', {}, '2026-03-16'],
    ['petition: 10 working days', 'petition', '2026-03-02T09:00:00', {}, '2026-03-16'],
    ['feedback on a regulation: forward within 5 working days, Tết not counted', 'feedback', '2026-02-13T10:00:00', { aboutRegulation: true }, '2026-02-27'],
    ['other feedback: 10 working days, Tết not counted', 'feedback', '2026-02-13T10:00:00', { aboutRegulation: false }, '2026-03-06'],
  ] as const)('%s', async (_what, type, local, over, due) => {
    const c = await received(type, local, over);
    expect(c.dueAt).toBe(endOf(due));
  });

  it('counts the letter classification (10 working days) from the receipt, not from the registration', async () => {
    at('2026-03-05T09:00:00');
    const { letter } = await recordOk(tiepdan, { channel: 'post', receivedAt: '2026-03-02T16:30:00+07:00' });
    expect(letter.dueAt).toBe(endOf('2026-03-16'));
    at('2026-03-09T09:00:00');
    const classified = await classifyOk(tiepdan, letter.id, [content('complaint')]);
    expect(classified).toMatchObject({ dueAt: null, cases: [{ dueAt: endOf('2026-03-12') }] });
  });
});

describe('resolution periods, counted from acceptance', () => {
  it.each([
    ['first', false, false, '2026-04-09'],
    ['first', true, false, '2026-04-24'],
    ['first', false, true, '2026-04-24'],
    // 9 May is a Saturday.
    ['first', true, true, '2026-05-11'],
    ['second', false, false, '2026-04-24'],
    ['second', true, false, '2026-05-11'],
    ['second', false, true, '2026-05-11'],
    ['second', true, true, '2026-05-19'],
  ] as const)('complaint, %s instance, complex %s, remote area %s: due %s', async (instance, complex, remoteArea, due) => {
    const c = await received('complaint', '2026-03-02T09:00:00');
    at('2026-03-10T09:00:00');
    const acc = await actOk(lanhdao, c.id, 'accept', { data: { instance, complex, remoteArea } });
    expect(acc.dueAt).toBe(endOf(due));
  });

  it('denunciation: 30 days, then twice 30 more by decisions, the second from the first extension', async () => {
    const c = await received('denunciation', '2026-03-02T09:00:00');
    at('2026-03-10T09:00:00');
    expect((await actOk(lanhdao, c.id, 'accept')).dueAt).toBe(endOf('2026-04-09'));
    const decision = async (n: string) => ({
      data: { reason: 'Vụ việc phức tạp', decisionNumber: n, decisionDate: '2026-04-01' },
      attachments: [{ fileId: (await uploadOk(lanhdao, '/api/files', `${n}.pdf`)).id, name: `${n}.pdf` }],
    });
    at('2026-04-01T09:00:00');
    expect((await actOk(lanhdao, c.id, 'extend', await decision('01-GH'))).dueAt).toBe(endOf('2026-05-11'));
    at('2026-05-04T09:00:00');
    expect((await actOk(lanhdao, c.id, 'extend', await decision('02-GH'))).dueAt).toBe(endOf('2026-06-10'));
  });

  it('petition: 30 calendar days to answer, kept when the leader sends the draft back', async () => {
    const c = await received('petition', '2026-03-02T09:00:00');
    at('2026-03-10T09:00:00');
    expect((await actOk(lanhdao, c.id, 'accept')).dueAt).toBe(endOf('2026-04-09'));
    const chuyenvien = await t.loginAs('chuyenvien.anbinh');
    await actOk(lanhdao, c.id, 'assign', { assigneeId: await staffId(chuyenvien) });
    at('2026-03-20T09:00:00');
    await actOk(chuyenvien, c.id, 'submit_report', { data: { report: 'Dự thảo' } });
    at('2026-03-25T09:00:00');
    expect((await actOk(lanhdao, c.id, 'rework', { note: 'Sửa lại' })).dueAt).toBe(endOf('2026-04-09'));
  });
});

describe('due soon and overdue', () => {
  it('flags the inbox, filters it and counts, as the calendar says', async () => {
    const c = await received('complaint', '2026-03-02T09:00:00');
    at('2026-03-05T09:00:00');
    expect((await tiepdan.get(`/api/letter-cases/${c.id}`)).json<CaseView>().dueStatus).toBe('on_track');
    // Due Thursday 12 March: on Wednesday 11th one working day is left.
    at('2026-03-11T09:00:00');
    expect((await tiepdan.get(`/api/letter-cases/${c.id}`)).json<CaseView>().dueStatus).toBe('due_soon');
    const soon = (await tiepdan.get('/api/letter-cases?due=due_soon&limit=200')).json<CasePage>();
    expect(soon.items.map((i) => i.id)).toContain(c.id);
    at('2026-03-13T00:00:01');
    expect((await tiepdan.get(`/api/letter-cases/${c.id}`)).json<CaseView>().dueStatus).toBe('overdue');
    const overdue = (await tiepdan.get('/api/letter-cases?due=overdue&limit=200')).json<CasePage>();
    expect(overdue.items.map((i) => i.id)).toContain(c.id);
    expect((await tiepdan.get('/api/letter-cases?due=due_soon&limit=200')).json<CasePage>().items.map((i) => i.id)).not.toContain(c.id);
    expect((await tiepdan.get('/api/letters/counts')).json<LetterCounts>().overdue).toBeGreaterThanOrEqual(1);
  });
});
