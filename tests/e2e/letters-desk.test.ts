// Browser journey of the staff desk intake of letters (issue 4): the reception officer of An Bình records a letter that
// came by post, with a scan, is shown its code and the secret for the writer, and finds it in the inbox; input the server
// refuses shows its errors on the fields; axe on the intake screens.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { samplePdf, staffApi } from './citizen-pages';
import { axeSerious, field, launch, login, newPage, pageProblems, shot } from './helpers';

const POSTED = {
  name: 'Đoàn Thị Gửi Thư',
  address: 'Thôn Bắc, xã An Bình',
  subject: 'Đề nghị sửa đường liên thôn Bắc – Nam',
  content: 'Đoạn đường liên thôn Bắc – Nam dài khoảng 300 m bị sụt lún, mùa mưa ngập sâu, học sinh đi lại khó khăn. Đề nghị Ủy ban nhân dân xã sớm sửa chữa.',
};

let browser: Browser;
const report: string[] = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function check(page: Page, name: string) {
  for (const i of await axeSerious(page)) report.push(`${name}: [${i.impact}] ${i.id} ${i.help}\n    ${i.nodes.join('\n    ')}`);
}

/** Yesterday at 09:30 in the officer's time, as a `datetime-local` input takes it. */
function yesterdayMorning(): string {
  const d = new Date(Date.now() - 24 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T09:30`;
}

void describe('letters desk intake', () => {
  void it('(ld1) the reception officer records a posted letter with a scan and finds it in the inbox', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true });
    try {
      await login(page, 'tiepdan.anbinh');
      await page.getByTestId('nav-letters').click();
      await page.getByTestId('letter-intake').click();
      await page.waitForURL('**/staff/letters/new');
      await page.getByTestId('letter-intake-form').waitFor();
      await check(page, 'intake-form');
      await page.getByTestId('intake-channel').getByText('Qua bưu chính').click();
      await field(page, 'Thời điểm nhận đơn').fill(yesterdayMorning());
      await field(page, 'Họ và tên').fill(POSTED.name);
      await field(page, 'Địa chỉ').fill(POSTED.address);
      await field(page, 'Trích yếu').fill(POSTED.subject);
      await field(page, 'Nội dung đơn').fill(POSTED.content);
      await page.locator('#intake-files').locator('..').locator('input[type="file"]').setInputFiles(samplePdf('Don gui qua buu dien'));
      await page.getByTestId('upload-item').getByRole('progressbar', { name: 'Đã tải lên' }).waitFor();
      await shot(page, 'ld1-intake-form');
      await page.getByTestId('letter-intake-submit').click();

      await page.waitForURL(/\/staff\/letters\/[0-9a-f-]{36}$/);
      const notice = page.getByTestId('letter-recorded');
      await notice.waitFor();
      const code = (await page.getByTestId('recorded-code').innerText()).trim();
      const secret = (await page.getByTestId('recorded-secret').innerText()).trim();
      assert.match(code, /\S/);
      assert.ok(secret.length >= 8, `a secret is shown: ${secret}`);
      assert.equal((await page.getByTestId('record-code').innerText()).trim(), code);
      await page.getByTestId('record-state').getByText('Chờ phân loại', { exact: true }).waitFor();
      await page.getByTestId('letter-content').getByText(POSTED.content).waitFor();
      await page.getByText('Qua bưu chính').first().waitFor();
      assert.equal(await page.getByTestId('letter-files').locator('tbody tr').count(), 1, 'the scan is attached');
      await shot(page, 'ld1-letter-recorded');
      await check(page, 'letter-recorded');
      // Once written on the receipt, the secret is gone from the page.
      await notice.getByRole('button', { name: 'Đã ghi giấy biên nhận' }).click();
      await notice.waitFor({ state: 'hidden' });
      assert.equal(await page.getByText(secret).count(), 0);

      await page.goto('/staff/letters?state=received');
      const row = page.getByTestId('letter-table').locator(`tr[data-code="${code}"]`);
      await row.waitFor();
      await shot(page, 'ld1-letters-inbox');
    } finally {
      await context.close();
    }
  });

  void it('(ld2) missing and invalid input shows the errors on their fields and records nothing', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true });
    try {
      await login(page, 'tiepdan.anbinh');
      await page.goto('/staff/letters/new');
      await page.getByTestId('intake-channel').getByText('Cơ quan khác chuyển đến').click();
      await page.getByTestId('letter-intake-submit').click();
      await page.getByTestId('intake-errors').waitFor();
      await page.getByText('Vui lòng nhập nội dung đơn').waitFor();
      await page.getByText('Vui lòng nhập cơ quan chuyển đơn').waitFor();
      await page.getByText('Vui lòng nhập số văn bản chuyển đơn').waitFor();

      // What only the server checks lands on its field too.
      await field(page, 'Cơ quan chuyển đơn').fill('Ban Tiếp công dân tỉnh');
      await field(page, 'Số văn bản chuyển đơn').fill('125/BTCD-PTD');
      await field(page, 'Nội dung đơn').fill(POSTED.content);
      await field(page, 'Họ và tên').fill(POSTED.name);
      await field(page, 'Số CCCD').fill('12345');
      await page.getByTestId('letter-intake-submit').click();
      await page.locator('#writer-idNumber[aria-invalid="true"]').waitFor();
      const message = (await page.locator('#writer-idNumber-error').innerText()).trim();
      assert.match(message, /\S/, "the server's message is under the field");
      assert.equal(await page.getByRole('alert').filter({ hasText: 'body.' }).count(), 0, 'every error found its field');
      assert.ok(page.url().endsWith('/staff/letters/new'), 'still on the form');
      await shot(page, 'ld2-intake-errors');
      await check(page, 'intake-errors');
    } finally {
      await context.close();
    }
  });

  void it('(ld3) the writer of an ended case rates the handling on the tracking page', async () => {
    // Set-up through the staff API: a letter recorded at the desk, classified as feedback, and filed away (an end).
    const officer = await newPage(browser);
    let code: string;
    let secret: string;
    try {
      await login(officer.page, 'tiepdan.anbinh');
      const req = officer.context.request;
      const made = (await staffApi(req, 'POST', '/api/letters', {
        channel: 'desk',
        dated: true,
        signed: true,
        writer: { name: 'Lê Văn Đánh Giá' },
        content: 'Đèn chiếu sáng đường thôn Tây bị hỏng ba bóng, buổi tối đi lại không an toàn. Đề nghị xã thay bóng đèn.',
      })) as { letter: { id: string; code: string }; secret: string };
      ({ code } = made.letter);
      ({ secret } = made);
      const classified = (await staffApi(req, 'POST', `/api/letters/${made.letter.id}/classify`, {
        cases: [{ type: 'feedback', summary: 'Phản ánh đèn chiếu sáng đường thôn Tây bị hỏng', checks: { inVietnamese: true, statesContent: true } }],
      })) as { cases: Array<{ id: string }> };
      const caseId = classified.cases[0]?.id;
      assert.ok(caseId, 'one case');
      await staffApi(req, 'POST', `/api/letter-cases/${caseId}/actions/file_away`, {
        data: { fileReason: 'already_resolved', reason: 'Đèn đã được thay trong đợt bảo dưỡng định kỳ tuần này.' },
      });
    } finally {
      await officer.context.close();
    }

    const { context, page } = await newPage(browser, { bypassCSP: true });
    try {
      await page.goto(`/tra-cuu-don/${encodeURIComponent(code)}#s=${encodeURIComponent(secret)}`);
      const after = page.getByTestId('after-end');
      await after.waitFor();
      // Filed away, not answered: rating only, no request to reconsider.
      assert.equal(await page.getByTestId('reopen').count(), 0);
      await page.getByTestId('rating-send').click();
      await after.getByText('Chọn mức độ hài lòng.').waitFor();
      await after.getByRole('radio', { name: 'Hài lòng một phần' }).check();
      assert.equal(await after.getByText('Chọn mức độ hài lòng.').count(), 0, 'the hint goes once a level is chosen');
      await field(after, 'Ý kiến thêm (không bắt buộc)').fill('Xử lý nhanh nhưng chưa báo lại cho tôi.');
      await shot(page, 'ld3-rating-form');
      await check(page, 'tracking-rating');
      await page.getByTestId('rating-send').click();
      await page.getByTestId('rating-given').getByText(/Bạn đã đánh giá: Hài lòng một phần/).waitFor();
      assert.equal(await page.getByTestId('rating-form').count(), 0, 'rated once');
      await shot(page, 'ld3-rated');
    } finally {
      await context.close();
    }
  });

  void it('(ld4) the writer of an answered case asks, within the window, for it to be reconsidered', async () => {
    // Set-up through the staff API: feedback recorded and classified by the officer, assigned and accepted by the
    // leader, reported on by the specialist, answered by the leader.
    const as = async (username: string) => {
      const s = await newPage(browser);
      await login(s.page, username);
      return s;
    };
    const officer = await as('tiepdan.anbinh');
    const leader = await as('lanhdao.anbinh');
    const specialist = await as('chuyenvien.anbinh');
    let code: string;
    let secret: string;
    try {
      const made = (await staffApi(officer.context.request, 'POST', '/api/letters', {
        channel: 'desk',
        dated: true,
        signed: true,
        writer: { name: 'Phan Thị Đề Nghị' },
        content: 'Rác thải tập kết ở đầu ngõ 12 thôn Nam không được thu gom đúng lịch, bốc mùi. Đề nghị xã chỉ đạo thu gom.',
      })) as { letter: { id: string; code: string }; secret: string };
      ({ code } = made.letter);
      ({ secret } = made);
      const classified = (await staffApi(officer.context.request, 'POST', `/api/letters/${made.letter.id}/classify`, {
        cases: [{ type: 'feedback', summary: 'Phản ánh rác thải ngõ 12 thôn Nam không được thu gom', checks: { inVietnamese: true, statesContent: true } }],
      })) as { cases: Array<{ id: string }> };
      const caseId = classified.cases[0]?.id;
      assert.ok(caseId, 'one case');
      const act = (s: { context: { request: Parameters<typeof staffApi>[0] } }, action: string, body: unknown = {}) =>
        staffApi(s.context.request, 'POST', `/api/letter-cases/${caseId}/actions/${action}`, body);
      const list = (await staffApi(leader.context.request, 'GET', `/api/letter-cases/${caseId}/assignees?action=assign`)) as { items: Array<{ id: string; fullName: string }> };
      const nam = list.items.find((i) => i.fullName === 'Hoàng Văn Nam');
      assert.ok(nam, `the specialist among ${list.items.map((i) => i.fullName).join(', ')}`);
      await act(leader, 'assign', { assigneeId: nam.id });
      await act(leader, 'accept');
      await act(specialist, 'submit_report', { data: { report: 'Đã kiểm tra: tổ thu gom bỏ sót ngõ 12 hai tuần. Đề xuất trả lời, nhắc tổ thu gom.' } });
      await act(leader, 'answer', {
        data: { answer: 'Ủy ban nhân dân xã đã nhắc tổ thu gom thu rác ngõ 12 đúng lịch.', documentNumber: '45/UBND-VP', documentDate: new Date().toISOString().slice(0, 10), signer: 'Chủ tịch UBND xã' },
      });
    } finally {
      for (const s of [officer, leader, specialist]) await s.context.close();
    }

    const { context, page } = await newPage(browser, { bypassCSP: true });
    try {
      await page.goto(`/tra-cuu-don/${encodeURIComponent(code)}#s=${encodeURIComponent(secret)}`);
      const reopen = page.getByTestId('reopen');
      await reopen.getByText(/đề nghị xem xét lại một lần, đến hết ngày/).waitFor();
      // The last day, from the server, among the case's facts too (30 days after the answer, today).
      await page.getByTestId('case-reopen-until').getByText(/\d{2}\/\d{2}\/\d{4}/).waitFor();
      await page.getByTestId('reopen-open').click();
      await page.getByTestId('reopen-send').click();
      await reopen.getByText('Lý do cần ít nhất 10 ký tự.').waitFor();
      await field(reopen, 'Lý do đề nghị xem xét lại').fill('Rác vẫn chưa được thu gom sau khi có văn bản trả lời.');
      await shot(page, 'ld4-reopen-form');
      await check(page, 'tracking-reopen');
      await page.getByTestId('reopen-send').click();
      // Open again: no end, so nothing to rate or reopen; the history shows the request.
      await page.getByTestId('after-end').waitFor({ state: 'detached' });
      await page.getByTestId('case-timeline').getByText(/Người viết đơn|xem xét lại|giải quyết lại/i).first().waitFor();
      await shot(page, 'ld4-reopened');
    } finally {
      await context.close();
    }
  });

  void it('(ld9) axe finds no serious or critical violation and no page error on the intake screens', () => {
    assert.deepEqual(report, [], report.join('\n'));
    assert.deepEqual(pageProblems, []);
  });
});
