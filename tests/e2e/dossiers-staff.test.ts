// Browser journeys of the one-stop desk: the officer of An Bình receives a dossier at the desk (code and secret shown once),
// transfers it; the leader assigns it; the specialist submits it; the leader approves; the desk returns the result. Also
// the inbox on a phone, a stale page answered with a clear message, and axe on every dossier screen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeSerious, field, hasNoHorizontalScroll, launch, login, newPage, pageProblems, shot } from './helpers';
import { act, expectState, openFromCount as openFrom, pick } from './staff-dossier-pages';

const PROCEDURE = { search: 'tinh trang hon nhan', name: 'Cấp Giấy xác nhận tình trạng hôn nhân' };
const APPLICANT = { name: 'Đặng Thị Quầy Một Cửa', idNumber: '001192054321', phone: '0987 654 321', address: 'Thôn Tây, xã An Bình' };
const SCAN = { name: 'to-khai-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n' + ' '.repeat(400) + '\n%%EOF\n') };

let browser: Browser;
/** The dossier received in (s1), followed through the later journeys. */
let dossier: { id: string; code: string } | undefined;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The inbox count card, then the row of the dossier of (s1). */
async function openFromCount(page: Page, card: string, urlPart: RegExp) {
  assert.ok(dossier, 'needs the dossier of (s1)');
  await openFrom(page, card, urlPart, dossier);
}

