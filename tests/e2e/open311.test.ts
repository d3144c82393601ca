// Browser journey of the Open311 categories: the province administrator adds a category with a list question
// (a taken code is shown on its field), sees it in services.json, retires it and it leaves services.json.
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

const serviceCodes = async (get: (url: string) => Promise<{ json: () => Promise<unknown> }>) =>
  ((await (await get('/open311/v2/services.json')).json()) as Array<{ service_code: string }>).map((s) => s.service_code);

void describe('Open311 categories journey', () => {
  void it('(o) the province admin adds a category with a question, sees it in services.json, and retires it', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true }); // axe is injected inline
    try {
      await login(page, 'admin');
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Danh mục phản ánh Open311' }).click();
      const table = page.getByRole('table', { name: 'Danh sách loại phản ánh Open311' });
      await table.getByRole('cell', { name: 'Chiếu sáng công cộng', exact: true }).waitFor();

      await page.getByTestId('open311-service-create').click();
      const dialog = page.getByRole('dialog', { name: 'Thêm loại phản ánh' });
      await field(dialog, 'Mã').fill('CSCC');
      await field(dialog, 'Tên loại phản ánh').fill('Vỉa hè, lòng đường');
      await field(dialog, 'Nhóm').fill('Hạ tầng');
      await field(dialog, 'Mô tả').fill('Lấn chiếm vỉa hè, lòng đường; vỉa hè hư hỏng.');
      await dialog.getByRole('button', { name: 'Thêm thuộc tính' }).click();
      const row = dialog.getByTestId('attribute-row-1');
      await field(row, 'Mã thuộc tính').fill('loai');
      await field(row, 'Nội dung câu hỏi').fill('Loại vi phạm');
      await field(row, 'Kiểu dữ liệu').click();
      await page.getByRole('option', { name: 'Chọn một (singlevaluelist)' }).click();
      await row.getByRole('checkbox', { name: 'Bắt buộc' }).check();
      const choices = field(row, 'Các lựa chọn, mỗi dòng một "mã=tên"');
      await choices.fill('lan_chiem=Lấn chiếm\nhu hong');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.getByText('Dòng 2 phải có dạng mã=tên').waitFor();
      await choices.fill('lan_chiem=Lấn chiếm\nhu_hong=Hư hỏng');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      // The code is taken: the server's answer shows on the code field.
      await dialog.getByText('Mã đã được dùng').waitFor();
      await field(dialog, 'Mã').fill('VHLD');
      assert.deepEqual(await axeSerious(page), []);
      await shot(page, 'o-open311-service-form');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã thêm loại phản ánh "Vỉa hè, lòng đường"').waitFor();
      await table.getByTestId('open311-service-VHLD').waitFor();

      const get = (url: string) => page.request.get(url);
      assert.ok((await serviceCodes(get)).includes('VHLD'));
      const def = (await (await get('/open311/v2/services/VHLD.json')).json()) as { attributes: Array<Record<string, unknown>> };
      assert.deepEqual(def.attributes, [
        {
          variable: true,
          code: 'loai',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: null,
          order: 1,
          description: 'Loại vi phạm',
          values: [
            { key: 'lan_chiem', name: 'Lấn chiếm' },
            { key: 'hu_hong', name: 'Hư hỏng' },
          ],
        },
      ]);

      await table.getByRole('switch', { name: 'Đang sử dụng: Vỉa hè, lòng đường' }).click();
      await page.getByText('Đã ngừng sử dụng "Vỉa hè, lòng đường"').waitFor();
      assert.equal((await serviceCodes(get)).includes('VHLD'), false);
      await shot(page, 'o-open311-services');
    } finally {
      await context.close();
    }
  });

  void it('(o2) a commune administrator has no Open311 categories page', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin.binhminh');
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link').first().waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Danh mục phản ánh Open311' }).count(), 0);
      await page.goto('/staff/open311');
      await page.waitForURL((url) => !url.pathname.endsWith('/staff/open311'));
    } finally {
      await context.close();
    }
  });

  void it('(oz) no page raised an uncaught error or violated the Content-Security-Policy', () => {
    assert.deepEqual(pageProblems, []);
  });
});
