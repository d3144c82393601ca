// Jobs orphaned by a stopped server are marked failed at the next start, and say so to whoever polls them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { jobs } from '../../db/schema';
import { startTestApp, type TestApp } from '../../testing/harness';
import { failOrphanedJobs } from './jobs';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('marks old queued and running jobs failed, leaves recent and finished ones alone', async () => {
  const admin = await t.loginAs('admin');
  const me = (await admin.get('/api/auth/session')).json<{ user: { id: string; unitId: string } }>().user;
  const old = new Date(Date.now() - 2 * 3600_000);
  const base = { kind: 'units.import', createdBy: me.id, unitId: me.unitId, total: 10, processed: 3 };
  const [stale, recent, done] = await t.db
    .insert(jobs)
    .values([
      { ...base, status: 'running', createdAt: old },
      { ...base, status: 'running' },
      { ...base, status: 'succeeded', createdAt: old, finishedAt: old },
    ])
    .returning({ id: jobs.id });

  expect(await failOrphanedJobs(t.db, 3600_000)).toBe(1);

  const staleView = (await admin.get(`/api/jobs/${stale?.id}`)).json<{ status: string; message: string }>();
  expect(staleView.status).toBe('failed');
  expect(staleView.message).toContain('khởi động lại');
  expect((await admin.get(`/api/jobs/${recent?.id}`)).json<{ status: string }>().status).toBe('running');
  expect((await admin.get(`/api/jobs/${done?.id}`)).json<{ status: string }>().status).toBe('succeeded');
});
