// The whole life of one online dossier in the browser, as issue 3 asks: a citizen finds birth registration on the portal
// (typed without diacritics), submits it with a PDF and keeps the code and secret; the desk accepts and transfers it, the
// leader assigns it, the specialist submits it, the leader approves and the desk returns the result, each on the staff
// dossier pages; the citizen follows it by code and secret, sees the result and rates the service. Screenshots l1..l6.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { expectState as expectCitizenState, lookUp, rate, samplePdf, submitOnline, type Submitted } from './citizen-pages';
import { field, launch, login, newPage, pageProblems, shot } from './helpers';
import { act, expectState, openFromCount, pick, type DossierRef } from './staff-dossier-pages';

const BIRTH = { code: '1.001193', name: 'Đăng ký khai sinh', form: 'Tờ khai đăng ký khai sinh', unit: 'Xã An Bình' };
const APPLICANT = { name: 'Trịnh Thị Thanh Tâm', idNumber: '001194078123', phone: '0913 222 333', email: 'thanhtam.trinh@example.vn', address: 'Thôn Bắc, xã An Bình' };
const SCAN = { ...samplePdf('To khai dang ky khai sinh'), name: 'to-khai-khai-sinh.pdf' };
const DATE = /\d{2}\/\d{2}\/\d{4}/;

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The due date shown on a dossier page (staff or citizen), as dd/mm/yyyy. */
async function dueShown(page: Page): Promise<string> {
  const text = (await page.getByTestId('dossier-due').textContent()) ?? '';
  const date = DATE.exec(text)?.[0];
  assert.ok(date, `a due date on the page, got "${text}"`);
  return date;
}

/** The desk finds the online dossier by its code from the inbox search and opens it. */
async function openByCode(page: Page, code: string): Promise<DossierRef> {
  await page.goto('/staff/dossiers');
  await page.getByTestId('dossier-search').fill(code);
  // The search reaches the address after a pause: wait for it, or it would navigate back from the dossier opened below.
  await page.waitForURL((url) => url.searchParams.get('q') === code);
  const row = page.getByTestId('dossier-table').locator(`tr[data-code="${code}"]`);
  await row.getByText(APPLICANT.name).waitFor();
  await row.getByRole('link').click();
  await page.waitForURL(/\/staff\/dossiers\/[0-9a-f-]{36}$/);
  await page.getByTestId('dossier-timeline').waitFor();
  return { id: page.url().split('/').pop() ?? '', code };
}

