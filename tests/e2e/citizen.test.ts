// Browser journeys of the citizen's dossier pages on a phone (360×740): find a procedure, submit it online with a PDF,
// keep the code and secret, follow the dossier, answer a request to complete, download the receipt, withdraw; the neutral
// message for a wrong secret; rate a finished dossier; sign in by an emailed code and see "Hồ sơ của tôi"; axe on every page.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeSerious, field, hasNoHorizontalScroll, launch, login, newPage, pageProblems, shot } from './helpers';
import {
  attach,
  chooseUnit,
  expectState,
  fillApplicant,
  lookUp,
  openSubmission,
  rate,
  signInCitizen,
  samplePdf,
  sendDocuments,
  sendSubmission,
  staffApi,
  submitOnline,
  withdrawDossier,
  type Submitted,
} from './citizen-pages';

const PHONE = { width: 360, height: 740 };
const BIRTH = { code: '1.001193', name: 'Đăng ký khai sinh', form: 'Tờ khai đăng ký khai sinh', unit: 'Xã An Bình' };
const APPLICANT = { name: 'Lê Thị Hồng Nhung', idNumber: '001190012345', phone: '0912 345 678', address: 'Thôn Đông, xã An Bình' };
const NEUTRAL = 'Không tìm thấy hồ sơ với mã hồ sơ và mã bí mật đã nhập';

let browser: Browser;
/** The dossier of the first journey, followed by the later ones. */
let first: Submitted | undefined;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  assert.deepEqual(pageProblems, [], 'page errors or CSP violations');
});

async function noSideScroll(page: Page, where: string) {
  const r = await hasNoHorizontalScroll(page);
  assert.ok(r.ok, `${where} scrolls sideways: ${JSON.stringify(r)}`);
}

/** Nothing of the secret in the address, the history entry or localStorage. */
async function secretNotKept(page: Page, secret: string) {
  assert.ok(!page.url().includes(secret.slice(0, 9)), `secret in the address: ${page.url()}`);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.ok(!stored.includes(secret.slice(0, 9)), 'secret in localStorage');
}

