// Browser journey: an action that takes a letter case out of the officer's sight. An Bình's desk sends a case to
// Bình Minh (set up through the staff API, with a leader account for Bình Minh); Bình Minh's leader sends it on to
// Hòa Lạc from the case page: the action is done, the leader is told the case is no longer theirs to follow and is
// taken back to the case list, where it no longer appears.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { staffApi } from './citizen-pages';
import { field, launch, login, newPage, PASSWORD, shot } from './helpers';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const LEADER = `lanhdao.binhminh.${Date.now().toString(36)}`;

async function signedIn(username: string) {
  const s = await newPage(browser);
  await login(s.page, username);
  return s;
}

async function unitId(page: Page, name: string): Promise<string> {
  const found = (await staffApi(page.context().request, 'GET', `/api/units?q=${encodeURIComponent(name)}`)) as { items: Array<{ id: string; name: string }> };
  const unit = found.items.find((u) => u.name === name);
  assert.ok(unit, `unit ${name}`);
  return unit.id;
}

void describe('an action that takes a case out of sight', () => {
  void it('(lo1) a ward leader sends a case on to another commune: told, and back to the list', async () => {
    let caseId: string;
    let caseCode: string;
    // Set-up through the staff API: a leader for Bình Minh; a case recorded and classified at An Bình and sent to Bình Minh.
    const admin = await signedIn('admin');
    const officer = await signedIn('tiepdan.anbinh');
    try {
      const binhMinh = await unitId(admin.page, 'Phường Bình Minh');
      await staffApi(admin.context.request, 'POST', '/api/staff', {
        username: LEADER,
        fullName: 'Trương Văn Phường',
        unitId: binhMinh,
        password: PASSWORD,
        grants: [{ role: 'leader', unitId: binhMinh }],
      });
      const made = (await staffApi(officer.context.request, 'POST', '/api/letters', {
        channel: 'desk',
        dated: true,
        signed: true,
        writer: { name: 'Đỗ Văn Chuyển' },
        content: 'Đề nghị sửa đoạn đường liên phường giáp ranh bị sụt lún sau mưa lớn, xe máy đi lại rất nguy hiểm.',
      })) as { letter: { id: string } };
      const classified = (await staffApi(officer.context.request, 'POST', `/api/letters/${made.letter.id}/classify`, {
        cases: [{ type: 'feedback', summary: 'Kiến nghị sửa đường liên phường bị sụt lún', checks: { inVietnamese: true, statesContent: true } }],
      })) as { cases: Array<{ id: string; code: string }> };
      const first = classified.cases[0];
      assert.ok(first, 'one case');
      ({ id: caseId, code: caseCode } = first);
      await staffApi(officer.context.request, 'POST', `/api/letter-cases/${caseId}/actions/transfer`, { toUnitId: binhMinh, data: { reason: 'Đoạn đường thuộc địa bàn phường Bình Minh' } });
    } finally {
      await admin.context.close();
      await officer.context.close();
    }

    const { context, page } = await signedIn(LEADER);
    try {
      await page.goto(`/staff/letter-cases/${caseId}`);
      const action = 'Chuyển đơn vị xử lý (trong hệ thống)';
      await page.getByTestId('case-actions').getByRole('button', { name: action }).click();
      const dialog = page.getByRole('dialog', { name: action });
      await dialog.waitFor();
      await dialog.getByRole('combobox', { name: /^Đơn vị nhận vụ việc( \*)?$/ }).click();
      await page.getByRole('option', { name: 'Xã Hòa Lạc' }).first().click();
      await field(dialog, 'Lý do').fill('Đoạn sụt lún nằm trên địa bàn xã Hòa Lạc');
      await dialog.getByRole('button', { name: 'Xác nhận' }).click();
      await page.getByText(/Vụ việc không còn thuộc phạm vi bạn theo dõi/).waitFor();
      await page.waitForURL((url) => url.pathname === '/staff/letter-cases');
      await page.getByRole('heading', { level: 1, name: 'Xử lý đơn' }).waitFor();
      await shot(page, 'lo1-out-of-sight');
      // The list no longer holds it, and the case itself is not found for this leader.
      await page.goto(`/staff/letter-cases?q=${encodeURIComponent(caseCode)}`);
      await page.getByText('Không có vụ việc nào khớp với bộ lọc.').waitFor();
      const res = await context.request.get(`/api/letter-cases/${caseId}`);
      assert.equal(res.status(), 404);
    } finally {
      await context.close();
    }
  });
});
