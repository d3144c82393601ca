// Page helpers of the citizen's dossier pages (online submission, tracking, own actions, rating), shared by the
// citizen journeys and the full lifecycle journey that adds the staff side.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { parseMail } from '../../src/server/testing/smtp-sink';
import { field } from './helpers';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface ApplicantData {
  name: string;
  idNumber: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface Submitted {
  code: string;
  secret: string;
}

/** A small valid one-page PDF whose text is `text` (ASCII): the server recognises PDFs by their content. */
export function samplePdf(text = 'Ban scan giay to'): UploadFile {
  const stream = `BT /F1 18 Tf 40 100 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: Buffer.from(body) };
}

/** The upload slot of a document (its visible title), e.g. "Tờ khai đăng ký khai sinh". */
export function slot(page: Page, label: string): Locator {
  return page.locator('[data-slot]').filter({ has: page.getByText(label, { exact: true }) });
}

/** Chooses files in a slot and waits until each is uploaded (or refused, when `expectError`). */
/** Attaches files given as bytes or, for big ones, as paths on disk (no copy through the browser protocol). */
export async function attach(page: Page, label: string, files: UploadFile[] | string[], expectError = false) {
  const s = slot(page, label);
  const before = await s.locator('li[data-status="done"], li[data-status="error"]').count();
  await s.locator('input[type="file"]').setInputFiles(files);
  const selector = expectError ? 'li[data-status="error"]' : 'li[data-status="done"]';
  await page.waitForFunction(
    ({ label, selector, n }) => {
      const slots = Array.from(document.querySelectorAll('[data-slot]'));
      const el = slots.find((x) => x.textContent?.includes(label));
      return !!el && el.querySelectorAll(selector).length >= n;
    },
    { label, selector, n: before + files.length },
  );
}

export async function openSubmission(page: Page, procedureCode: string) {
  await page.goto(`/thu-tuc/${procedureCode}/nop-ho-so`);
  await page.getByTestId('submit-form').waitFor();
}

export async function fillApplicant(page: Page, a: ApplicantData) {
  await field(page, 'Họ và tên người nộp').fill(a.name);
  await field(page, 'Số định danh cá nhân (CCCD) hoặc mã số thuế').fill(a.idNumber);
  if (a.phone) await field(page, 'Số điện thoại').fill(a.phone);
  if (a.email) await field(page, 'Thư điện tử (email)').fill(a.email);
  if (a.address) await field(page, 'Địa chỉ liên hệ').fill(a.address);
}

export async function chooseUnit(page: Page, unitName: string) {
  await field(page, 'Xã, phường nhận hồ sơ').selectOption({ label: unitName });
}

/** Ticks the declaration, sends, and reads the code and secret from the confirmation. */
export async function sendSubmission(page: Page): Promise<Submitted> {
  const consent = page.getByRole('checkbox', { name: /Tôi cam đoan/ });
  if (!(await consent.isChecked())) await consent.check();
  await page.getByTestId('submit-button').click();
  await page.getByTestId('submit-done').waitFor();
  const code = (await page.getByTestId('dossier-code').textContent())?.trim() ?? '';
  const secret = (await page.getByTestId('dossier-secret').textContent())?.trim() ?? '';
  assert.match(secret, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  assert.ok(code.length > 5, `a dossier code, got "${code}"`);
  return { code, secret };
}

/** The whole online submission of a procedure done at a commune (one PDF in the first document's slot). */
export async function submitOnline(
  page: Page,
  opts: { procedureCode: string; unitName?: string; applicant: ApplicantData; documentLabel: string; files?: UploadFile[] },
): Promise<Submitted> {
  await openSubmission(page, opts.procedureCode);
  if (opts.unitName) await chooseUnit(page, opts.unitName);
  await fillApplicant(page, opts.applicant);
  await attach(page, opts.documentLabel, opts.files ?? [samplePdf()]);
  return sendSubmission(page);
}

/** Looks a dossier up through the /tra-cuu form. */
export async function lookUp(page: Page, code: string, secret: string) {
  await page.goto('/tra-cuu');
  await field(page, 'Mã hồ sơ').fill(code);
  await field(page, 'Mã bí mật').fill(secret);
  await page.getByTestId('lookup-submit').click();
}

/** Waits for the tracking page to show `stateLabel` (e.g. "Chờ tiếp nhận"). */
export async function expectState(page: Page, stateLabel: string) {
  await page.getByTestId('dossier-state').filter({ hasText: stateLabel }).waitFor();
}

export async function withdrawDossier(page: Page, reason: string) {
  await page.getByTestId('withdraw-open').click();
  const dialog = page.getByRole('dialog');
  await field(dialog, 'Lý do rút hồ sơ').fill(reason);
  await dialog.getByTestId('withdraw-confirm').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Resubmits after a request to complete, or sends the further documents asked for. */
export async function sendDocuments(page: Page, action: 'resubmit' | 'supplement', slotLabel: string, files: UploadFile[]) {
  await attach(page, slotLabel, files);
  await page.getByTestId(`${action}-send`).click();
}

/** Fills the five SIPAS questions (1..5 each) and the comment, then sends. */
export async function rate(page: Page, scores: [number, number, number, number, number], comment?: string) {
  const form = page.getByTestId('rating-form');
  const factors = ['access', 'procedure', 'officials', 'result', 'feedback'];
  for (const [i, f] of factors.entries()) await form.locator(`fieldset[data-factor="${f}"] input[value="${scores[i]}"]`).check();
  if (comment) await field(form, 'Góp ý thêm (không bắt buộc)').fill(comment);
  await page.getByTestId('rating-send').click();
  await page.getByTestId('rating-given').waitFor();
}

/** A staff member's JSON call from a signed-in page (the session cookie and its CSRF token), for set-up steps. */
export async function staffApi(request: APIRequestContext, method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
  const session = (await (await request.get('/api/auth/session')).json()) as { csrfToken: string | null };
  const res = await request.fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}) },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  const text = await res.text();
  assert.ok(res.ok(), `${method} ${url}: ${res.status()} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

// ---------- citizen accounts ----------

/** The emails the server sent through the journeys' SMTP sink (scripts/test-e2e.mjs sets E2E_MAIL_FILE). */
function mailsTo(address: string): string[] {
  const file = process.env.E2E_MAIL_FILE;
  assert.ok(file, 'E2E_MAIL_FILE is not set: run the journeys through scripts/test-e2e.mjs');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { to: string[]; raw: string })
    .filter((m) => m.to.includes(address))
    .map((m) => parseMail(m.raw).text);
}

/** Waits for the sign-in code mailed to `address` after `before` earlier mails, and returns it. */
export async function mailedCode(page: Page, address: string, before: number): Promise<string> {
  for (let i = 0; i < 60; i++) {
    const mails = mailsTo(address);
    const code = mails.slice(before).map((text) => /:\s*(\d{6})\s*$/m.exec(text)?.[1]).find(Boolean);
    if (code) return code;
    await page.waitForTimeout(500);
  }
  throw new Error(`no sign-in code mailed to ${address}`);
}

export function mailCount(address: string): number {
  return mailsTo(address).length;
}

/** Signs in on /tai-khoan with an email address and the code mailed to it. */
export async function signInCitizen(page: Page, email: string) {
  await page.goto('/tai-khoan');
  const before = mailCount(email);
  await field(page, 'Thư điện tử hoặc số điện thoại di động').fill(email);
  await page.getByTestId('otp-send').click();
  await page.getByTestId('otp-sent').waitFor();
  const code = await mailedCode(page, email, before);
  await field(page, 'Mã xác thực (6 chữ số)').fill(code);
  await page.getByTestId('otp-verify').click();
  await page.getByTestId('signed-in-as').waitFor();
}
