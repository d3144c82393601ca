// Browser journeys of Open311: the province administrator adds a category with a list question (a taken code is
// shown on its field), sees it in services.json, retires it and it leaves services.json; registers a client
// application (its key shown once), posts with that key through the HTTP API, issues a new key (the old one is
// refused), revokes it and the next post is refused with the specification's 403.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { APIRequestContext, Browser } from 'playwright-core';
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

/** A street-light report posted as a client application does: form-encoded, with the key in api_key. */
const postReport = (request: APIRequestContext, apiKey: string) =>
  request.post('/open311/v2/requests.json', {
    form: { api_key: apiKey, service_code: 'CSCC', address_string: 'Cổng trường tiểu học An Bình', description: 'Đèn đường trước cổng trường không sáng.', 'attribute[tinh_trang]': 'khong_sang' },
  });

void describe('Open311 journeys', () => {
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

  void it('(o3) the province admin registers an application (key shown once), it posts, gets a new key, is revoked and refused with 403', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true }); // axe is injected inline
    try {
      await login(page, 'admin');
      // Beside the categories: a tab leads to the client applications.
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Danh mục phản ánh Open311' }).click();
      await page.getByRole('tab', { name: 'Ứng dụng kết nối' }).click();
      await page.waitForURL('**/staff/open311/clients');
      const current = page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[data-active]');
      assert.deepEqual(await current.allTextContents(), ['Ứng dụng kết nối Open311']);
      assert.equal(await page.locator('nav [aria-current="page"]').count(), 1);
      const table = page.getByRole('table', { name: 'Danh sách ứng dụng kết nối Open311' });
      await table.waitFor();

      const register = async (name: string) => {
        await page.getByTestId('open311-client-create').click();
        const dialog = page.getByRole('dialog', { name: 'Đăng ký ứng dụng' });
        await field(dialog, 'Tên ứng dụng').fill(name);
        await field(dialog, 'Đầu mối liên hệ').fill('tongdai1022@anbinh.gov.vn');
        await field(dialog, 'Đơn vị tiếp nhận phản ánh').fill('Xã An Bình');
        await page.getByRole('option', { name: 'Xã An Bình', exact: true }).click();
        await dialog.getByRole('button', { name: 'Đăng ký ứng dụng' }).click();
        return dialog;
      };
      await register('Tổng đài 1022 xã An Bình');
      const keyDialog = page.getByRole('dialog', { name: 'Khoá API của "Tổng đài 1022 xã An Bình"' });
      const apiKey = (await keyDialog.getByTestId('open311-api-key').textContent())?.trim() ?? '';
      assert.match(apiKey, /^dv311_[A-Za-z0-9_-]{40,}$/);
      await keyDialog.getByText('Khoá chỉ hiển thị một lần này.', { exact: false }).waitFor();
      assert.deepEqual(await axeSerious(page), []);
      await keyDialog.getByRole('button', { name: 'Sao chép Khoá API' }).click();
      await keyDialog.getByText('Đã sao chép Khoá API.').waitFor();
      // While it shows the copied state, the button's name says so too.
      await keyDialog.getByRole('button', { name: 'Đã sao chép Khoá API' }).waitFor();
      await shot(page, 'o3-open311-key-once');
      await keyDialog.getByRole('button', { name: 'Tôi đã lưu khoá' }).click();
      await keyDialog.waitFor({ state: 'hidden' });
      const row = table.getByRole('row').filter({ hasText: 'Tổng đài 1022 xã An Bình' });
      await row.getByText('Chưa sử dụng').waitFor();
      // Shown once: nowhere on the page any more, only its first characters on the row.
      assert.equal((await page.content()).includes(apiKey), false);
      await row.getByText(`${apiKey.slice(0, 12)}…`).waitFor();

      // The same name again in the same unit: the server's answer lands on the name field.
      const again = await register('tổng đài 1022 xã an bình');
      await again.getByText('Đơn vị đã có ứng dụng đang hoạt động với tên này').waitFor();
      await shot(page, 'o3-open311-client-form');
      await again.getByRole('button', { name: 'Huỷ' }).click();

      // The application posts with its key, as a client does through the HTTP API.
      const accepted = await postReport(page.request, apiKey);
      assert.equal(accepted.status(), 201, await accepted.text());
      assert.match(((await accepted.json()) as Array<{ service_request_id: string }>)[0]?.service_request_id ?? '', /^DT-99001-\d{6}-\d{4}$/);
      await page.reload();
      await row.getByText('Chưa sử dụng').waitFor({ state: 'detached' });

      // A new key: confirmed, shown once; the old key is refused from then on.
      await row.getByRole('button', { name: 'Cấp lại khoá cho Tổng đài 1022 xã An Bình' }).click();
      await page.getByRole('dialog', { name: 'Cấp lại khoá API' }).getByRole('button', { name: 'Cấp khoá mới' }).click();
      const newKeyDialog = page.getByRole('dialog', { name: 'Khoá API của "Tổng đài 1022 xã An Bình"' });
      const newKey = (await newKeyDialog.getByTestId('open311-api-key').textContent())?.trim() ?? '';
      assert.match(newKey, /^dv311_/);
      assert.notEqual(newKey, apiKey);
      await newKeyDialog.getByRole('button', { name: 'Tôi đã lưu khoá' }).click();
      assert.equal((await postReport(page.request, apiKey)).status(), 403);
      assert.equal((await postReport(page.request, newKey)).status(), 201);

      // Revoked after a confirmation: the next post is refused with the specification's error.
      await row.getByRole('button', { name: 'Thu hồi khoá của Tổng đài 1022 xã An Bình' }).click();
      const confirm = page.getByRole('dialog', { name: 'Thu hồi khoá API' });
      await confirm.getByText('Không thể hoàn tác', { exact: false }).waitFor();
      await confirm.getByRole('button', { name: 'Thu hồi khoá' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await page.getByText('Đã thu hồi khoá của "Tổng đài 1022 xã An Bình"').waitFor();
      await row.getByText('Đã thu hồi', { exact: true }).waitFor();
      assert.equal(await row.getByRole('button').count(), 0);
      const refused = await postReport(page.request, newKey);
      assert.equal(refused.status(), 403);
      const errors = (await refused.json()) as Array<{ code: number; description: string }>;
      assert.equal(errors.length, 1);
      assert.equal(errors[0]?.code, 403);
      assert.match(errors[0]?.description ?? '', /^api_key: /);
      await shot(page, 'o3-open311-clients');
    } finally {
      await context.close();
    }
  });

  void it('(o2) a commune administrator has the client applications of the commune but no categories page; an officer has neither', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin.binhminh');
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link').first().waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Danh mục phản ánh Open311' }).count(), 0);
      await page.goto('/staff/open311');
      await page.waitForURL((url) => !url.pathname.endsWith('/staff/open311'));
      await nav.getByRole('link', { name: 'Ứng dụng kết nối Open311' }).click();
      await page.getByRole('table', { name: 'Danh sách ứng dụng kết nối Open311' }).getByText('Chưa có ứng dụng nào được cấp khoá.').waitFor();
      // One page alone: no tabs.
      assert.equal(await page.getByRole('tab').count(), 0);
    } finally {
      await context.close();
    }
    const officer = await newPage(browser);
    try {
      await login(officer.page, 'tiepdan.anbinh');
      const nav = officer.page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link').first().waitFor();
      assert.equal(await nav.getByRole('link', { name: /Open311/ }).count(), 0);
      await officer.page.goto('/staff/open311/clients');
      await officer.page.waitForURL((url) => !url.pathname.endsWith('/staff/open311/clients'));
    } finally {
      await officer.context.close();
    }
  });

  void it('(oz) no page raised an uncaught error or violated the Content-Security-Policy', () => {
    assert.deepEqual(pageProblems, []);
  });
});
