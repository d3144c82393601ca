// Test-only: a controlled set of dossiers made through the HTTP API, each event placed in time with the dossiers' clock.
import { eq } from 'drizzle-orm';
import { expect, vi } from 'vitest';
import type { DeskIntakeResult, DossierView } from '../../../../common/dossiers.schema';
import { staff } from '../../../db/schema';
import { DAY_MS, VN_OFFSET_MS } from '../../../platform/calendar/local-date';
import type { TestClient } from '../../../testing/harness';
import { clock } from '../dossiers.clock';
import { actOk, applicant, intakeOk, uploadOk, type DossierTestApp } from '../dossiers.test-helpers';

export type Timeliness = 'early' | 'on_time' | 'late';

/** Runs `fn` with the dossiers' clock at `when` (ISO with +07:00). */
export async function at<T>(when: string, fn: () => Promise<T>): Promise<T> {
  const spy = vi.spyOn(clock, 'now').mockReturnValue(new Date(when));
  try {
    return await fn();
  } finally {
    spy.mockRestore();
  }
}

/** 10:00 local time on the local date `days` after the one of `iso`. */
function tenAm(iso: string, days: number): string {
  const localDay = Math.floor((Date.parse(iso) + VN_OFFSET_MS) / DAY_MS) + days;
  return new Date(localDay * DAY_MS + 10 * 3_600_000 - VN_OFFSET_MS).toISOString();
}

export interface Actors {
  motcua: TestClient;
  lanhdao: TestClient;
  chuyenvien: TestClient;
  motcuaBm: TestClient;
  specialistId: string;
  vhxh: string;
}

export async function actorsOf(t: DossierTestApp): Promise<Actors> {
  const [motcua, lanhdao, chuyenvien, motcuaBm] = await Promise.all(
    ['motcua.anbinh', 'lanhdao.anbinh', 'chuyenvien.anbinh', 'motcua.binhminh'].map((u) => t.loginAs(u)),
  );
  const [cv] = await t.db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'chuyenvien.anbinh'));
  return {
    motcua: motcua as TestClient,
    lanhdao: lanhdao as TestClient,
    chuyenvien: chuyenvien as TestClient,
    motcuaBm: motcuaBm as TestClient,
    specialistId: cv?.id ?? '',
    vhxh: await t.agencyId('99001.VHXH'),
  };
}

/** Desk intake with a decision at `when`. */
export function received(officer: TestClient, when: string, over: Record<string, unknown> = {}): Promise<DeskIntakeResult> {
  return at(when, () => intakeOk(officer, over));
}

export function step(client: TestClient, d: { id: string }, action: string, when: string, body: Record<string, unknown> = {}): Promise<DossierView> {
  return at(when, () => actOk(client, d.id, action, body));
}

/** Transfer, assign, process, approve and return the result on the due date's eve, on it, or the day after. */
export async function resolve(a: Actors, d: DossierView, kind: Timeliness): Promise<DossierView> {
  if (!d.dueAt) throw new Error('no due date');
  const when = tenAm(d.dueAt, kind === 'early' ? -1 : kind === 'on_time' ? 0 : 1);
  await step(a.motcua, d, 'transfer', when, { toAgencyId: a.vhxh });
  await step(a.lanhdao, d, 'assign', when, { assigneeId: a.specialistId });
  await step(a.chuyenvien, d, 'submit_for_approval', when);
  await step(a.lanhdao, d, 'approve', when);
  const out = await step(a.motcua, d, 'return_result', when);
  expect(out.resultKind).toBe(kind);
  return out;
}

/** An online submission by a guest to An Bình (birth registration) at `when`. */
export async function submittedOnline(t: DossierTestApp, unitId: string, when: string) {
  return at(when, async () => {
    const guest = t.anonymous();
    const file = await uploadOk(guest);
    const res = await guest.post('/api/public/dossiers', {
      procedureCode: '1.001193',
      unitId,
      applicant: applicant({ name: 'Lê Thị Trực Tuyến' }),
      documents: [{ fileId: file.id, name: 'Tờ khai đăng ký khai sinh' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; code: string; secret: string }>();
  });
}

export const REFUSAL = { reason: 'Không thuộc thẩm quyền giải quyết', legalBasis: 'Điều 13 Luật Hộ tịch 2014' };
export const MISSING = { missingDocuments: [{ name: 'Bản sao giấy chứng sinh', form: 'copy', count: 1 }], guidance: 'Bổ sung tại Bộ phận Một cửa' };

/** The applicant rates a dossier with its tracking secret (access, procedure, officials, result, feedback). */
export async function rateOk(t: DossierTestApp, code: string, secret: string, scores: readonly [number, number, number, number, number]): Promise<void> {
  const [access, procedure, officials, result, feedback] = scores;
  const res = await t.anonymous().request({
    method: 'POST',
    url: `/api/public/dossiers/${encodeURIComponent(code)}/rating`,
    headers: { 'x-tracking-secret': secret },
    payload: { access, procedure, officials, result, feedback },
  });
  expect(res.statusCode, res.body).toBe(201);
}
