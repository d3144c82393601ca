// Browser journey of the letter statistics: the province leader opens them from the menu, reads the key figures, charts and table,
// groups by type and by month, downloads the CSV; a commune reception officer sees only their commune; a phone does not scroll sideways.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeSerious, launch, login, newPage, pageProblems, shot } from './helpers';
import { cellOf, chartsDrawn, csvMatches, fitsAPhone, int, seesOnlyOwnUnit, type StatsPage } from './stats-pages';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const STATS: StatsPage = { path: '/staff/letters/stats', table: 'letter-stats-table', chart: 'letter-chart-by-group' };

void describe('letter statistics journey', () => {
  void it('(ls) the province leader reads the figures, charts and table of the letters, groups by type and month, downloads CSV', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true }); // axe is injected inline
    try {
      await login(page, 'lanhdao.tinh');
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thống kê đơn thư' }).click();
      await page.getByRole('heading', { name: 'Thống kê đơn thư', level: 1 }).waitFor();
      await page.getByTestId('letter-stats-table').waitFor();

      // The demo letters of this year: key figures agree with the table's total row; communes are rows.
      const letters = int(await page.getByTestId('kpi-letters-value').innerText());
      assert.ok(letters >= 1, `letters ${letters}`);
      assert.equal(int(await cellOf(page, 'letter-stats-total', 'letters').innerText()), letters);
      assert.equal(int(await cellOf(page, 'letter-stats-total', 'cases').innerText()), int(await page.getByTestId('kpi-cases-value').innerText()));
      assert.equal(await page.getByTestId('letter-stats-table').getByRole('rowheader', { name: 'Xã An Bình' }).count(), 1);
      assert.match(await page.getByTestId('kpi-resolvedRate-value').innerText(), /^(\d{1,3}(,\d)?%|—)$/);
      await page.getByTestId('letter-stats-table').getByRole('columnheader', { name: /Thuộc thẩm quyền/ }).waitFor();

      // Both charts are drawn, each with a summary for screen readers.
      await chartsDrawn(page, ['letter-chart-by-group', 'letter-chart-by-month'], /.{20,}/);
      assert.deepEqual(await axeSerious(page), []);
      await shot(page, 'ls-letter-stats-province-units');

      // By type: the four kinds of letters are rows, the total stays.
      await page.getByTestId('stats-group').getByText('Loại đơn', { exact: true }).click();
      await page.getByTestId('letter-stats-table').getByRole('columnheader', { name: 'Loại đơn' }).waitFor();
      for (const type of ['Khiếu nại', 'Tố cáo', 'Kiến nghị', 'Phản ánh'])
        await page.getByTestId('letter-stats-table').getByRole('rowheader', { name: type, exact: true }).waitFor();
      assert.equal(int(await cellOf(page, 'letter-stats-total', 'letters').innerText()), letters);
      await shot(page, 'ls-letter-stats-province-types');

      await page.getByTestId('stats-group').getByText('Tháng nhận đơn', { exact: true }).click();
      await page.getByTestId('letter-stats-table').getByRole('rowheader', { name: /^Tháng \d{1,2}\/\d{4}$/ }).first().waitFor();
      assert.match(page.url(), /groupBy=month/);

      // The CSV link asks for the same figures, with Vietnamese headers.
      await csvMatches(page, /^\/api\/letters\/stats\.csv\?.*groupBy=month/, /^\uFEFFTháng,Đơn tiếp nhận,Đơn chưa phân loại,Đơn trùng,/);

      // Last year: the period has ended and is counted as it stood at its end.
      await page.getByTestId('stats-preset').click();
      await page.getByRole('option', { name: 'Năm trước' }).click();
      await page.getByText('Kỳ đã kết thúc: số liệu tính tại cuối kỳ', { exact: false }).waitFor();
    } finally {
      await context.close();
    }
  });

  void it('(ls2) a commune reception officer sees only their commune', async () => {
    await seesOnlyOwnUnit(browser, STATS, 'tiepdan.anbinh', 'Xã An Bình');
  });

  void it('(ls3) at 375×740 the letter statistics page does not scroll sideways', async () => {
    await fitsAPhone(browser, STATS, 'ls-letter-stats-phone');
  });

  void it('(lsz) no page raised an uncaught error or violated the Content-Security-Policy', () => {
    assert.deepEqual(pageProblems, []);
  });
});
