// What the browser journeys of the two statistics pages (dossiers, letters) check alike: the cells of a
// row, numbers as the page writes them, the charts with their summaries, the CSV download, the unit
// scope of a commune officer and the phone width.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { hasNoHorizontalScroll, login, newPage, shot } from './helpers';

/** The cell of column `col` in the row with this test id. */
export const cellOf = (page: Page, rowTestId: string, col: string) => page.getByTestId(rowTestId).locator(`[data-col="${col}"]`);

/** A Vietnamese integer as the page writes it ("1.234") → 1234. */
export const int = (text: string) => Number(text.replace(/\./g, ''));

/** Each chart is drawn, with its summary for screen readers (`summary` matches its aria-label). */
export async function chartsDrawn(page: Page, testIds: readonly string[], summary: RegExp): Promise<void> {
  for (const id of testIds) {
    const chart = page.getByTestId(id);
    await chart.locator('svg.recharts-surface').first().waitFor();
    assert.match((await chart.getByRole('img').getAttribute('aria-label')) ?? '', summary);
  }
}

/** The CSV link asks for the page's figures (`path` and the grouping in its query), as UTF-8 with a BOM and these first headers. */
export async function csvMatches(page: Page, path: RegExp, firstHeaders: RegExp): Promise<void> {
  const href = (await page.getByTestId('stats-csv').getAttribute('href')) ?? '';
  assert.match(href, path);
  const csv = await page.request.get(href);
  assert.equal(csv.status(), 200);
  const body = await csv.body();
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(body.toString('utf8'), firstHeaders);
}

export interface StatsPage {
  path: string;
  /** The test id of the table. */
  table: string;
  /** The test id of the chart by group (drawn on a phone too). */
  chart: string;
}

/** A commune officer's page lists only their commune, and the unit picker offers nothing else. */
export async function seesOnlyOwnUnit(browser: Browser, p: StatsPage, username: string, unitName: string): Promise<void> {
  const { context, page } = await newPage(browser);
  try {
    await login(page, username);
    await page.goto(p.path);
    await page.getByTestId(p.table).waitFor();
    assert.deepEqual(await page.getByTestId(p.table).locator('tbody th').allInnerTexts(), [unitName]);
    await page.getByTestId('stats-unit').click();
    assert.deepEqual(await page.getByRole('option').allInnerTexts(), [unitName]);
  } finally {
    await context.close();
  }
}

/** At 375×740 the province leader's page, table and chart drawn, does not scroll sideways; a screenshot `name`. */
export async function fitsAPhone(browser: Browser, p: StatsPage, name: string): Promise<void> {
  const { context, page } = await newPage(browser, { width: 375, height: 740 });
  try {
    await login(page, 'lanhdao.tinh');
    await page.goto(p.path);
    await page.getByTestId(p.table).waitFor();
    await page.getByTestId(p.chart).locator('svg.recharts-surface').first().waitFor();
    const r = await hasNoHorizontalScroll(page);
    assert.ok(r.ok, `scrolls sideways: ${JSON.stringify(r)}`);
    await shot(page, name);
  } finally {
    await context.close();
  }
}
