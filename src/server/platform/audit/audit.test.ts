// The audit trail through GET /api/audit: scoped to the reader's units, filterable, keyset-paginated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../common/audit.schema';
import { startTestApp, type TestApp } from '../../testing/harness';

let t: TestApp;
type Page = { items: AuditEntryView[]; nextCursor: string | null };

beforeAll(async () => {
  t = await startTestApp();
  // Sign-ins are writes: each leaves an audit entry tied to the person's unit.
  for (const u of ['lanhdao.anbinh', 'motcua.binhminh', 'xem.tinh', 'motcua.anbinh']) await t.loginAs(u);
});
afterAll(() => t.close());

describe('audit log', () => {
  it('shows a province admin every entry, newest first, with who, what and the request id', async () => {
    const admin = await t.loginAs('admin');
    const res = await admin.get('/api/audit?action=auth.login&limit=200');
    expect(res.statusCode).toBe(200);
    const page = res.json<Page>();
    const labels = page.items.map((e) => e.actorLabel);
    expect(labels.some((l) => l.includes('lanhdao.anbinh'))).toBe(true);
    expect(labels.some((l) => l.includes('motcua.binhminh'))).toBe(true);
    const times = page.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.items[0]?.requestId).toBeTruthy();
    expect(page.items[0]?.entityType).toBe('staff');
  });

  it('shows a ward admin only the entries of the ward', async () => {
    const ward = await t.loginAs('admin.binhminh');
    const page = (await ward.get('/api/audit?limit=200')).json<Page>();
    const wardId = await t.unitId('99002');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.unitId === wardId)).toBe(true);
    expect(page.items.some((e) => e.actorLabel.includes('lanhdao.anbinh'))).toBe(false);
    // The demo seed is a system entry with no unit: only root administrators see those.
    expect(page.items.some((e) => e.action === 'demo.seed')).toBe(false);
  });

  it('refuses people without the audit permission and anonymous callers', async () => {
    const viewer = await t.loginAs('xem.tinh');
    expect((await viewer.get('/api/audit')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/audit')).statusCode).toBe(401);
  });

  it('pages by keyset: every entry exactly once', async () => {
    const admin = await t.loginAs('admin');
    const all = (await admin.get('/api/audit?limit=200')).json<Page>().items.map((e) => e.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page = (await admin.get(url)).json<Page>();
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    // Paging itself signs nobody in, so the two reads see the same entries.
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by text, ignoring diacritics, and by time range', async () => {
    const admin = await t.loginAs('admin');
    const byName = (await admin.get('/api/audit?q=pham%20thu%20ha')).json<Page>().items;
    expect(byName.length).toBe(0); // danvan.tinh never acts in the demo data
    const byFolded = (await admin.get(`/api/audit?q=${encodeURIComponent('vu thi mai')}`)).json<Page>().items;
    expect(byFolded.length).toBeGreaterThan(0);
    expect(byFolded.every((e) => e.actorLabel.includes('Vũ Thị Mai'))).toBe(true);
    const future = (await admin.get(`/api/audit?from=${encodeURIComponent('2999-01-01T00:00:00+07:00')}`)).json<Page>();
    expect(future.items).toEqual([]);
  });

  it('rejects a forged cursor and a malformed date with the field named', async () => {
    const admin = await t.loginAs('admin');
    const bad = await admin.get('/api/audit?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('querystring.cursor');
    const badDate = await admin.get('/api/audit?from=yesterday');
    expect(badDate.statusCode).toBe(400);
    expect(JSON.stringify(badDate.json())).toContain('querystring.from');
  });
});