void describe('dossier lifecycle journey', () => {
  void it('(l) a citizen finds "khai sinh", submits online with a PDF; the desk accepts, the office processes, approves and returns it; the citizen sees the result and rates it', async () => {
    const citizen = await newPage(browser);
    const desk = await newPage(browser);
    const leader = await newPage(browser);
    const specialist = await newPage(browser);
    try {
      // (l1) The portal search ignores diacritics; the procedure's page leads to the online form.
      const c = citizen.page;
      await c.goto('/');
      await c.getByTestId('portal-search').fill('khai sinh');
      await c.getByTestId('portal-search').press('Enter');
      const results = c.getByTestId('catalog-results');
      await results.getByRole('link', { name: BIRTH.name, exact: true }).waitFor();
      assert.equal((await results.getByRole('link').first().textContent())?.trim(), BIRTH.name, 'the closest match comes first');
      await shot(c, 'l1-search');
      await results.getByRole('link', { name: BIRTH.name, exact: true }).click();
      await c.getByRole('heading', { level: 1, name: BIRTH.name }).waitFor();
      await c.getByText(BIRTH.form).first().waitFor();
      await shot(c, 'l1-procedure');
      await c.getByTestId('submit-online').click();
      await c.waitForURL(`**/thu-tuc/${BIRTH.code}/nop-ho-so`);

      // (l2) Online submission with the declaration form as a PDF: a code and a secret come back.
      const mine: Submitted = await submitOnline(c, { procedureCode: BIRTH.code, unitName: BIRTH.unit, applicant: APPLICANT, documentLabel: BIRTH.form, files: [SCAN] });
      assert.match(mine.code, /^99001\.[A-Z]+-\d{6}-\d{4}$/);
      await c.getByText('Mã bí mật chỉ hiện một lần này').waitFor();
      await shot(c, 'l2-submitted');
      await c.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
      await expectCitizenState(c, 'Chờ tiếp nhận');
      await c.getByTestId('tracked-code').getByText(mine.code).waitFor();
      assert.equal(await c.getByTestId('dossier-due').count(), 0, 'no appointment before the desk accepts');
      await shot(c, 'l2-track-submitted');

      // (l3) The desk sees it waiting, with the uploaded file, accepts it (appointment date) and transfers it.
      await login(desk.page, 'motcua.anbinh');
      await desk.page.getByTestId('dossier-counts').getByText('Chờ tiếp nhận', { exact: true }).waitFor();
      const dossier = await openByCode(desk.page, mine.code);
      await expectState(desk.page, 'Chờ tiếp nhận');
      await desk.page.getByTestId('dossier-code').getByText(mine.code).waitFor();
      await desk.page.getByTestId('dossier-documents').getByText(SCAN.name).waitFor();
      await shot(desk.page, 'l3-desk-received');
      await act(desk.page, 'Tiếp nhận, hẹn trả kết quả (Mẫu 01)');
      await expectState(desk.page, 'Đã tiếp nhận');
      const due = await dueShown(desk.page);
      await desk.page.getByTestId('dossier-forms').getByRole('link', { name: /Mẫu 01/ }).waitFor();
      await shot(desk.page, 'l3-desk-accepted');
      await act(desk.page, 'Chuyển cơ quan giải quyết', async (dialog) => {
        await pick(desk.page, dialog, 'Cơ quan tiếp nhận giải quyết', 'Phòng Văn hóa - Xã hội');
      });
      await expectState(desk.page, 'Đã chuyển cơ quan giải quyết');
      await shot(desk.page, 'l3-desk-transferred');

      // The citizen sees the same appointment date while the office works on it.
      await lookUp(c, mine.code, mine.secret);
      await expectCitizenState(c, 'Đã chuyển cơ quan giải quyết');
      assert.equal(await dueShown(c), due, 'the citizen and the desk see the same appointment date');
      await c.getByTestId('timeline').getByText('Tình trạng: Đã tiếp nhận').waitFor();
      await shot(c, 'l3-track-in-progress');

      // (l4) The leader assigns it, the specialist submits it for approval, the leader approves.
      await login(leader.page, 'lanhdao.anbinh');
      await openFromCount(leader.page, 'Chờ phân công', /state=transferred/, dossier);
      await act(leader.page, 'Phân công chuyên viên xử lý', async (dialog) => {
        await pick(leader.page, dialog, 'Cán bộ được phân công', /Hoàng Văn Nam/);
        await field(dialog, 'Ghi chú, ý kiến xử lý').fill('Đồng chí Nam kiểm tra, trình ký trong ngày.');
      });
      await expectState(leader.page, 'Đang giải quyết');
      await leader.page.getByTestId('dossier-assignee').getByText('Hoàng Văn Nam').waitFor();
      await shot(leader.page, 'l4-assigned');

      await login(specialist.page, 'chuyenvien.anbinh');
      await openFromCount(specialist.page, 'Đang xử lý', /state=processing.*mine=1|mine=1.*state=processing/, dossier);
      await act(specialist.page, 'Trình lãnh đạo phê duyệt', async (dialog) => {
        await field(dialog, 'Ghi chú, ý kiến xử lý').fill('Tờ khai hợp lệ, đề nghị lãnh đạo ký Giấy khai sinh.');
      });
      await expectState(specialist.page, 'Chờ lãnh đạo phê duyệt');
      await shot(specialist.page, 'l4-submitted-for-approval');

      await openFromCount(leader.page, 'Chờ phê duyệt', /state=pending_approval/, dossier);
      await act(leader.page, 'Phê duyệt kết quả', async (dialog) => {
        await field(dialog, 'Số văn bản, quyết định').fill('112/KS-UBND');
      });
      await expectState(leader.page, 'Có kết quả, chờ trả');
      await leader.page.getByTestId('dossier-timeline').getByText('112/KS-UBND').waitFor();
      await shot(leader.page, 'l4-approved');

      // (l5) The desk returns the result: no action is left, and the page keeps the deadline that applied.
      await openFromCount(desk.page, 'Chờ trả kết quả', /state=result_ready/, dossier);
      await act(desk.page, 'Trả kết quả cho người nộp');
      await expectState(desk.page, 'Đã trả kết quả');
      await desk.page.getByTestId('dossier-actions').waitFor({ state: 'detached' });
      assert.equal(await dueShown(desk.page), due);
      await desk.page.getByTestId('dossier-forms').getByRole('link', { name: /Mẫu 06/ }).waitFor();
      await shot(desk.page, 'l5-returned');

      // (l6) The citizen looks it up by code and secret, sees the result, and rates the service.
      await lookUp(c, mine.code, mine.secret);
      await expectCitizenState(c, 'Đã trả kết quả');
      await c.getByTestId('state-explain').getByText('Hồ sơ đã hoàn thành và đã trả kết quả.').waitFor();
      await c.getByText('Ngày kết thúc').waitFor();
      await c.getByTestId('timeline').getByText('Tình trạng: Đã trả kết quả').waitFor();
      assert.equal(await c.getByTestId('withdraw-open').count(), 0, 'nothing to withdraw once returned');
      await shot(c, 'l6-result');
      await rate(c, [5, 4, 5, 5, 4], 'Nộp trực tuyến nhanh, nhận kết quả đúng hẹn.');
      const given = c.getByTestId('rating-given');
      await given.getByText('Cảm ơn bạn đã đánh giá').waitFor();
      await given.getByText('Nộp trực tuyến nhanh, nhận kết quả đúng hẹn.').waitFor();
      await c.reload();
      await lookUp(c, mine.code, mine.secret);
      await c.getByTestId('rating-given').waitFor();
      assert.equal(await c.getByTestId('rating-form').count(), 0, 'rated once only');
      await shot(c, 'l6-rated');

      assert.deepEqual(pageProblems, [], 'page errors or CSP violations');
    } finally {
      for (const p of [citizen, desk, leader, specialist]) await p.context.close();
    }
  });
});
