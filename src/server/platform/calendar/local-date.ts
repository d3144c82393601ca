// Local dates of Asia/Ho_Chi_Minh as integer day numbers, independent of the machine's time zone.
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from '../../../common/calendar.schema';
import { errors } from '../errors';

/**
 * Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact for
 * every date the product deals with. Nothing here reads the machine's time zone: only the
 * `Date.UTC`/`getUTC*` family is used, so TZ=UTC and TZ=America/New_York give the same answers.
 */
export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The range the lunar library covers (it returns zeros for 2200); outside it no calendar exists. */
export const MIN_YEAR = CALENDAR_MIN_YEAR;
export const MAX_YEAR = CALENDAR_MAX_YEAR;

/** Days since 1970-01-01 of a local calendar date: cheap to compare, add and use as an array index. */
export type DayNumber = number;

export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function ymdOf(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function yearOf(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. Works for days before 1970 too. */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: DayNumber): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** 'YYYY-MM-DD' → day number, or null when the text is not a real date (e.g. 2026-02-30). */
export function parseDate(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayFromYmd(y, mo, d);
  const back = ymdOf(day);
  return back.year === y && back.month === mo && back.day === d ? day : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate(day: DayNumber): string {
  const { year, month, day: d } = ymdOf(day);
  return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
}

/** The local date on which an instant falls. */
export function dayOfInstant(at: Date | number): DayNumber {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight of an instant. */
export function localTimeOfDayMs(at: Date): number {
  const ms = at.getTime() + VN_OFFSET_MS;
  return ms - Math.floor(ms / DAY_MS) * DAY_MS;
}

/** The last millisecond of a local day (23:59:59.999+07:00): a deadline on that day is met until then. */
export function endOfDay(day: DayNumber): Date {
  return new Date((day + 1) * DAY_MS - VN_OFFSET_MS - 1);
}

export function startOfDay(day: DayNumber): Date {
  return new Date(day * DAY_MS - VN_OFFSET_MS);
}

/** An instant as ISO-8601 with the Vietnamese offset, as the API convention asks: 2026-03-05T23:59:59.999+07:00. */
export function formatLocalIso(at: Date): string {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  return `${local.toISOString().slice(0, 23)}+07:00`;
}

/** 'HH:MM' (00:00–23:59) → milliseconds after midnight, or null when malformed. */
export function parseClock(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 60_000 : null;
}

export function assertYearInRange(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw errors.badRequest(
      'calendar_year_out_of_range',
      `Lịch làm việc chỉ hỗ trợ các năm từ ${MIN_YEAR} đến ${MAX_YEAR}`,
      `The working-day calendar covers the years ${MIN_YEAR} to ${MAX_YEAR} only`,
      { year, min: MIN_YEAR, max: MAX_YEAR },
    );
}
