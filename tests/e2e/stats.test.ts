// Browser journey of the statistics: the province leader opens them, reads the key figures, charts and table,
// switches the grouping and the period, downloads the CSV; a commune officer sees only their commune; a phone does not scroll sideways.
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

const STATS: StatsPage = { path: '/staff/stats', table: 'stats-table', chart: 'chart-by-group' };

void describe('statistics journey', () => {
  void it('(t) the province leader reads the figures, charts and table, switches grouping and period, downloads CSV', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true }); // axe is injected inline
    try {
      await login(page, 'lanhdao.tinh');
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thống kê, báo cáo' }).click();
      await page.getByRole('heading', { name: 'Thống kê, báo cáo', level: 1 }).waitFor();
      await page.getByTestId('stats-table').waitFor();

      // Key figures agree with the table's total row; communes are rows of the table.
      const received = int(await page.getByTestId('kpi-received-value').innerText());
      assert.ok(received >= 1, `received ${received}`);
      assert.equal(int(await cellOf(page, 'stats-total', 'received').innerText()), received);
      assert.equal(await page.getByTestId('stats-table').getByRole('rowheader', { name: 'Xã An Bình' }).count(), 1);
      assert.match(await page.getByTestId('kpi-onTimeRate-value').innerText(), /^(\d{1,3}(,\d)?%|—)$/);

      // Both charts are drawn, each with a summary for screen readers.
      await chartsDrawn(page, ['chart-by-group', 'chart-by-month'], /Số liệu đầy đủ ở bảng/);
      assert.deepEqual(await axeSerious(page), []);
      await shot(page, 't-stats-province-units');

      // Group by field, then by month.
      await page.getByTestId('stats-group').getByText('Lĩnh vực', { exact: true }).click();
      await page.getByTestId('stats-table').getByRole('columnheader', { name: 'Lĩnh vực' }).waitFor();
      await page.getByTestId('stats-table').getByRole('rowheader', { name: 'Hộ tịch' }).waitFor();
      assert.equal(int(await cellOf(page, 'stats-total', 'received').innerText()), received);
      await page.getByTestId('stats-group').getByText('Tháng', { exact: true }).click();
      await page.getByTestId('stats-table').getByRole('rowheader', { name: /^Tháng \d{1,2}\/\d{4}$/ }).first().waitFor();
      assert.match(page.url(), /groupBy=month/);
      await shot(page, 't-stats-province-months');

      // The CSV link asks for the same figures.
      await csvMatches(page, /^\/api\/dossiers\/stats\.csv\?.*groupBy=month/, /^\uFEFFTháng,Tiếp nhận,Nộp trực tuyến,/);

      // Last year: the period has ended, so overdue now is not counted.
      await page.getByTestId('stats-preset').click();
      await page.getByRole('option', { name: 'Năm trước' }).click();
      await page.getByText('Kỳ đã kết thúc', { exact: false }).waitFor();
      assert.equal(await page.getByTestId('kpi-overdue-value').innerText(), '—');
    } finally {
      await context.close();
    }
  });

  void it('(t2) a commune officer sees only their commune', async () => {
    await seesOnlyOwnUnit(browser, STATS, 'motcua.binhminh', 'Phường Bình Minh');
  });

  void it('(t3) at 375×740 the statistics page does not scroll sideways', async () => {
    await fitsAPhone(browser, STATS, 't-stats-phone');
  });

  void it('(tz) no page raised an uncaught error or violated the Content-Security-Policy', () => {
    assert.deepEqual(pageProblems, []);
  });
});