void describe('one-stop desk journeys', () => {
  void it('(s1) the desk officer sees the counts, receives a dossier at the desk, and is shown its code and secret once', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'motcua.anbinh');
      await page.waitForURL('**/staff/dossiers');
      const counts = page.getByTestId('dossier-counts');
      for (const label of ['Chờ tiếp nhận', 'Chờ phân công', 'Đang xử lý', 'Chờ phê duyệt', 'Chờ trả kết quả', 'Sắp đến hạn', 'Quá hạn'])
        await counts.getByText(label, { exact: true }).waitFor();
      assert.match((await page.getByTestId('count-toReceive').innerText()).trim(), /^\d+$/);
      await page.getByTestId('dossier-table').locator('tr[data-code]').first().waitFor();
      await shot(page, 's1-inbox');

      // Filters live in the address; the name search ignores diacritics.
      await page.getByTestId('dossier-search').fill('le thi hoa');
      await page.waitForURL(/q=le\+thi\+hoa|q=le%20thi%20hoa/);
      await page.getByTestId('dossier-table').getByText('Lê Thị Hoa').waitFor();
      await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();

      await page.getByTestId('dossier-intake').click();
      await page.waitForURL('**/staff/dossiers/new');
      await pick(page, page, 'Thủ tục hành chính', PROCEDURE.name, PROCEDURE.search);
      await page.getByTestId('intake-checklist').getByText('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân').waitFor();
      await field(page, 'Họ và tên (hoặc tên tổ chức)').fill(APPLICANT.name);
      // A wrong ID number: the API's message lands on the field.
      await field(page, 'Số CCCD hoặc mã số thuế').fill('12345');
      await field(page, 'Số điện thoại').fill(APPLICANT.phone);
      await field(page, 'Địa chỉ').fill(APPLICANT.address);
      await page.locator('input[type="file"]').setInputFiles(SCAN);
      await page.getByTestId('upload-item').getByRole('progressbar', { name: 'Đã tải lên' }).waitFor();
      await page.getByTestId('intake-submit').click();
      await page.locator('input[aria-invalid="true"]').first().waitFor();
      assert.equal(await field(page, 'Số CCCD hoặc mã số thuế').getAttribute('aria-invalid'), 'true');
      await shot(page, 's1-intake-field-error');

      await field(page, 'Số CCCD hoặc mã số thuế').fill(APPLICANT.idNumber);
      await shot(page, 's1-intake-form');
      // A double click receives one dossier: the form sends one Idempotency-Key for its session.
      await page.getByTestId('intake-submit').dblclick();
      const done = page.getByTestId('intake-done');
      await done.waitFor();
      const code = (await page.getByTestId('intake-code').innerText()).trim();
      const secret = (await page.getByTestId('intake-secret').innerText()).trim();
      assert.match(code, /^99001\.MC-\d{6}-\d{4}$/);
      assert.match(secret, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
      await done.getByText('Mã bí mật chỉ hiển thị một lần này', { exact: false }).waitFor();
      await done.getByText(/^Hẹn trả kết quả: \d{2}\/\d{2}\/\d{4}$/).waitFor();
      const print = page.getByTestId('intake-print');
      assert.equal(await print.getAttribute('target'), '_blank');
      assert.match((await print.getAttribute('href')) ?? '', /^\/api\/dossiers\/[0-9a-f-]{36}\/forms\/01\.pdf$/);
      await shot(page, 's1-intake-done');

      const found = await page.context().request.get(`/api/dossiers?q=${encodeURIComponent(APPLICANT.idNumber)}`);
      const items = ((await found.json()) as { items: Array<{ id: string; code: string }> }).items;
      assert.deepEqual(
        items.map((i) => i.code),
        [code],
        'one dossier for the double click',
      );

      await page.getByTestId('intake-open').click();
      await page.waitForURL(/\/staff\/dossiers\/[0-9a-f-]{36}$/);
      dossier = { id: page.url().split('/').pop() ?? '', code };
      await expectState(page, 'Đã tiếp nhận');
      await page.getByTestId('dossier-documents').getByText(SCAN.name).waitFor();
      await page.getByTestId('dossier-forms').getByRole('link', { name: /Mẫu 01/ }).waitFor();

      await act(page, 'Chuyển cơ quan giải quyết', async (dialog) => {
        await pick(page, dialog, 'Cơ quan tiếp nhận giải quyết', 'Phòng Văn hóa - Xã hội');
      });
      await expectState(page, 'Đã chuyển cơ quan giải quyết');
      await page.getByTestId('dossier-timeline').getByText('Chuyển từ Bộ phận Một cửa (Xã An Bình) đến Phòng Văn hóa - Xã hội (Xã An Bình)').waitFor();
      await shot(page, 's1-transferred');
    } finally {
      await context.close();
    }
  });

  void it('(s2) the leader assigns it to the specialist, who submits it for approval; the leader approves', async () => {
    assert.ok(dossier, 'needs the dossier of (s1)');
    const leader = await newPage(browser);
    const specialist = await newPage(browser);
    try {
      await login(leader.page, 'lanhdao.anbinh');
      await openFromCount(leader.page, 'Chờ phân công', /state=transferred/);
      await act(leader.page, 'Phân công chuyên viên xử lý', async (dialog) => {
        await pick(leader.page, dialog, 'Cán bộ được phân công', /Hoàng Văn Nam/);
        await field(dialog, 'Ghi chú, ý kiến xử lý').fill('Đồng chí Nam giải quyết, trả đúng hẹn.');
        await shot(leader.page, 's2-assign-form');
      });
      await expectState(leader.page, 'Đang giải quyết');
      await leader.page.getByTestId('dossier-assignee').getByText('Hoàng Văn Nam').waitFor();
      await shot(leader.page, 's2-assigned');

      await login(specialist.page, 'chuyenvien.anbinh');
      await openFromCount(specialist.page, 'Đang xử lý', /state=processing.*mine=1|mine=1.*state=processing/);
      await act(specialist.page, 'Trình lãnh đạo phê duyệt', async (dialog) => {
        await field(dialog, 'Ghi chú, ý kiến xử lý').fill('Hồ sơ đủ điều kiện, đề nghị lãnh đạo ký.');
      });
      await expectState(specialist.page, 'Chờ lãnh đạo phê duyệt');

      await openFromCount(leader.page, 'Chờ phê duyệt', /state=pending_approval/);
      await act(leader.page, 'Phê duyệt kết quả', async (dialog) => {
        await field(dialog, 'Số văn bản, quyết định').fill('15/GXN-UBND');
      });
      await expectState(leader.page, 'Có kết quả, chờ trả');
      await leader.page.getByTestId('dossier-timeline').getByText('15/GXN-UBND').waitFor();
      await shot(leader.page, 's2-approved');
    } finally {
      await leader.context.close();
      await specialist.context.close();
    }
  });

  void it('(s3) the desk returns the result; a second tab still showing the old state gets a clear message and the new state', async () => {
    assert.ok(dossier, 'needs the dossier of (s1)');
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'motcua.anbinh');
      const stale = await context.newPage();
      await stale.goto(`/staff/dossiers/${dossier.id}`);
      await expectState(stale, 'Có kết quả, chờ trả');

      await openFromCount(page, 'Chờ trả kết quả', /state=result_ready/);
      await act(page, 'Trả kết quả cho người nộp', async (dialog) => {
        await field(dialog, 'Phí, lệ phí đã thu (đồng)').fill('15000');
      });
      await expectState(page, 'Đã trả kết quả');
      await page.getByTestId('dossier-actions').waitFor({ state: 'detached' });
      const forms = page.getByTestId('dossier-forms');
      await forms.getByRole('link', { name: /Mẫu 01/ }).waitFor();
      await forms.getByRole('link', { name: /Mẫu 06/ }).waitFor();
      assert.equal(await forms.getByRole('link', { name: /Mẫu 02/ }).count(), 0);
      await shot(page, 's3-returned');

      // The other tab acts on the version it shows: the server refuses (stale seq), the page says so and reloads.
      await stale.getByTestId('dossier-actions').getByRole('button', { name: 'Trả kết quả cho người nộp' }).click();
      await stale.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
      await stale.getByText('Hồ sơ vừa được người khác cập nhật', { exact: false }).waitFor();
      await expectState(stale, 'Đã trả kết quả');
      await shot(stale, 's3-stale-tab');
    } finally {
      await context.close();
    }
  });

  void it('(s4) at 375×740 the inbox is a card list that does not scroll sideways', async () => {
    const { context, page } = await newPage(browser, { width: 375, height: 740 });
    try {
      await login(page, 'motcua.anbinh');
      await page.waitForURL('**/staff/dossiers');
      const cards = page.getByTestId('dossier-cards');
      await cards.locator('li').first().waitFor();
      assert.equal(await page.getByTestId('dossier-table').isVisible(), false);
      const r = await hasNoHorizontalScroll(page);
      assert.ok(r.ok, `the inbox scrolls sideways: ${JSON.stringify(r)}`);
      await shot(page, 's4-inbox-phone');
      assert.ok(dossier);
      await cards.locator(`li[data-code="${dossier.code}"]`).getByRole('link').click();
      await page.getByTestId('dossier-timeline').waitFor();
      const p = await hasNoHorizontalScroll(page);
      assert.ok(p.ok, `the dossier page scrolls sideways: ${JSON.stringify(p)}`);
      await shot(page, 's4-dossier-phone');
    } finally {
      await context.close();
    }
  });

  void it('(s5) axe finds no serious or critical violation on the inbox, the intake form, a dossier and an action form', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true });
    const report: string[] = [];
    const check = async (name: string) => {
      for (const i of await axeSerious(page)) report.push(`${name}: [${i.impact}] ${i.id} ${i.help}\n    ${i.nodes.join('\n    ')}`);
    };
    try {
      await login(page, 'motcua.anbinh');
      await page.getByTestId('dossier-table').locator('tr[data-code]').first().waitFor();
      await check('inbox');
      await page.goto('/staff/dossiers/new');
      await pick(page, page, 'Thủ tục hành chính', PROCEDURE.name, PROCEDURE.search);
      await page.getByTestId('intake-decision').getByText('Yêu cầu bổ sung, hoàn thiện').click();
      await page.getByText('Các giấy tờ cần bổ sung, hoàn thiện (ghi đủ một lần)').waitFor();
      await check('intake');
      // The online dossier waiting at the desk: its request-to-complete form has a documents list.
      await page.goto('/staff/dossiers?state=submitted');
      await page.getByTestId('dossier-table').getByText('Lê Thị Hoa').waitFor();
      await page.getByTestId('dossier-table').locator('tr', { hasText: 'Lê Thị Hoa' }).getByRole('link').click();
      await page.getByTestId('dossier-timeline').waitFor();
      await check('dossier');
      await page.getByTestId('dossier-actions').getByRole('button', { name: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)' }).click();
      await page.getByRole('dialog').getByText('Các giấy tờ cần bổ sung, hoàn thiện (ghi đủ một lần)').waitFor();
      await page.waitForTimeout(500); // the modal's opening transition, before contrast is measured
      await check('action-form');
      assert.equal(report.length, 0, `axe violations:\n${report.join('\n')}`);
    } finally {
      await context.close();
    }
  });

  // Runs last: the journeys above ran under the real Content-Security-Policy.
  void it('(z) no page raised an uncaught error or violated the Content-Security-Policy', () => {
    assert.deepEqual(pageProblems, []);
  });
});
