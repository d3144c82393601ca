// Shared set-up of the browser journeys: Debian Chromium, fresh contexts, sign-in, screenshots and axe.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const require = createRequire(import.meta.url);

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3200';
export const PASSWORD = process.env.E2E_PASSWORD ?? 'danvan-demo-2026';
export const SHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e');
mkdirSync(SHOTS, { recursive: true });

export async function launch(): Promise<Browser> {
  // launch() gives every run a fresh temporary profile (user-data dir) that Playwright removes afterwards.
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Uncaught page errors and CSP violations seen by any journey: the suite fails if there are any. */
export const pageProblems: string[] = [];

export async function newPage(
  browser: Browser,
  options: { width?: number; height?: number; lang?: 'vi' | 'en'; bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    // Only the accessibility journey injects axe as an inline script; every other journey runs under the real policy.
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: options.width ?? 1366, height: options.height ?? 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageProblems.push(`${page.url()}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageProblems.push(`${page.url()}: ${msg.text()}`);
  });
  return { context, page };
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** A form control by its exact label; Mantine appends " *" to the label text of required fields. */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

export async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto('/staff/login');
  await field(page, 'Tên đăng nhập').fill(username);
  await field(page, 'Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('user-menu').waitFor();
}

export interface AxeIssue {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** Injects axe-core and returns the serious or critical violations of the current page. */
export async function axeSerious(page: Page): Promise<AxeIssue[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')} :: ${n.failureSummary ?? ''}`.slice(0, 400)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** True when the page does not scroll sideways. */
export async function hasNoHorizontalScroll(page: Page): Promise<{ ok: boolean; scrollWidth: number; width: number; widest: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    let widest = '';
    if (scrollWidth > width) {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1) {
          widest = `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} right=${Math.round(r.right)}`;
          break;
        }
      }
    }
    return { ok: scrollWidth <= width, scrollWidth, width, widest };
  });
}
