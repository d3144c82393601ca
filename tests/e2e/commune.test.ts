// Browser journey of the commune workflow: at the desk of An Bình, a copy of a civil-status extract is received and
// handed at once to the civil servant in charge (the intake form asks for the office and the person only for such a
// procedure); the civil servant finds it in her own queue, submits it, the leader approves and the desk returns it.
// Screenshots c1..c3; axe on the intake form with its hand-on fields.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeSerious, field, launch, login, newPage, shot } from './helpers';
import { act, expectState, openFromCount, pick } from './staff-dossier-pages';

const PROCEDURE = { search: 'trich luc ho tich', name: 'Cấp bản sao trích lục hộ tịch' };
const APPLICANT = { name: 'Phan Thị Trích Lục', idNumber: '001195066777', phone: '0912 000 111' };

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

void describe('commune workflow journey', () => {
  void it('(c) the desk accepts and hands the dossier to the civil servant in one step; she submits, the leader approves, the desk returns', async () => {
    // axe is injected as an inline script on the desk's page only.
    const desk = await newPage(browser, { bypassCSP: true });
    const specialist = await newPage(browser);
    const leader = await newPage(browser);
    try {
      // (c1) The intake form asks for the office and the civil servant once the procedure is a commune-workflow one.
      const page = desk.page;
      await login(page, 'motcua.anbinh');
      await page.goto('/staff/dossiers/new');
      await pick(page, page, 'Thủ tục hành chính', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'tinh trang hon nhan');
      await page.getByTestId('intake-checklist').getByText('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân').waitFor();
      assert.equal(await page.getByTestId('intake-hand-on').count(), 0, 'a standard-workflow procedure hands nothing on at intake');
      await pick(page, page, 'Thủ tục hành chính', PROCEDURE.name, PROCEDURE.search);
      const handOn = page.getByTestId('intake-hand-on');
      await handOn.waitFor();
      await field(page, 'Họ và tên (hoặc tên tổ chức)').fill(APPLICANT.name);
      await field(page, 'Số CCCD hoặc mã số thuế').fill(APPLICANT.idNumber);
      await field(page, 'Số điện thoại').fill(APPLICANT.phone);
      // Without the civil servant the server names the field, and the form shows it there.
      await pick(page, handOn, 'Cơ quan, bộ phận giải quyết', 'Phòng Văn hóa - Xã hội');
      await page.getByTestId('intake-submit').click();
      await handOn.locator('input[aria-invalid="true"]').first().waitFor();
      await shot(page, 'c1-intake-hand-on-missing');
      const problems = await axeSerious(page);
      assert.deepEqual(problems, [], `axe on the intake form: ${JSON.stringify(problems)}`);
      await pick(page, handOn, 'Cán bộ được phân công', /Hoàng Văn Nam/);
      await shot(page, 'c1-intake-hand-on');
      await page.getByTestId('intake-submit').click();
      await page.getByTestId('intake-done').waitFor();
      const code = (await page.getByTestId('intake-code').innerText()).trim();
      await page.getByTestId('intake-open').click();
      await page.waitForURL(/\/staff\/dossiers\/[0-9a-f-]{36}$/);
      const dossier = { id: page.url().split('/').pop() ?? '', code };
      await expectState(page, 'Đang giải quyết');
      await page.getByTestId('dossier-assignee').getByText('Hoàng Văn Nam').waitFor();
      await shot(page, 'c1-accepted-and-handed-on');

      // (c2) The civil servant finds it in her own queue at once and submits it; the leader approves.
      await login(specialist.page, 'chuyenvien.anbinh');
      await openFromCount(specialist.page, 'Đang xử lý', /state=processing.*mine=1|mine=1.*state=processing/, dossier);
      await act(specialist.page, 'Trình lãnh đạo phê duyệt');
      await expectState(specialist.page, 'Chờ lãnh đạo phê duyệt');
      await login(leader.page, 'lanhdao.anbinh');
      await openFromCount(leader.page, 'Chờ phê duyệt', /state=pending_approval/, dossier);
      await act(leader.page, 'Phê duyệt kết quả');
      await expectState(leader.page, 'Có kết quả, chờ trả');
      await shot(leader.page, 'c2-approved');

      // (c3) The desk returns the result: four steps after the start, no transfer and no separate assignment.
      await openFromCount(page, 'Chờ trả kết quả', /state=result_ready/, dossier);
      await act(page, 'Trả kết quả cho người nộp');
      await expectState(page, 'Đã trả kết quả');
      const timeline = page.getByTestId('dossier-timeline');
      await timeline.getByText('Tiếp nhận, hẹn trả kết quả (Mẫu 01) và chuyển công chức xử lý').first().waitFor();
      assert.equal(await timeline.getByText('Chuyển cơ quan giải quyết').count(), 0);
      await shot(page, 'c3-returned');
    } finally {
      for (const p of [desk, specialist, leader]) await p.context.close();
    }
  });
});
