// The demo letters: made through the services at start-up, of every type and in several states, the denouncers protected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePage, LetterCounts, LetterPage } from '../../../common/letters-inbox.schema';
import { startTestApp, type TestApp } from '../../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('demo letters', () => {
  it('gives An Bình letters to classify, cases of every type in several states, one overdue, and protects the denouncers', async () => {
    const lanhdao = await t.loginAs('lanhdao.anbinh');
    const cases = (await lanhdao.get('/api/letter-cases?limit=200')).json<CasePage>().items;
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(['complaint', 'denunciation', 'petition', 'feedback']));
    expect(new Set(cases.map((c) => c.state))).toEqual(new Set(['to_process', 'resolving', 'investigating', 'answering', 'answered', 'filed']));
    expect(cases.filter((c) => c.type === 'denunciation').map((c) => c.writerName)).toEqual([null, null]);
    const counts = (await lanhdao.get('/api/letters/counts')).json<LetterCounts>();
    expect(counts).toMatchObject({ toClassify: 2 });
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    const letters = (await lanhdao.get('/api/letters?state=received')).json<LetterPage>().items;
    expect(letters.map((l) => l.channel).sort()).toEqual(['desk', 'portal']);
    // Bình Minh's letter is Bình Minh's alone.
    const ward = (await (await t.loginAs('motcua.binhminh')).get('/api/letters')).statusCode;
    expect(ward).toBe(403);
    expect((await (await t.loginAs('thanhtra.tinh')).get('/api/letters?state=received')).json<LetterPage>().items).toHaveLength(3);
  });
});
