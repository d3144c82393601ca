// Browser journey: a denunciation whose writer named themselves in the words. The reception officer who recorded it
// reads the words with the name and phone masked, and the letter page says so above the content; axe on that page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { staffApi } from './citizen-pages';
import { axeSerious, launch, login, newPage, pageProblems, shot } from './helpers';

const WRITER = { name: 'Đinh Thị Tố Nga', phone: '0913 202 707' };
const CONTENT = `Tôi là Đinh Thị Tố Nga, điện thoại 0913 202 707. Tôi tố cáo cán bộ địa chính xã thu tiền đo đạc không có biên lai.`;

let browser: Browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

void describe('a denunciation read by an officer who may not reveal its writer', () => {
  void it('(r1) shows the words masked, with the notice that they were masked to protect the denouncer', async () => {
    // axe is injected as an inline script: this page runs without the CSP.
    const { context, page } = await newPage(browser, { bypassCSP: true });
    try {
      await login(page, 'tiepdan.anbinh');
      const recorded = (await staffApi(page.request, 'POST', '/api/letters', {
        channel: 'desk',
        dated: true,
        signed: true,
        declaredKind: 'denunciation',
        subject: 'Tố cáo thu tiền đo đạc',
        content: CONTENT,
        writer: WRITER,
      })) as { letter: { id: string } };
      await page.goto(`/staff/letters/${recorded.letter.id}`);
      await page.getByTestId('letter-timeline').waitFor();
      await page.getByTestId('letter-redacted').getByText('Nội dung đơn đã được che một phần để bảo vệ người tố cáo.').waitFor();
      await page.getByTestId('letter-content').getByText('Tôi là [họ tên], điện thoại [số điện thoại].', { exact: false }).waitFor();
      assert.equal(await page.getByText(WRITER.name, { exact: false }).count(), 0, 'the name is nowhere on the page');
      await shot(page, 'r1-letter-redacted');
      assert.deepEqual(await axeSerious(page), []);
    } finally {
      await context.close();
    }
  });

  void it('(rz) no page raised an uncaught error', () => {
    assert.deepEqual(pageProblems, []);
  });
});
