// Browser journeys of the foundation: portal, sign-in, units, staff, calendar, audit, small screens, axe.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeSerious, field, hasNoHorizontalScroll, launch, login, newPage, pageProblems, PASSWORD, shot } from './helpers';

const PROVINCE = 'Tỉnh Sông Hồng (dữ liệu mẫu)';
const NEW_UNIT = { code: '99010', name: 'Xã Tân Lập (kiểm thử)' };
const NEW_STAFF = { username: 'canbo.e2e', fullName: 'Lê Thị Kiểm Thử', password: 'mat-khau-kiem-thu-2026' };
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
const DAY_OFF = { date: `${YEAR}-12-31`, name: 'Nghỉ bù (kiểm thử)' };

let browser: Browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function pickOption(page: Page, label: string, option: string | RegExp, search?: string) {
  const input = field(page.getByRole('dialog'), label);
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

void describe('foundation journeys', () => {
  void it('(a) portal home renders in Vietnamese, switches to English and back', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Chính quyền gần dân, phục vụ Nhân dân' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'vi');
      await page.getByText('Thủ tục hành chính').first().waitFor();
      // Every service card leads somewhere: letters are sent from the home page too.
      assert.ok(await page.getByTestId('portal-send-letter').isVisible());
      await shot(page, 'a-portal-vi');

      await page.getByTestId('language-switch').click();
      await page.getByRole('heading', { level: 1, name: 'Government close to the people, serving the people' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Government close to the people, serving the people' }).waitFor();
      await shot(page, 'a-portal-en');

      await page.getByTestId('language-switch').click();
      await page.getByRole('heading', { level: 1, name: 'Chính quyền gần dân, phục vụ Nhân dân' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'vi');
      await page.getByRole('link', { name: 'Đăng nhập cán bộ' }).first().click();
      await page.getByRole('heading', { name: 'Đăng nhập hệ thống' }).waitFor();
    } finally {
      await context.close();
    }
  });

  void it('(b) admin sees the unit tree, opens a commune and creates a unit', async () => {
    const { context, page } = await newPage(browser);
    try {
      // A wrong password shows the API's message.
      await page.goto('/staff/login');
      await field(page, 'Tên đăng nhập').fill('admin');
      await field(page, 'Mật khẩu').fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByTestId('login-error').getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor();
      await shot(page, 'b-login-error');

      await login(page, 'admin');
      await page.waitForURL('**/staff/units');
      const tree = page.getByTestId('unit-tree');
      await tree.getByText(PROVINCE).waitFor();
      for (const name of ['Xã An Bình', 'Phường Bình Minh', 'Xã Hòa Lạc', 'Phường Đông Hưng', 'Đặc khu Hòn Ngọc']) {
        await tree.getByText(name, { exact: true }).waitFor();
      }
      // Diacritic-insensitive search.
      await field(page, 'Tìm đơn vị').fill('hoa lac');
      await page.locator('[data-unit-code="99003"]').waitFor();
      await field(page, 'Tìm đơn vị').fill('');

      await page.locator('[data-unit-code="99001"]').click();
      const detail = page.getByTestId('unit-detail');
      await detail.getByRole('heading', { name: 'Xã An Bình' }).waitFor();
      await page.getByRole('cell', { name: 'Bộ phận Một cửa', exact: true }).first().waitFor();
      await shot(page, 'b-units-commune');

      await page.locator('[data-unit-code="99"]').click();
      await detail.getByRole('heading', { name: PROVINCE }).waitFor();
      await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
      const dialog = page.getByRole('dialog');
      await field(dialog, 'Mã').fill(NEW_UNIT.code);
      await field(dialog, 'Tên').fill(NEW_UNIT.name);
      await field(dialog, 'Hiệu lực từ ngày').fill('2026-01-01');
      await shot(page, 'b-unit-create-modal');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await detail.getByRole('heading', { name: NEW_UNIT.name }).waitFor();
      await page.locator(`[data-unit-code="${NEW_UNIT.code}"]`).waitFor();
      // The notification's close button has a name (Mantine leaves it unnamed unless given one).
      const note = page.getByRole('alert').filter({ hasText: NEW_UNIT.name });
      await note.getByRole('button', { name: 'Đóng thông báo' }).click();
      await note.waitFor({ state: 'detached' });
      // Edit it: the PATCH sends only the changed note.
      await detail.getByRole('button', { name: 'Sửa' }).click();
      await field(dialog, 'Ghi chú').fill('Thành lập theo nghị quyết kiểm thử');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await detail.getByText('Thành lập theo nghị quyết kiểm thử').waitFor();

      // The same code again is refused with the API's message.
      await page.locator('[data-unit-code="99"]').click();
      await detail.getByRole('heading', { name: PROVINCE }).waitFor();
      await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
      await field(dialog, 'Mã').fill(NEW_UNIT.code);
      await field(dialog, 'Tên').fill('Trùng mã');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.getByRole('alert').waitFor();
      await shot(page, 'b-unit-code-taken');
      await dialog.getByRole('button', { name: 'Huỷ' }).click();
      await shot(page, 'b-units-created');

      // CSV import: a file with a bad row is rejected as a whole, with the row listed; a good file is written.
      const header = 'code,name,kind,parent_code,valid_from,valid_to,note\n';
      await page.getByRole('button', { name: 'Nhập từ tệp CSV' }).click();
      const importDialog = page.getByRole('dialog');
      await importDialog.locator('input[type="file"]').setInputFiles({
        name: 'don-vi-loi.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${header}99020,Xã Phú Mỹ,commune,99,2025-07-01,,\n99021,Phường Sai,khong_co,99,2025-07-01,,\n`),
      });
      await importDialog.getByRole('button', { name: 'Bắt đầu nhập' }).click();
      await importDialog.getByRole('table', { name: 'Các dòng bị từ chối' }).getByRole('cell', { name: 'kind' }).waitFor();
      await shot(page, 'b-import-rejected');
      await importDialog.locator('input[type="file"]').setInputFiles({
        name: 'don-vi.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\ufeff${header}99020,Xã Phú Mỹ,commune,99,2025-07-01,,\n`),
      });
      await importDialog.getByRole('button', { name: 'Bắt đầu nhập' }).click();
      await importDialog.getByTestId('import-result').getByText('Hoàn tất').waitFor();
      await importDialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();
      await page.locator('[data-unit-code="99020"]').waitFor();
    } finally {
      await context.close();
    }
  });

  void it('(c) admin creates a staff member with a role on a commune, who then sees only the allowed navigation', async () => {
    const admin = await newPage(browser);
    try {
      const page = admin.page;
      await login(page, 'admin');
      await page.getByRole('link', { name: 'Cán bộ, công chức' }).click();
      await page.getByTestId('staff-table').locator('[data-username="admin.binhminh"]').waitFor();
      await page.getByTestId('staff-create').click();
      const dialog = page.getByRole('dialog');
      await field(dialog, 'Tên đăng nhập').fill(NEW_STAFF.username);
      await field(dialog, 'Họ và tên').fill(NEW_STAFF.fullName);
      await field(dialog, 'Chức vụ').fill('Công chức Một cửa');
      await pickOption(page, 'Đơn vị công tác', /Xã An Bình/, 'An Bình');
      await pickOption(page, 'Cơ quan', 'Bộ phận Một cửa');
      await field(dialog, 'Mật khẩu').fill(NEW_STAFF.password);
      await pickOption(page, 'Vai trò ban đầu', 'Cán bộ tiếp nhận (Một cửa)');
      await shot(page, 'c-staff-create-modal');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByTestId('staff-table').locator(`[data-username="${NEW_STAFF.username}"]`);
      await row.waitFor();
      await row.getByText('Cán bộ tiếp nhận (Một cửa)').waitFor();
      await shot(page, 'c-staff-list');
    } finally {
      await admin.context.close();
    }

    const person = await newPage(browser);
    try {
      const page = person.page;
      await login(page, NEW_STAFF.username, NEW_STAFF.password);
      // A one-stop officer starts on the dossier inbox, the first item of the navigation.
      await page.waitForURL('**/staff/dossiers');
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Đơn vị hành chính' }).waitFor();
      const links = (await nav.getByRole('link').allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(links, ['Hồ sơ một cửa', 'Thống kê, báo cáo', 'Thống kê đơn thư', 'Đơn vị hành chính', 'Thủ tục hành chính', 'Lịch làm việc']);
      await nav.getByRole('link', { name: 'Đơn vị hành chính' }).click();
      await page.waitForURL('**/staff/units');
      // No create/import buttons for a one-stop officer, and no way into the audit log.
      assert.equal(await page.getByTestId('unit-create').count(), 0);
      await page.goto('/staff/audit');
      await page.waitForURL('**/staff/dossiers');
      await shot(page, 'c-officer-navigation');
    } finally {
      await person.context.close();
    }
  });

  void it('(d) admin records an official day off and sees it in the calendar', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin');
      await page.getByRole('link', { name: 'Lịch làm việc' }).click();
      await page.getByTestId('calendar-months').waitFor();
      await page.getByRole('cell', { name: 'Tết Dương lịch' }).first().waitFor();
      const form = page.getByTestId('official-day-form');
      await field(form, 'Ngày').fill(DAY_OFF.date);
      await field(form, 'Tên ngày').fill(DAY_OFF.name);
      await field(form, 'Căn cứ').fill('Thông báo kiểm thử');
      await form.getByRole('button', { name: 'Ghi vào lịch' }).click();
      const row = page.getByTestId('calendar-days').locator(`tr[data-date="${DAY_OFF.date}"]`);
      await row.getByText(DAY_OFF.name).waitFor();
      await page.locator(`td[data-date="${DAY_OFF.date}"][data-kind="dayOff"]`).waitFor();
      await page.getByRole('button', { name: 'Tính hạn' }).click();
      await page.getByTestId('due-result').waitFor();
      await shot(page, 'd-calendar');
    } finally {
      await context.close();
    }
  });

  void it('(e) admin finds the entries of the previous steps in the audit log', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin');
      await page.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
      const table = page.getByTestId('audit-table');
      for (const action of ['unit.create', 'staff.create', 'calendar.day.create', 'auth.login']) {
        await table.locator(`tr[data-action="${action}"]`).first().waitFor();
      }
      await page.getByRole('combobox', { name: 'Thao tác' }).fill('unit.create');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => {
        const rows = Array.from(document.querySelectorAll('[data-testid="audit-table"] tr[data-action]'));
        return rows.length > 0 && rows.every((r) => r.getAttribute('data-action') === 'unit.create');
      });
      await table.locator('tr[data-action="unit.create"]').first().getByRole('button', { name: 'Xem chi tiết' }).click();
      await table.getByText(NEW_UNIT.name).first().waitFor();
      await shot(page, 'e-audit');
    } finally {
      await context.close();
    }
  });

  void it('(f) at 375×740 the portal and the staff shell do not scroll sideways', async () => {
    const { context, page } = await newPage(browser, { width: 375, height: 740 });
    try {
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      let r = await hasNoHorizontalScroll(page);
      assert.ok(r.ok, `portal scrolls sideways: ${JSON.stringify(r)}`);
      await shot(page, 'f-mobile-portal');

      await page.goto('/staff/login');
      await page.getByRole('heading', { name: 'Đăng nhập hệ thống' }).waitFor();
      r = await hasNoHorizontalScroll(page);
      assert.ok(r.ok, `login scrolls sideways: ${JSON.stringify(r)}`);
      await shot(page, 'f-mobile-login');

      await login(page, 'admin');
      await page.getByTestId('unit-tree').waitFor();
      for (const [path, ready] of [
        ['/staff/units', '[data-testid="unit-tree"]'],
        ['/staff/staff', '[data-username="admin"]'],
        ['/staff/calendar', '[data-testid="calendar-months"]'],
        ['/staff/audit', '[data-testid="audit-table"] tr[data-action]'],
      ] as const) {
        await page.goto(path);
        await page.locator(ready).first().waitFor();
        r = await hasNoHorizontalScroll(page);
        assert.ok(r.ok, `${path} scrolls sideways: ${JSON.stringify(r)}`);
        await shot(page, `f-mobile-${path.split('/').pop() ?? ''}`);
      }
      // The navigation hides behind the burger and opens on demand.
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      const burger = page.getByRole('button', { name: 'Mở menu điều hướng' });
      await burger.click();
      await nav.getByRole('link', { name: 'Cán bộ, công chức' }).click();
      await page.waitForURL('**/staff/staff');
      await page.locator('[data-username="admin"]').first().waitFor();
      await shot(page, 'f-mobile-after-nav');
    } finally {
      await context.close();
    }
  });

  void it('(h) a locked-out account is unlocked by the admin, who also grants and revokes a role and resets the password', async () => {
    const person = await newPage(browser);
    try {
      const page = person.page;
      await page.goto('/staff/login');
      for (let i = 0; i < 5; i++) {
        await field(page, 'Tên đăng nhập').fill(NEW_STAFF.username);
        await field(page, 'Mật khẩu').fill(`sai-mat-khau-${i}`);
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
        await page.getByTestId('login-error').waitFor();
        await page.waitForFunction(() => !document.querySelector('button[type="submit"][data-loading]'));
      }
      await page.getByTestId('login-error').getByText(/Tài khoản tạm khoá/).first().waitFor();
      await shot(page, 'h-lockout');
    } finally {
      await person.context.close();
    }

    const admin = await newPage(browser);
    const newPassword = 'mat-khau-moi-2026-e2e';
    try {
      const page = admin.page;
      await login(page, 'admin');
      await page.goto('/staff/staff');
      const row = page.locator(`[data-username="${NEW_STAFF.username}"]`);
      await row.getByText('Đang bị khoá').waitFor();
      const menu = row.getByRole('button', { name: `Thao tác khác với ${NEW_STAFF.fullName}` });
      await menu.click();
      await page.getByRole('menuitem', { name: 'Mở khoá' }).click();
      await row.getByText('Đang bị khoá').waitFor({ state: 'detached' });

      await menu.click();
      await page.getByRole('menuitem', { name: 'Phân quyền' }).click();
      const dialog = page.getByRole('dialog');
      await pickOption(page, 'Vai trò', 'Người xem');
      await pickOption(page, 'Giao trên đơn vị', /Phường Bình Minh/, 'Bình Minh');
      await dialog.getByRole('button', { name: 'Giao vai trò' }).click();
      const revokeViewer = dialog.getByRole('button', { name: 'Thu hồi vai trò Người xem tại Phường Bình Minh' });
      await revokeViewer.waitFor();
      await shot(page, 'h-grants');
      await revokeViewer.click();
      await revokeViewer.waitFor({ state: 'detached' });
      await dialog.getByRole('button', { name: 'Đóng' }).first().click();
      await dialog.waitFor({ state: 'hidden' });

      await menu.click();
      await page.getByRole('menuitem', { name: 'Đặt lại mật khẩu' }).click();
      await field(dialog, 'Mật khẩu mới').fill(newPassword);
      await dialog.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
      await dialog.waitFor({ state: 'hidden' });
    } finally {
      await admin.context.close();
    }

    const again = await newPage(browser);
    try {
      await login(again.page, NEW_STAFF.username, newPassword);
      await again.page.waitForURL('**/staff/dossiers');
    } finally {
      await again.context.close();
    }
  });

  void it('(g) axe finds no serious or critical violation on the portal, the login page and each staff page', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true });
    const report: string[] = [];
    const check = async (name: string) => {
      const issues = await axeSerious(page);
      for (const i of issues) report.push(`${name}: [${i.impact}] ${i.id} ${i.help}\n    ${i.nodes.join('\n    ')}`);
    };
    try {
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('portal');
      await page.goto('/staff/login');
      await page.getByRole('heading', { name: 'Đăng nhập hệ thống' }).waitFor();
      await check('login');
      await login(page, 'admin', PASSWORD);
      await page.locator('[data-unit-code="99001"]').click();
      await page.getByRole('cell', { name: 'Bộ phận Một cửa', exact: true }).first().waitFor();
      await check('units');
      await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
      await field(page.getByRole('dialog'), 'Mã').waitFor();
      await page.waitForTimeout(500); // let the modal's opening transition finish before measuring contrast
      await check('units-modal');
      await page.keyboard.press('Escape');
      await page.getByRole('link', { name: 'Cán bộ, công chức' }).click();
      await page.locator('[data-username="admin"]').first().waitFor();
      await check('staff');
      await page.getByRole('link', { name: 'Lịch làm việc' }).click();
      await page.getByTestId('calendar-months').waitFor();
      await check('calendar');
      await page.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
      await page.locator('[data-testid="audit-table"] tr[data-action]').first().waitFor();
      await page.locator('[data-testid="audit-table"] tr[data-action]').first().getByRole('button', { name: 'Xem chi tiết' }).click();
      await check('audit');
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
