// GET /api/letter-cases/:id/assignees: whom the leader may assign a case to, and the same 404 outside one's units.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssigneeList } from '../../../common/dossier-pickers.schema';
import type { TestClient } from '../../testing/harness';
import { actOk, caseOf, errorOf, fieldPaths, startLetterApp, staffId } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient;
let leader: TestClient;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  leader = await t.loginAs('lanhdao.anbinh');
});
afterAll(() => t.close());

describe('case assignees', () => {
  it('offers the specialists of the unit with the open cases each holds, and marks the current assignee', async () => {
    const c = await caseOf(tiepdan, 'feedback');
    const res = await leader.get(`/api/letter-cases/${c.id}/assignees?action=assign`);
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json<AssigneeList>().items.map((i) => i.fullName);
    expect(names).toContain('Hoàng Văn Nam');
    expect(names).not.toContain('Vũ Thị Mai');

    const specialist = await t.loginAs('chuyenvien.anbinh');
    await actOk(leader, c.id, 'assign', { assigneeId: await staffId(specialist) });
    const after = (await leader.get(`/api/letter-cases/${c.id}/assignees`)).json<AssigneeList>().items.find((i) => i.fullName === 'Hoàng Văn Nam');
    expect(after).toMatchObject({ current: true });
    expect(after?.openCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses an action that assigns nobody, naming the query field, and hides a case of another unit', async () => {
    const c = await caseOf(tiepdan, 'feedback');
    const bad = await leader.get(`/api/letter-cases/${c.id}/assignees?action=forward`);
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad)).toContain('querystring.action');
    const other = await t.loginAs('motcua.binhminh');
    const hidden = await other.get(`/api/letter-cases/${c.id}/assignees`);
    expect(hidden.statusCode).toBe(404);
    expect(errorOf(hidden).code).toBe('letter_case_not_found');
  });
});
