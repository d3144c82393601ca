// Test-only helpers of the letter tests: bodies of letters and classifications, intake, classification and case actions in one call, extra staff.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { CaseView, LetterType, LetterView, StaffLetterResult } from '../../../common/letters.schema';
import { TEST_PASSWORD, type TestApp, type TestClient } from '../../testing/harness';
import { CHECKS_OF_TYPE } from './letters.eligibility';

export { errorOf, fieldPaths, countRows, PDF, PNG, startDossierApp as startLetterApp, uploadOk } from '../dossiers/dossiers.test-helpers';

/** Vietnam local time → Date. */
export const vn = (local: string) => new Date(`${local}+07:00`);
export const endOf = (date: string) => `${date}T23:59:59.999+07:00`;

export const WRITER = { name: 'Nguyễn Văn Khiếu', address: 'Thôn Đông, xã An Bình', phone: '0912 345 678', idNumber: '001090012345' };

/** A letter recorded at the desk of An Bình, dated and signed. */
export function letterBody(over: Record<string, unknown> = {}) {
  return {
    channel: 'desk',
    dated: true,
    signed: true,
    subject: 'Khiếu nại quyết định thu hồi đất',
    content: 'Tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND vì diện tích đo đạc không đúng thực tế. Đề nghị xem xét lại.',
    target: 'Ủy ban nhân dân xã An Bình',
    writer: WRITER,
    ...over,
  };
}

export async function record(client: TestClient, over: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return client.request({ method: 'POST', url: '/api/letters', payload: letterBody(over), headers });
}

export async function recordOk(client: TestClient, over: Record<string, unknown> = {}): Promise<StaffLetterResult> {
  const res = await record(client, over);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<StaffLetterResult>();
}

/** Every check of the type set to `value` (all true: a processable content). */
export function checks(type: LetterType, value = true, over: Record<string, boolean> = {}) {
  return { ...Object.fromEntries(CHECKS_OF_TYPE[type].map((c) => [c, value])), ...over };
}

export function content(type: LetterType, over: Record<string, unknown> = {}) {
  return { type, summary: `Nội dung ${type}`, target: 'Ủy ban nhân dân xã An Bình', checks: checks(type), ...(type === 'feedback' ? { aboutRegulation: false } : {}), ...over };
}

export async function classify(client: TestClient, letterId: string, cases: unknown[], extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return client.request({ method: 'POST', url: `/api/letters/${letterId}/classify`, payload: { cases, ...extra }, headers });
}

export async function classifyOk(client: TestClient, letterId: string, cases: unknown[]): Promise<LetterView> {
  const res = await classify(client, letterId, cases);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LetterView>();
}

export async function act(client: TestClient, caseId: string, action: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return client.request({ method: 'POST', url: `/api/letter-cases/${caseId}/actions/${action}`, payload: body, headers });
}

export async function actOk(client: TestClient, caseId: string, action: string, body: Record<string, unknown> = {}): Promise<CaseView> {
  const res = await act(client, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<CaseView>();
}

/** A letter recorded and classified into one content of `type`; returns the case. */
export async function caseOf(officer: TestClient, type: LetterType, letterOver: Record<string, unknown> = {}, contentOver: Record<string, unknown> = {}): Promise<CaseView> {
  const { letter } = await recordOk(officer, letterOver);
  const classified = await classifyOk(officer, letter.id, [content(type, contentOver)]);
  const id = classified.cases[0]?.id ?? '';
  const res = await officer.get(`/api/letter-cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseView>();
}

/** A staff account created by the province administrator, with roles on one unit. */
export async function addStaff(t: TestApp, username: string, unitCode: string, roles: string[]): Promise<{ id: string; client: TestClient }> {
  const admin = await t.loginAs('admin');
  const unitId = await t.unitId(unitCode);
  const res = await admin.post('/api/staff', { username, fullName: `Cán bộ ${username}`, unitId, password: TEST_PASSWORD, grants: roles.map((role) => ({ role, unitId })) });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json<{ id: string }>().id, client: await t.loginAs(username) };
}

export async function staffId(client: TestClient): Promise<string> {
  const res = await client.get('/api/auth/session');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ user: { id: string } }>().user.id;
}

/** The seeded staff of An Bình signed in: the desk officer, the leader and the specialist (with their id). */
export async function anBinhStaff(t: TestApp) {
  const [tiepdan, lanhdao, chuyenvien] = await Promise.all([t.loginAs('tiepdan.anbinh'), t.loginAs('lanhdao.anbinh'), t.loginAs('chuyenvien.anbinh')]);
  return { tiepdan, lanhdao, chuyenvien, chuyenvienId: await staffId(chuyenvien) };
}
