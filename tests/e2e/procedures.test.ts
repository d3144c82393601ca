// Browser journeys of the procedure catalog: a citizen searches and reads a procedure (Vietnamese and English,
// small screen, axe), and an admin creates a procedure, finds it in the public search, then withdraws it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeSerious, field, hasNoHorizontalScroll, launch, login, newPage, pageProblems, shot } from './helpers';

const NEW_PROCEDURE = {
  code: '9.990001',
  name: 'Cấp giấy xác nhận kiểm thử tự động',
  field: { code: 'KT', name: 'Kiểm thử' },
  docs: ['Đơn đề nghị xác nhận kiểm thử', 'Bản sao giấy tờ tuỳ thân kiểm thử'],
  fee: { name: 'Lệ phí xác nhận', amount: '15000' },
};

let browser: Browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Runs a public search on /thu-tuc and waits for its answer. */
async function publicSearch(page: Page, q: string) {
  await page.goto(`/thu-tuc?q=${encodeURIComponent(q)}`);
  await page.getByTestId('catalog-count').filter({ hasNotText: /Đang tải|Loading/ }).waitFor();
}

void describe('procedure catalog journeys', () => {
  void it('(p1) a citizen finds "Đăng ký khai sinh" from the portal and reads its documents and fees, in Vietnamese and English', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByTestId('portal-search').fill('giay khai sinh');
      await page.getByTestId('portal-search').press('Enter');
      await page.waitForURL(/\/thu-tuc\?q=giay/);
      const results = page.getByTestId('catalog-results');
      const link = results.getByRole('link', { name: 'Đăng ký khai sinh', exact: true });
      await link.waitFor();
      await shot(page, 'p1-search-vi');

      // Filters: a field chip, the online filter, an empty state, and keyset "Xem thêm".
      await page.getByRole('button', { name: /^Hộ tịch/ }).click();
      await page.waitForURL(/field=HT/);
      await link.waitFor();
      // The filters live in the address: the box is checked once the navigation has landed.
      const online = page.getByLabel('Chỉ thủ tục nộp trực tuyến toàn trình');
      await online.click();
      await page.waitForURL(/online=1/);
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked === true);
      await link.waitFor();
      await page.getByTestId('catalog-search').fill('khong co thu tuc nao nhu the nay');
      await page.getByTestId('catalog-empty').waitFor();
      await shot(page, 'p1-search-empty');
      await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
      await page.getByRole('button', { name: 'Xem thêm' }).waitFor();
      const before = await results.getByRole('article').count();
      await page.getByRole('button', { name: 'Xem thêm' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="catalog-results"] article').length > n, before);
      await shot(page, 'p1-search-all');

      await page.getByTestId('catalog-search').fill('khai sinh');
      await link.click();
      await page.waitForURL('**/thu-tuc/1.001193');
      await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
      const docs = page.getByTestId('procedure-documents');
      await docs.getByText('Tờ khai đăng ký khai sinh').waitFor();
      await docs.getByText('Bản chính').first().waitFor();
      await docs.getByText('1 bản').first().waitFor();
      const fees = page.getByTestId('procedure-fees');
      await fees.getByText('Miễn phí').waitFor();
      await page.getByTestId('procedure-days').getByText(/0,5 ngày làm việc/).waitFor();
      // A fully-online procedure links to its submission form (the citizen journeys go on from there).
      const submit = page.getByTestId('submit-online');
      assert.equal(await submit.getAttribute('href'), '/thu-tuc/1.001193/nop-ho-so');
      await shot(page, 'p1-procedure-vi');

      await page.getByTestId('language-switch').click();
      await page.getByRole('heading', { level: 2, name: 'Required documents' }).waitFor();
      await page.getByTestId('procedure-fees').getByText('Free').waitFor();
      await page.getByTestId('procedure-documents').getByText('Original').first().waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await shot(page, 'p1-procedure-en');
      await page.getByRole('link', { name: 'Back to the procedures' }).click();
      await page.getByRole('heading', { level: 1, name: 'Administrative procedures' }).waitFor();
      await page.getByTestId('language-switch').click();
      await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    } finally {
      await context.close();
    }
  });

  void it('(p2) at 375×740 the catalog pages do not scroll sideways', async () => {
    const { context, page } = await newPage(browser, { width: 375, height: 740 });
    try {
      await publicSearch(page, 'giay khai sinh');
      await page.getByTestId('catalog-results').getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).waitFor();
      let r = await hasNoHorizontalScroll(page);
      assert.ok(r.ok, `/thu-tuc scrolls sideways: ${JSON.stringify(r)}`);
      await shot(page, 'p2-mobile-search');
      await page.goto('/thu-tuc/1.001193');
      await page.getByTestId('procedure-documents').waitFor();
      r = await hasNoHorizontalScroll(page);
      assert.ok(r.ok, `/thu-tuc/1.001193 scrolls sideways: ${JSON.stringify(r)}`);
      await shot(page, 'p2-mobile-procedure');
      await page.goto('/thu-tuc/9.999999');
      await page.getByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' }).waitFor();
    } finally {
      await context.close();
    }
  });

  void it('(p3) an admin creates a procedure with two documents and a fee, finds it in the public search, withdraws it, and it disappears', async () => {
    const admin = await newPage(browser);
    const citizen = await newPage(browser);
    try {
      const page = admin.page;
      await login(page, 'admin');
      await page.getByRole('link', { name: 'Thủ tục hành chính' }).click();
      await page.getByTestId('procedure-table').locator('tr[data-code="1.001193"]').waitFor();
      await shot(page, 'p3-staff-list');
      await page.getByTestId('procedure-create').click();
      const dialog = page.getByRole('dialog');
      await field(dialog, 'Mã thủ tục').fill(NEW_PROCEDURE.code);
      await field(dialog, 'Tên thủ tục').fill(NEW_PROCEDURE.name);
      await field(dialog, 'Mã lĩnh vực').fill(NEW_PROCEDURE.field.code);
      await field(dialog, 'Tên lĩnh vực').fill(NEW_PROCEDURE.field.name);
      await field(dialog, 'Cơ quan thực hiện (theo danh mục)').fill('UBND cấp xã');
      await field(dialog, 'Thời hạn theo quy định (ngày làm việc)').fill('5');
      await field(dialog, 'Thời hạn của địa phương (ngày làm việc)').fill('3');
      await dialog.getByLabel('Tên giấy tờ 1').fill(NEW_PROCEDURE.docs[0]!);
      await dialog.getByRole('button', { name: 'Thêm giấy tờ' }).click();
      await dialog.getByLabel('Tên giấy tờ 2').fill(NEW_PROCEDURE.docs[1]!);
      await dialog.getByLabel('Loại bản 2').click();
      await page.getByRole('option', { name: 'Bản sao có chứng thực' }).click();
      await dialog.getByLabel('Số lượng 2').fill('2');
      await dialog.getByRole('button', { name: 'Thêm khoản thu' }).click();
      await dialog.getByLabel('Tên khoản thu 1').fill(NEW_PROCEDURE.fee.name);
      await dialog.getByLabel('Mức thu (đồng) 1').fill(NEW_PROCEDURE.fee.amount);
      await field(dialog, 'Kết quả thực hiện').fill('Giấy xác nhận kiểm thử');
      await field(dialog, 'Căn cứ pháp lý').fill('Quyết định kiểm thử số 1/2026');
      await shot(page, 'p3-create-modal');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByTestId('procedure-table').locator(`tr[data-code="${NEW_PROCEDURE.code}"]`);
      await row.getByText('Đang công bố').waitFor();

      // The public finds it, without diacritics.
      await publicSearch(citizen.page, 'xac nhan kiem thu');
      const hit = citizen.page.getByTestId('catalog-results').getByRole('link', { name: NEW_PROCEDURE.name });
      await hit.waitFor();
      await hit.click();
      const docs = citizen.page.getByTestId('procedure-documents');
      await docs.getByText(NEW_PROCEDURE.docs[0]!).waitFor();
      await docs.getByText(NEW_PROCEDURE.docs[1]!).waitFor();
      await docs.getByText('2 bản').waitFor();
      await citizen.page.getByTestId('procedure-fees').getByText('15.000 đ').waitFor();
      await shot(citizen.page, 'p3-public-new-procedure');

      // Withdrawn: gone from the public search and its page.
      await row.getByRole('button', { name: `Thao tác khác với ${NEW_PROCEDURE.name}` }).click();
      await page.getByRole('menuitem', { name: 'Ngừng công bố' }).click();
      await row.getByText('Ngừng công bố').waitFor();
      await shot(page, 'p3-staff-withdrawn');
      await publicSearch(citizen.page, 'xac nhan kiem thu');
      assert.equal(await citizen.page.getByTestId('catalog-results').getByRole('link', { name: NEW_PROCEDURE.name }).count(), 0);
      await citizen.page.goto(`/thu-tuc/${NEW_PROCEDURE.code}`);
      await citizen.page.getByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' }).waitFor();
    } finally {
      await admin.context.close();
      await citizen.context.close();
    }
  });

  void it('(p4) axe finds no serious or critical violation on the catalog pages and the staff editor', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true });
    const report: string[] = [];
    const check = async (name: string) => {
      for (const i of await axeSerious(page)) report.push(`${name}: [${i.impact}] ${i.id} ${i.help}\n    ${i.nodes.join('\n    ')}`);
    };
    try {
      await page.goto('/');
      await page.getByTestId('portal-search').waitFor();
      await check('portal');
      await publicSearch(page, 'giay khai sinh');
      await page.getByTestId('catalog-results').getByRole('article').first().waitFor();
      await check('search');
      await page.goto('/thu-tuc/1.001193');
      await page.getByTestId('procedure-documents').waitFor();
      await check('procedure');
      await page.getByTestId('language-switch').click();
      await page.getByRole('heading', { level: 2, name: 'Required documents' }).waitFor();
      await check('procedure-en');
      await page.getByTestId('language-switch').click();
      await login(page, 'admin');
      await page.goto('/staff/procedures');
      await page.getByTestId('procedure-table').locator('tr[data-code]').first().waitFor();
      await check('staff-procedures');
      await page.getByTestId('procedure-create').click();
      await field(page.getByRole('dialog'), 'Mã thủ tục').waitFor();
      await page.waitForTimeout(500); // the modal's opening transition
      await check('staff-procedure-modal');
      assert.equal(report.length, 0, `axe violations:\n${report.join('\n')}`);
    } finally {
      await context.close();
    }
  });

  // Runs last: the journeys above (except the axe one) ran under the real Content-Security-Policy.
  void it('(pz) no page raised an uncaught error or violated the Content-Security-Policy', () => {
    assert.deepEqual(pageProblems, []);
  });
});