void describe('citizen dossier journeys', () => {
  void it('(c1) on a phone a citizen finds "giay khai sinh", submits online with a PDF, gets a code and secret, and follows the dossier', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await page.goto('/');
      await page.getByTestId('portal-search').fill('giay khai sinh');
      await page.getByTestId('portal-search').press('Enter');
      await page.getByTestId('catalog-results').getByRole('link', { name: BIRTH.name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: BIRTH.name }).waitFor();
      await page.getByTestId('submit-online').click();
      await page.waitForURL(`**/thu-tuc/${BIRTH.code}/nop-ho-so`);
      await page.getByTestId('submit-form').waitFor();
      await noSideScroll(page, 'the submission form');
      await shot(page, 'c1-submit-empty');

      // Sent empty: the summary takes the focus and names each problem in plain words.
      await page.getByTestId('submit-button').click();
      const summary = page.getByTestId('error-summary');
      await summary.getByText('Chọn xã, phường nhận hồ sơ.').waitFor();
      await summary.getByText('Nhập họ và tên người nộp.').waitFor();
      await summary.getByText('Đính kèm ít nhất một giấy tờ.').waitFor();
      await summary.getByText('Đánh dấu ô cam đoan trước khi nộp hồ sơ.').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'error-summary');
      await summary.getByText('Nhập họ và tên người nộp.').click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'applicant-name');

      await chooseUnit(page, BIRTH.unit);
      await fillApplicant(page, { ...APPLICANT, idNumber: '12345' });
      // A file of the wrong type and one too large are refused on the spot, in plain Vietnamese.
      await attach(page, 'Giấy tờ khác (nếu có)', [{ name: 'virus.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') }], true);
      await page.getByText('Không nhận tệp “virus.exe”. Chỉ nhận tệp PDF').waitFor();
      const big = join(await mkdtemp(join(tmpdir(), 'dv-e2e-')), 'ban-ve.pdf');
      await writeFile(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x25));
      await attach(page, 'Giấy tờ khác (nếu có)', [big], true);
      await page.getByText('Tệp “ban-ve.pdf” (10,1 MB) lớn hơn mức tối đa 10 MB.').waitFor();
      await page.getByRole('button', { name: 'Bỏ tệp virus.exe' }).click();
      await page.getByRole('button', { name: 'Bỏ tệp ban-ve.pdf' }).click();
      await attach(page, BIRTH.form, [samplePdf('To khai khai sinh')]);
      await page.getByTestId('missing-slots').waitFor();
      await shot(page, 'c1-submit-filled');

      // The server's answer on the ID number comes back on its field.
      await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
      await page.getByTestId('submit-button').click();
      await page.getByTestId('error-summary').getByText('Số định danh cá nhân (CCCD) gồm 12 chữ số').waitFor();
      const id = field(page, 'Số định danh cá nhân (CCCD) hoặc mã số thuế');
      assert.equal(await id.getAttribute('aria-invalid'), 'true');
      await id.fill(APPLICANT.idNumber);
      first = await sendSubmission(page);
      await page.getByText('Mã bí mật chỉ hiện một lần này').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
      const link = (await page.getByTestId('tracking-link').textContent()) ?? '';
      assert.ok(link.endsWith(`/tra-cuu/${encodeURIComponent(first.code)}#s=${first.secret}`), link);
      await noSideScroll(page, 'the confirmation');
      await secretNotKept(page, first.secret);
      await shot(page, 'c1-submit-done');

      await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
      await page.waitForURL(`**/tra-cuu/${encodeURIComponent(first.code)}`);
      await expectState(page, 'Chờ tiếp nhận');
      await page.getByTestId('tracked-code').getByText(first.code).waitFor();
      await page.getByTestId('timeline').getByText('Tình trạng: Chờ tiếp nhận').waitFor();
      await page.getByText(BIRTH.unit).first().waitFor();
      await noSideScroll(page, 'the tracking page');
      await secretNotKept(page, first.secret);
      await shot(page, 'c1-track');

      // Leaving the page forgets the secret: coming back asks for it.
      await page.getByRole('link', { name: 'Trang chủ' }).first().click();
      await page.getByTestId('portal-search').waitFor();
      assert.equal(await page.evaluate(() => sessionStorage.length), 0);
      await page.goto(`/tra-cuu/${encodeURIComponent(first.code)}`);
      await page.getByTestId('lookup-form').waitFor();
    } finally {
      await context.close();
    }
  });

  void it('(c2) the code and secret open the dossier (typed loosely, or from the link); a wrong secret and an unknown code get the same neutral message', async () => {
    assert.ok(first, 'needs the dossier of (c1)');
    const { context, page } = await newPage(browser, PHONE);
    try {
      await page.goto('/');
      await page.getByTestId('portal-track').click();
      await page.getByTestId('lookup-form').waitFor();
      await noSideScroll(page, 'the look-up form');
      await shot(page, 'c2-lookup');

      const wrong = `${first.secret.slice(0, -1)}${first.secret.endsWith('0') ? '1' : '0'}`;
      await lookUp(page, first.code, wrong);
      const problem = page.getByTestId('lookup-problem');
      await problem.getByText(NEUTRAL).waitFor();
      const wrongText = await problem.textContent();
      await shot(page, 'c2-wrong-secret');
      await lookUp(page, `${first.code.slice(0, -4)}9999`, first.secret);
      await problem.getByText(NEUTRAL).waitFor();
      assert.equal(await problem.textContent(), wrongText, 'an unknown code and a wrong secret read the same');

      // Lower case, without dashes, with spaces around: the server is forgiving.
      await lookUp(page, ` ${first.code} `, first.secret.replace(/-/g, '').toLowerCase());
      await expectState(page, 'Chờ tiếp nhận');
      await secretNotKept(page, first.secret);

      // The receipt's link: the secret rides in the fragment and leaves the address bar at once.
      await page.goto(`/tra-cuu/${encodeURIComponent(first.code)}#s=${first.secret}`);
      await expectState(page, 'Chờ tiếp nhận');
      assert.ok(!page.url().includes('#s='), page.url());
      await page.reload();
      await expectState(page, 'Chờ tiếp nhận');

      await page.getByTestId('language-switch').click();
      await page.getByText('Awaiting intake check').first().waitFor();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await shot(page, 'c2-track-en');
      await page.getByTestId('language-switch').click();
    } finally {
      await context.close();
    }
  });

  void it('(c3) the office asks to complete the file; the citizen sees what is missing and resubmits with a new PDF; once accepted, downloads the receipt, then withdraws', async () => {
    assert.ok(first, 'needs the dossier of (c1)');
    const citizen = await newPage(browser, PHONE);
    const officer = await newPage(browser);
    try {
      await login(officer.page, 'motcua.anbinh');
      const page = officer.page.context().request;
      const found = (await staffApi(page, 'GET', `/api/dossiers?q=${encodeURIComponent(first.code)}`)) as { items: Array<{ id: string; code: string }> };
      const dossier = found.items.find((d) => d.code === first?.code);
      assert.ok(dossier, 'the officer sees the online dossier');
      await staffApi(page, 'POST', `/api/dossiers/${dossier.id}/actions/request_completion`, {
        data: {
          missingDocuments: [{ name: 'Giấy chứng sinh bản chính', note: 'bản scan rõ nét' }],
          guidance: 'Chụp rõ cả hai mặt giấy chứng sinh.',
        },
      });

      const c = citizen.page;
      await lookUp(c, first.code, first.secret);
      await expectState(c, 'Yêu cầu bổ sung, hoàn thiện hồ sơ');
      const asked = c.getByTestId('office-request');
      await asked.getByText('Giấy chứng sinh bản chính').waitFor();
      await asked.getByText('Chụp rõ cả hai mặt giấy chứng sinh.').waitFor();
      await noSideScroll(c, 'the tracking page with a request to complete');
      await shot(c, 'c3-needs-completion');

      await sendDocuments(c, 'resubmit', 'Giấy chứng sinh bản chính', [{ ...samplePdf('Giay chung sinh'), name: 'giay-chung-sinh.pdf' }]);
      await expectState(c, 'Chờ tiếp nhận');
      await c.getByTestId('timeline').getByText('Nộp lại hồ sơ đã bổ sung').waitFor();
      await shot(c, 'c3-resubmitted');

      // Accepted at the desk: the appointment shows, and the receipt (form 01) downloads with the secret in a header.
      await staffApi(page, 'POST', `/api/dossiers/${dossier.id}/actions/accept`, {});
      await c.getByRole('button', { name: 'Cập nhật' }).click();
      await expectState(c, 'Đã tiếp nhận');
      assert.match((await c.getByTestId('dossier-due').textContent()) ?? '', /\d{2}\/\d{2}\/\d{4}/);
      const [download] = await Promise.all([c.waitForEvent('download'), c.getByTestId('receipt-download').click()]);
      const pdf = await readFile(await download.path());
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      await shot(c, 'c3-accepted');

      await withdrawDossier(c, 'Gia đình đã đăng ký khai sinh tại nơi khác.');
      await expectState(c, 'Đã rút hồ sơ');
      assert.equal(await c.getByTestId('withdraw-open').count(), 0, 'no action on a finished dossier');
      await shot(c, 'c3-withdrawn');
    } finally {
      await citizen.context.close();
      await officer.context.close();
    }
  });

  void it('(c4) a refused dossier shows the reason and legal basis, and its applicant rates the service on the five SIPAS questions', async () => {
    // axe is injected as an inline script: this journey runs without the CSP (the others keep it).
    const citizen = await newPage(browser, { ...PHONE, bypassCSP: true });
    const officer = await newPage(browser);
    try {
      const c = citizen.page;
      const mine = await submitOnline(c, { procedureCode: BIRTH.code, unitName: BIRTH.unit, applicant: APPLICANT, documentLabel: BIRTH.form });
      await login(officer.page, 'motcua.anbinh');
      const api = officer.page.context().request;
      const found = (await staffApi(api, 'GET', `/api/dossiers?q=${encodeURIComponent(mine.code)}`)) as { items: Array<{ id: string; code: string }> };
      const id = found.items.find((d) => d.code === mine.code)?.id;
      assert.ok(id, 'the officer sees the online dossier');
      await staffApi(api, 'POST', `/api/dossiers/${id}/actions/refuse`, {
        data: { reason: 'Trẻ sinh tại tỉnh khác, không thuộc thẩm quyền của xã.', legalBasis: 'Điều 13 Luật Hộ tịch 2014' },
      });

      await c.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
      await expectState(c, 'Từ chối tiếp nhận');
      const asked = c.getByTestId('office-request');
      await asked.getByText('Trẻ sinh tại tỉnh khác, không thuộc thẩm quyền của xã.').waitFor();
      await asked.getByText('Điều 13 Luật Hộ tịch 2014').waitFor();
      assert.equal(await c.getByTestId('withdraw-open').count(), 0, 'nothing to withdraw once refused');

      // Sent incomplete: each unanswered question says so, and the focus goes to the first.
      const form = c.getByTestId('rating-form');
      await form.locator('fieldset[data-factor="access"] input[value="4"]').check();
      await c.getByTestId('rating-send').click();
      await form.locator('fieldset[data-factor="procedure"]').getByText('Chọn một mức từ 1 đến 5.').waitFor();
      assert.equal(await c.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), 'rate-procedure');
      // Radio groups answer to the keyboard: an arrow moves the choice.
      await c.keyboard.press('Space');
      await c.keyboard.press('ArrowRight');
      assert.equal(await form.locator('fieldset[data-factor="procedure"] input:checked').getAttribute('value'), '2');
      await noSideScroll(c, 'the rating form');
      await shot(c, 'c4-rating-form');
      const issues = await axeSerious(c);
      assert.deepEqual(issues, [], JSON.stringify(issues, null, 2));
      await rate(c, [4, 3, 5, 2, 4], 'Cán bộ hướng dẫn tận tình.');
      await c.getByTestId('rating-given').getByText('Cảm ơn bạn đã đánh giá').waitFor();
      await c.getByTestId('rating-given').getByText('Cán bộ hướng dẫn tận tình.').waitFor();
      await c.reload();
      await c.getByTestId('rating-given').waitFor();
      assert.equal(await c.getByTestId('rating-form').count(), 0, 'rated once only');
      await shot(c, 'c4-rated');
    } finally {
      await citizen.context.close();
      await officer.context.close();
    }
  });

  void it('(c5) a citizen signs in with an emailed code, files a dossier that joins "Hồ sơ của tôi", opens it without the secret, adds an earlier one, and signs out', async () => {
    const { context, page } = await newPage(browser, PHONE);
    const email = `nhung.${Date.now()}@example.vn`;
    try {
      await page.goto('/');
      await page.getByRole('link', { name: 'Tài khoản' }).click();
      await page.getByTestId('signin').waitFor();
      await noSideScroll(page, 'the sign-in form');
      await shot(page, 'c5-signin');
      await signInCitizen(page, email);
      await page.getByTestId('mine-empty').waitFor();
      await shot(page, 'c5-account-empty');

      await openSubmission(page, BIRTH.code);
      await page.getByTestId('account-note').getByText(`Bạn đang đăng nhập (${email})`).waitFor();
      assert.equal(await field(page, 'Thư điện tử (email)').inputValue(), email);
      await chooseUnit(page, BIRTH.unit);
      await fillApplicant(page, { name: APPLICANT.name, idNumber: APPLICANT.idNumber });
      await attach(page, BIRTH.form, [samplePdf()]);
      const mine = await sendSubmission(page);

      // A fresh load keeps nothing of the secret: the account alone opens the dossier.
      await page.goto('/tai-khoan');
      const card = page.getByTestId('mine-list').locator(`[data-code="${mine.code}"]`);
      await card.getByText('Chờ tiếp nhận').waitFor();
      await noSideScroll(page, 'my dossiers');
      await shot(page, 'c5-mine');
      await card.getByRole('link', { name: BIRTH.name }).click();
      await expectState(page, 'Chờ tiếp nhận');
      assert.equal(await page.getByTestId('lookup-form').count(), 0, 'no secret asked of the account holder');

      // A dossier filed as a guest joins the account with its code and secret.
      await page.goto('/tai-khoan');
      await page.getByTestId('mine-list').locator(`[data-code="${mine.code}"]`).waitFor();
      if (first) {
        await field(page, 'Mã hồ sơ').fill(first.code);
        await field(page, 'Mã bí mật').fill(first.secret);
        await page.getByTestId('claim-send').click();
        await page.getByTestId('mine-list').locator(`[data-code="${first.code}"]`).getByText('Đã rút hồ sơ').waitFor();
      }

      await page.getByTestId('sign-out').click();
      await page.getByTestId('signin').waitFor();
      await page.goto(`/tra-cuu/${encodeURIComponent(mine.code)}`);
      await page.getByTestId('lookup-form').waitFor();
    } finally {
      await context.close();
    }
  });

  void it('(c6) axe finds no serious or critical violation on the submission, confirmation, look-up and tracking pages', async () => {
    const { context, page } = await newPage(browser, { ...PHONE, bypassCSP: true });
    const report: string[] = [];
    const check = async (name: string) => {
      for (const i of await axeSerious(page)) report.push(`${name}: [${i.impact}] ${i.id} ${i.help}\n    ${i.nodes.join('\n    ')}`);
    };
    try {
      await openSubmission(page, BIRTH.code);
      await check('submit');
      await page.getByTestId('submit-button').click();
      await page.getByTestId('error-summary').waitFor();
      await check('submit-errors');
      const done = await submitOnline(page, { procedureCode: BIRTH.code, unitName: BIRTH.unit, applicant: APPLICANT, documentLabel: BIRTH.form });
      await check('submit-done');
      await page.goto('/tra-cuu');
      await page.getByTestId('lookup-form').waitFor();
      await check('lookup');
      await lookUp(page, done.code, done.secret);
      await expectState(page, 'Chờ tiếp nhận');
      await check('track');
      await page.getByTestId('withdraw-open').click();
      await page.getByRole('dialog').waitFor();
      // Checked once the opening transition has ended (half-faded text would read as low contrast).
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await check('withdraw-dialog');
      await page.keyboard.press('Escape');
      await page.goto('/tai-khoan');
      await page.getByTestId('signin').waitFor();
      await check('account-signin');
      await signInCitizen(page, `axe.${Date.now()}@example.vn`);
      await page.getByTestId('mine-empty').waitFor();
      await check('account-mine');
      assert.deepEqual(report, [], report.join('\n'));
    } finally {
      await context.close();
    }
  });
});
