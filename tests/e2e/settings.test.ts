// Browser journey of the installation settings: the province administrator changes the dossier code format
// with a live preview, is stopped by a format that could repeat codes, saves, and sets the default back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeSerious, field, launch, login, newPage, pageProblems, shot } from './helpers';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

void describe('system settings journey', () => {
  void it('(s) the province admin changes the dossier code format, with a preview, and restores the default', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true }); // axe is injected inline
    try {
      await login(page, 'admin');
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cấu hình hệ thống' }).click();
      await page.getByRole('heading', { name: 'Mẫu mã hồ sơ' }).waitFor();
      const input = field(page, 'Mẫu mã');
      assert.equal(await input.inputValue(), '{agency}-{yymmdd}-{seq:4}');

      await input.fill('{unit}-{yymmdd}-{seq:4}');
      await page.getByText('Mẫu phải có mã cơ quan tiếp nhận {agency}').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Lưu' }).isDisabled(), true);

      await input.fill('{agency}.{yyyy}{mm}{dd}.{seq:5}');
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).replace(/-/g, '');
      await page.getByText(new RegExp(`\\.${today}\\.00001$`)).waitFor();
      assert.deepEqual(await axeSerious(page), []);
      await shot(page, 's-settings-code-format');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(/Đã lưu mẫu mã hồ sơ/).waitFor();

      await page.getByRole('button', { name: 'Dùng mẫu mặc định' }).click();
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(/Đã lưu mẫu mã hồ sơ\. Ví dụ: .*-\d{6}-0001/).waitFor();
    } finally {
      await context.close();
    }
  });

  void it('(s2) a commune administrator has no settings page', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin.binhminh');
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link').first().waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Cấu hình hệ thống' }).count(), 0);
      await page.goto('/staff/settings');
      await page.waitForURL((url) => !url.pathname.endsWith('/staff/settings'));
    } finally {
      await context.close();
    }
  });

  void it('(sz) no page raised an uncaught error or violated the Content-Security-Policy', () => {
    assert.deepEqual(pageProblems, []);
  });
});
