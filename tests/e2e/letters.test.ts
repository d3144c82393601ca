// Browser journey of citizens' letters (issue 4, item 9): a citizen sends feedback online and is shown the code and secret
// once; the reception officer of An Bình classifies it; the leader assigns it and accepts it, the specialist reports, the
// leader issues the answer and publishes it; the citizen reads the answer on the tracking page and among the published
// answers. Also the inboxes on a phone, and axe on every letter screen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { staffApi } from './citizen-pages';
import { axeSerious, field, hasNoHorizontalScroll, launch, login, newPage, pageProblems, shot } from './helpers';

const LETTER = {
  subject: 'Cống thoát nước thôn Đông bị tắc',
  content: 'Cống thoát nước đầu thôn Đông bị tắc hơn một tuần, nước thải tràn ra đường, bốc mùi và gây trơn trượt. Đề nghị xã cho nạo vét sớm.',
  name: 'Trịnh Văn Phản Ánh',
  phone: '0912 555 014',
};
const ANSWER = 'Ủy ban nhân dân xã đã giao tổ vệ sinh môi trường nạo vét cống thoát nước thôn Đông; công việc hoàn thành trong tuần này.';
const PHOTO = { name: 'anh-cong-tac.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5d0b20000000049454e44ae426082', 'hex') };

