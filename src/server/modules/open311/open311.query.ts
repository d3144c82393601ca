// The arguments of GET requests.json, checked one by one with the specification's defaults (the last 90 days, 1,000 requests) and the page/page_size extension.
import type { Tx } from '../../db/client';
import type { Lang } from '../../platform/locale';
import { findUnitByCode } from '../org/units.queries';
import { open311Errors, sayIn, type Issue } from './open311.errors';
import type { RequestFilter } from './open311.requests';

const DAY_MS = 86_400_000;
/** The specification's default window and the widest one asked for. */
export const WINDOW_DAYS = 90;
export const PAGE_SIZE_MAX = 1000;
const W3 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;


const list = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Query values as strings; a repeated argument is a mistake worth naming. */
export function queryArgs(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(v)) throw open311Errors.fields([{ field: k, message: 'chỉ được gửi một lần / give it once' }]);
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export async function parseRequestQuery(db: Tx, q: Record<string, string>, lang: Lang, now: Date): Promise<RequestFilter> {
  const say = sayIn(lang);
  const issues: Issue[] = [];
  const date = (field: 'start_date' | 'end_date'): Date | undefined => {
    const v = q[field]?.trim();
    if (!v) return undefined;
    // A bare date is a day in Vietnam.
    const d = W3.test(v) ? new Date(v.length === 10 ? `${v}T00:00:00+07:00` : v) : new Date(NaN);
    if (Number.isNaN(d.getTime())) issues.push({ field, message: say('phải là ngày giờ w3 kèm múi giờ, ví dụ 2026-11-05T08:15:30+07:00', 'must be a w3 date and time with a zone, e.g. 2026-11-05T08:15:30+07:00') });
    return Number.isNaN(d.getTime()) ? undefined : d;
  };
  const int = (field: string, min: number, max: number, dflt: number): number => {
    const v = q[field]?.trim();
    if (!v) return dflt;
    const n = /^\d{1,7}$/.test(v) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) issues.push({ field, message: say(`phải là số nguyên từ ${min} đến ${max}`, `must be a whole number from ${min} to ${max}`) });
    return n >= min && n <= max ? n : dflt;
  };
  const ids = list(q.service_request_id);
  if (ids && (ids.length > 100 || ids.some((id) => id.length > 60))) issues.push({ field: 'service_request_id', message: say('tối đa 100 mã', 'at most 100 ids') });
  const serviceCodes = list(q.service_code);
  if (serviceCodes && serviceCodes.length > 50) issues.push({ field: 'service_code', message: say('tối đa 50 mã', 'at most 50 codes') });
  const statuses = list(q.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) issues.push({ field: 'status', message: say('chỉ nhận open, closed', 'open or closed') });
  const startGiven = date('start_date');
  const endGiven = date('end_date');
  const end = endGiven ?? (startGiven ? new Date(startGiven.getTime() + WINDOW_DAYS * DAY_MS) : now);
  const start = startGiven ?? new Date(end.getTime() - WINDOW_DAYS * DAY_MS);
  if (start.getTime() > end.getTime()) issues.push({ field: 'start_date', message: say('phải trước end_date', 'must be before end_date') });
  else if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY_MS)
    issues.push({ field: 'end_date', message: say(`khoảng thời gian tối đa ${WINDOW_DAYS} ngày`, `the window is at most ${WINDOW_DAYS} days`) });
  const page = int('page', 1, 1_000_000, 1);
  const pageSize = int('page_size', 1, PAGE_SIZE_MAX, PAGE_SIZE_MAX);
  if (issues.length) throw open311Errors.fields(issues);
  // The arguments are well formed: an unknown jurisdiction is then not found (404).
  const underPath = (await jurisdictionOf(db, q, lang))?.path;
  return {
    ...(ids?.length ? { ids } : {}),
    ...(serviceCodes?.length ? { serviceCodes } : {}),
    ...(statuses?.length ? { statuses: statuses as Array<'open' | 'closed'> } : {}),
    ...(underPath ? { underPath } : {}),
    start,
    end,
    page,
    pageSize,
  };
}

/** The unit a `jurisdiction_id` names (a unit code), none when not given; 404 when there is no such unit. */
async function jurisdictionOf(db: Tx, q: Record<string, string>, lang: Lang) {
  const j = q.jurisdiction_id?.trim();
  if (!j) return undefined;
  const unit = await findUnitByCode(db, j);
  if (!unit) throw open311Errors.jurisdictionNotFound(lang, j);
  return unit;
}

/** services.json accepts jurisdiction_id: a unit code; the categories are the same everywhere. */
export async function checkJurisdiction(db: Tx, q: Record<string, string>, lang: Lang): Promise<void> {
  await jurisdictionOf(db, q, lang);
}