let browser: Browser;
let sent: { code: string; secret: string } | undefined;
let caseUrl: string | undefined;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens a Mantine select by its label inside `scope`, optionally types, and picks the option. */
async function pick(page: Page, scope: Page | Locator, label: string, option: string | RegExp, type?: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const input = scope.getByRole('combobox', { name: new RegExp(`^${escaped}( \\*)?$`) });
  await input.click();
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

/** Takes an action on the case page: opens its form, lets `fill` complete it, confirms, waits for the form to close. */
async function act(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByTestId('case-actions').getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function expectState(page: Page, label: string) {
  await page.getByTestId('record-state').getByText(label, { exact: true }).waitFor();
}

void describe('citizens letters journey', () => {
  void it('(l1) a citizen sends feedback online and is shown the letter code and the secret once', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/');
      await page.getByTestId('portal-send-letter').click();
      await page.waitForURL('**/gui-don');
      await page.getByTestId('letter-form').waitFor();
      // Sending nothing: the summary names what is missing.
      await page.getByTestId('letter-send').click();
      const summary = page.getByTestId('error-summary');
      await summary.getByText('Chọn loại đơn.').waitFor();
      await summary.getByText('Nhập nội dung đơn.').waitFor();
      await shot(page, 'lt1-letter-form-errors');

      await page.getByTestId('kind-feedback').click();
      const options = await page.locator('#letter-unit option').allInnerTexts();
      const anBinh = options.find((o) => o.startsWith('Xã An Bình'));
      assert.ok(anBinh, `An Bình among ${options.join(', ')}`);
      await page.locator('#letter-unit').selectOption({ label: anBinh });
      await field(page, 'Họ và tên').fill(LETTER.name);
      await field(page, 'Số điện thoại').fill(LETTER.phone);
      await field(page, 'Tiêu đề ngắn').fill(LETTER.subject);
      await field(page, 'Nội dung').fill(LETTER.content);
      await page.getByTestId('upload-letter').locator('input[type="file"]').setInputFiles(PHOTO);
      await page.getByTestId('upload-letter').locator('li[data-status="done"]').waitFor();
      await page.getByLabel(/Tôi cam đoan nội dung đơn là đúng sự thật/).check();
      await shot(page, 'lt1-letter-form');
      // A double click sends one letter: one Idempotency-Key per form session.
      await page.getByTestId('letter-send').dblclick();
      const done = page.getByTestId('letter-sent');
      await done.waitFor();
      const code = (await page.getByTestId('letter-code').innerText()).trim();
      const secret = (await page.getByTestId('letter-secret').innerText()).trim();
      assert.match(code, /^DT-99001-\d{6}-\d{4}$/);
      assert.match(secret, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
      assert.match(await page.getByTestId('letter-link').innerText(), new RegExp(`/tra-cuu-don/${code}#s=`));
      await done.getByText('Mã bí mật chỉ hiển thị một lần này').waitFor();
      sent = { code, secret };
      await shot(page, 'lt1-letter-sent');

      await page.getByTestId('letter-follow').click();
      await page.waitForURL(`**/tra-cuu-don/${code}`);
      await page.getByTestId('letter-state').getByText('Chờ phân loại').waitFor();
      assert.ok(!page.url().includes(secret), 'the secret never goes into the address');
      await shot(page, 'lt1-letter-tracked');
    } finally {
      await context.close();
    }
  });

  void it('(l2) the reception officer finds it to classify, sees the writer hidden, and classifies it as feedback', async () => {
    assert.ok(sent, 'needs the letter of (l1)');
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'tiepdan.anbinh');
      await page.getByTestId('nav-letters').click();
      // Overdue cases reported to the superiors have their own pile, which opens the case inbox filtered to it.
      await page.getByTestId('letter-counts').getByRole('button', { name: /^Quá hạn, đã báo cáo cấp trên/ }).click();
      await page.waitForURL(/\/staff\/letter-cases\?due=escalated/);
      assert.equal(await page.getByRole('combobox', { name: 'Thời hạn' }).inputValue(), 'Quá hạn, đã báo cáo cấp trên');
      await page.getByTestId('nav-letters').click();
      await page.waitForURL(/\/staff\/letters$/);
      await page.getByTestId('letter-counts').getByRole('button', { name: /^Chờ phân loại/ }).click();
      await page.waitForURL(/state=received/);
      const row = page.getByTestId('letter-table').locator(`tr[data-code="${sent.code}"]`);
      await row.waitFor();
      // Before classification the writer is hidden in the list.
      await row.getByText('Được che').waitFor();
      await shot(page, 'lt2-letters-inbox');
      await row.getByRole('link').click();
      await page.getByTestId('letter-timeline').waitFor();
      await expectState(page, 'Chờ phân loại');
      await page.getByTestId('letter-content').getByText(LETTER.content).waitFor();
      await page.getByTestId('identity').getByText('Đơn có ghi: họ và tên, số điện thoại').waitFor();
      assert.equal(await page.getByText(LETTER.name).count(), 0, 'the writer is not shown before a reveal');
      await page.getByTestId('letter-files').getByText(PHOTO.name).waitFor();
      await page.getByTestId('duplicates').waitFor();
      await shot(page, 'lt2-letter');

      await page.getByTestId('letter-actions').getByRole('button', { name: 'Phân loại đơn' }).click();
      const dialog = page.getByRole('dialog', { name: 'Phân loại đơn, tách vụ việc' });
      await dialog.waitFor();
      await dialog.getByTestId('processable').getByText('Đủ điều kiện xử lý').waitFor();
      await shot(page, 'lt2-classify');
      await dialog.getByRole('button', { name: 'Phân loại', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expectState(page, 'Đã phân loại');
      // Classified without a denunciation: the writer is shown.
      await page.getByTestId('writer').getByText(LETTER.name).waitFor();
      const caseLink = page.getByTestId('letter-cases').getByRole('link').first();
      await caseLink.click();
      await page.waitForURL(/\/staff\/letter-cases\/[0-9a-f-]{36}$/);
      caseUrl = new URL(page.url()).pathname;
      await expectState(page, 'Chờ xử lý đơn');
      await shot(page, 'lt2-case');
    } finally {
      await context.close();
    }
  });

  void it('(l2b) a second letter on the same drain is filed with the case, unfiled with a reason from its page, filed again and unfiled from the case page', async () => {
    assert.ok(caseUrl, 'needs the case of (l2)');
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'tiepdan.anbinh');
      const made = (await staffApi(context.request, 'POST', '/api/letters', {
        channel: 'desk',
        dated: true,
        signed: true,
        writer: { name: 'Lý Thị Trùng Lặp', address: 'Thôn Đông, xã An Bình' },
        subject: LETTER.subject,
        content: LETTER.content,
      })) as { letter: { id: string; code: string } };
      const { code: caseCode } = (await staffApi(context.request, 'GET', `/api${caseUrl}`.replace('/staff/', '/'))) as { code: string };
      await page.goto(`/staff/letters/${made.letter.id}`);
      await expectState(page, 'Chờ phân loại');
      const suggestion = page.getByTestId('duplicates').locator(`[data-case="${caseCode}"]`);
      await suggestion.getByRole('button', { name: 'Lưu vào vụ việc này (đơn trùng)' }).click();
      const mark = page.getByRole('dialog', { name: `Lưu đơn vào vụ việc ${caseCode}?` });
      await mark.getByRole('button', { name: 'Lưu là đơn trùng' }).click();
      await mark.waitFor({ state: 'hidden' });
      await expectState(page, 'Đơn trùng, đã lưu vào vụ việc');
      await page.getByTestId('letter-cases').getByText(caseCode).waitFor();

      // Not the same matter after all: "Huỷ lưu đơn trùng" asks for the reason.
      await page.getByTestId('letter-actions').getByRole('button', { name: 'Huỷ lưu đơn trùng' }).click();
      const unfile = page.getByRole('dialog', { name: `Huỷ lưu đơn trùng của vụ việc ${caseCode}?` });
      await unfile.waitFor();
      await unfile.getByRole('button', { name: 'Huỷ lưu đơn trùng' }).click();
      await unfile.getByText('Vui lòng nhập lý do huỷ lưu đơn trùng').waitFor();
      const reason = field(unfile, 'Lý do huỷ');
      assert.equal(await reason.getAttribute('aria-invalid'), 'true');
      await reason.fill('ngắn');
      await unfile.getByRole('button', { name: 'Huỷ lưu đơn trùng' }).click();
      await unfile.getByText('Lý do cần ít nhất 10 ký tự').waitFor();
      await shot(page, 'lt2b-unfile');
      await reason.fill('Đơn phản ánh cống ở đầu thôn Đông khác, không cùng vụ việc đã có');
      await unfile.getByRole('button', { name: 'Huỷ lưu đơn trùng' }).click();
      await unfile.waitFor({ state: 'hidden' });
      await expectState(page, 'Chờ phân loại');
      await page.getByTestId('letter-actions').getByRole('button', { name: 'Phân loại đơn' }).waitFor();
      assert.equal(await page.getByTestId('letter-cases').count(), 0, 'the letter no longer holds the case');

      // Filed with the case again, and unfiled this time from the case page: only the duplicate offers it, not the origin.
      await staffApi(context.request, 'POST', `/api/letters/${made.letter.id}/mark-duplicate`, { caseId: caseUrl.split('/').pop() });
      await page.goto(caseUrl);
      const held = page.getByTestId('case-letters');
      await held.getByRole('link', { name: `Mở đơn ${made.letter.code}` }).waitFor();
      assert.equal(await held.getByRole('button').count(), 1, 'one letter to unfile: the duplicate');
      await held.getByRole('button', { name: `Huỷ lưu đơn trùng ${made.letter.code}: trả đơn về chờ phân loại` }).click();
      const fromCase = page.getByRole('dialog', { name: `Huỷ lưu đơn trùng của vụ việc ${caseCode}?` });
      await field(fromCase, 'Lý do huỷ').fill('Đơn phản ánh cống ở đầu thôn Đông khác, đã lưu nhầm lần nữa');
      await shot(page, 'lt2b-case-unfile');
      await fromCase.getByRole('button', { name: 'Huỷ lưu đơn trùng' }).click();
      await fromCase.waitFor({ state: 'hidden' });
      await page.getByText(`Đã huỷ lưu đơn trùng: đơn ${made.letter.code} trở về chờ phân loại`).waitFor();
      await held.getByRole('link', { name: `Mở đơn ${made.letter.code}` }).waitFor({ state: 'detached' });
      assert.equal(await held.getByRole('button').count(), 0, 'nothing left to unfile');
      await expectState(page, 'Chờ xử lý đơn');

      // Back among the letters to classify.
      await page.getByTestId('nav-letters').click();
      await page.waitForURL(/\/staff\/letters$/);
      await page.getByTestId('letter-counts').getByRole('button', { name: /^Chờ phân loại/ }).click();
      await page.waitForURL(/state=received/);
      await page.getByTestId('letter-table').locator(`tr[data-code="${made.letter.code}"]`).waitFor();
    } finally {
      await context.close();
    }
  });

  void it('(l3) the leader assigns and accepts it, the specialist reports, the leader issues the answer and publishes it', async () => {
    assert.ok(caseUrl, 'needs the case of (l2)');
    const leader = await newPage(browser);
    const specialist = await newPage(browser);
    try {
      await login(leader.page, 'lanhdao.anbinh');
      await leader.page.goto('/staff/letter-cases?state=to_process');
      await leader.page.getByTestId('case-table').locator('tr[data-code]').first().waitFor();
      await shot(leader.page, 'lt3-case-inbox');
      await leader.page.goto(caseUrl);
      await leader.page.getByTestId('case-timeline').waitFor();
      await act(leader.page, 'Giao xử lý', async (dialog) => {
        await pick(leader.page, dialog, 'Cán bộ được phân công', /Hoàng Văn Nam/);
      });
      await leader.page.getByTestId('case-assignee').getByText('Hoàng Văn Nam').waitFor();
      await act(leader.page, 'Tiếp nhận xem xét, trả lời');
      await expectState(leader.page, 'Đang xem xét, trả lời');
      await leader.page.getByTestId('case-due').getByText(/\d{2}\/\d{2}\/\d{4}/).waitFor();
      await shot(leader.page, 'lt3-case-accepted');

      await login(specialist.page, 'chuyenvien.anbinh');
      // The case is in the specialist's own pile.
      await specialist.page.goto('/staff/letter-cases?mine=1');
      await specialist.page.getByTestId('case-table').locator(`tr[data-code] a[href="${caseUrl}"]`).click();
      await specialist.page.getByTestId('case-timeline').waitFor();
      await act(specialist.page, 'Báo cáo kết quả, đề xuất', async (dialog) => {
        await field(dialog, 'Báo cáo kết quả xác minh, đề xuất').fill('Đã kiểm tra thực địa: cống tắc do rác thải sinh hoạt. Đề xuất giao tổ vệ sinh môi trường nạo vét.');
      });
      await expectState(specialist.page, 'Chờ ký văn bản trả lời');
      await shot(specialist.page, 'lt3-case-reported');

      await leader.page.reload();
      await act(leader.page, 'Ban hành văn bản trả lời', async (dialog) => {
        await field(dialog, 'Nội dung trả lời').fill(ANSWER);
        await field(dialog, 'Số văn bản').fill('45/UBND-VP');
        await field(dialog, 'Ngày văn bản').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));
        await field(dialog, 'Người ký (họ tên, chức vụ)').fill('Bùi Đức Thắng, Chủ tịch UBND xã');
      });
      await expectState(leader.page, 'Đã trả lời');
      await shot(leader.page, 'lt3-case-answered');

      const publish = leader.page.getByTestId('case-actions').getByRole('button', { name: 'Công khai nội dung trả lời trên Cổng thông tin' });
      await publish.click();
      const dialog = leader.page.getByRole('dialog', { name: 'Công khai nội dung trả lời trên Cổng thông tin' });
      await dialog.waitFor();
      // The draft comes from the server, with the writer's name removed.
      const text = field(dialog, 'Nội dung trả lời công khai (đã lược bỏ thông tin cá nhân)');
      assert.match(await text.inputValue(), /tổ vệ sinh môi trường/);
      assert.doesNotMatch(await field(dialog, 'Nội dung đơn công khai (đã lược bỏ thông tin cá nhân)').inputValue(), new RegExp(LETTER.name));
      await shot(leader.page, 'lt3-publish-form');
      await dialog.getByRole('button', { name: 'Xác nhận' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await leader.page.getByTestId('case-timeline').getByText('Công khai nội dung trả lời trên Cổng thông tin').first().waitFor();
      await shot(leader.page, 'lt3-case-published');
    } finally {
      await leader.context.close();
      await specialist.context.close();
    }
  });

  void it('(l4) the citizen opens the tracking link and reads the answer; it is among the published answers without the name', async () => {
    assert.ok(sent, 'needs the letter of (l1)');
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`/tra-cuu-don/${sent.code}#s=${encodeURIComponent(sent.secret)}`);
      await page.getByTestId('tracked-letter').waitFor();
      assert.ok(!page.url().includes('#s='), 'the secret leaves the address bar');
      await page.getByTestId('letter-state').getByText('Đã phân loại').waitFor();
      const c = page.getByTestId('tracked-case');
      await c.getByTestId('case-state').getByText('Đã trả lời').waitFor();
      await c.getByTestId('case-answer').getByText(ANSWER).waitFor();
      await c.getByText('Số văn bản: 45/UBND-VP').waitFor();
      await shot(page, 'lt4-answer-tracked');

      // A wrong secret reveals nothing.
      await page.goto('/tra-cuu-don');
      await field(page, 'Mã đơn').fill(sent.code);
      await field(page, 'Mã bí mật').fill('AAAA-BBBB-CCCC-DDDD-EEEE');
      await page.getByTestId('lookup-submit').click();
      await page.getByTestId('lookup-problem').waitFor();

      const published = await page.context().request.get('/api/public/letter-answers?q=cong%20thoat%20nuoc');
      const items = ((await published.json()) as { items: Array<{ code: string; excerpt: string; summary: string }> }).items;
      const mine = items.find((i) => i.code.startsWith(sent?.code ?? '-'));
      assert.ok(mine, 'the published answer is listed');
      assert.doesNotMatch(JSON.stringify(mine), new RegExp(LETTER.name));
    } finally {
      await context.close();
    }
  });

  void it('(l5) at 375×740 the portal form and the case inbox do not scroll sideways', async () => {
    const { context, page } = await newPage(browser, { width: 375, height: 740 });
    try {
      await page.goto('/gui-don');
      await page.getByTestId('letter-form').waitFor();
      const p = await hasNoHorizontalScroll(page);
      assert.ok(p.ok, `portal form scrolls sideways: ${JSON.stringify(p)}`);
      await shot(page, 'lt5-phone-letter-form');
      await login(page, 'lanhdao.anbinh');
      await page.goto('/staff/letter-cases');
      await page.getByTestId('case-cards').locator('li[data-code]').first().waitFor();
      const r = await hasNoHorizontalScroll(page);
      assert.ok(r.ok, `case inbox scrolls sideways: ${JSON.stringify(r)}`);
      await shot(page, 'lt5-phone-cases');
    } finally {
      await context.close();
    }
  });

  void it('(l6) axe finds no serious or critical violation on the letter screens', async () => {
    assert.ok(sent && caseUrl, 'needs the letter and case of (l1)-(l3)');
    const { context, page } = await newPage(browser, { bypassCSP: true });
    const report: string[] = [];
    const check = async (name: string) => {
      for (const i of await axeSerious(page)) report.push(`${name}: [${i.impact}] ${i.id} ${i.help}\n    ${i.nodes.join('\n    ')}`);
    };
    try {
      await page.goto('/gui-don');
      await page.getByTestId('kind-feedback').waitFor();
      await check('portal-form');
      await page.goto('/tra-loi-don');
      await page.getByTestId('answers').locator('li').first().waitFor();
      await check('answers');
      await page.goto(`/tra-cuu-don/${sent.code}#s=${encodeURIComponent(sent.secret)}`);
      await page.getByTestId('tracked-case').waitFor();
      await check('tracking');
      await login(page, 'tiepdan.anbinh');
      await page.goto('/staff/letters');
      await page.getByTestId('letter-table').locator('tr[data-code]').first().waitFor();
      await check('letters-inbox');
      await page.goto('/staff/letters?state=received');
      await page.getByTestId('letter-table').locator('tr[data-code]').first().getByRole('link').click();
      await page.getByTestId('letter-timeline').waitFor();
      await check('letter');
      await page.getByTestId('letter-actions').getByRole('button', { name: 'Phân loại đơn' }).click();
      await page.getByRole('dialog').getByTestId('classify-form').waitFor();
      await page.waitForTimeout(500); // the modal's opening transition, before contrast is measured
      await check('classify-form');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL('**/staff/login');
      await login(page, 'lanhdao.anbinh');
      await page.goto('/staff/letter-cases');
      await page.getByTestId('case-table').locator('tr[data-code]').first().waitFor();
      await check('case-inbox');
      await page.goto(caseUrl);
      await page.getByTestId('case-timeline').waitFor();
      await check('case');
      await page.goto('/staff/letter-cases?state=to_process');
      await page.getByTestId('case-table').locator('tr[data-code]').first().getByRole('link').click();
      await page.getByTestId('case-actions').getByRole('button', { name: 'Giao xử lý' }).click();
      await page.getByRole('dialog').waitFor();
      await page.waitForTimeout(500);
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
