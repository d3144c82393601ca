// Deadline arithmetic on working days: the rule holidays merged with the official schedule, precomputed per year.
import { errors } from '../errors';
import { ruleHolidays } from './holidays';
import {
  assertYearInRange,
  dayFromYmd,
  dayOfInstant,
  endOfDay,
  formatDate,
  isWeekend,
  localTimeOfDayMs,
  parseClock,
  parseDate,
  yearOf,
  type DayNumber,
} from './local-date';

export type OfficialKind = 'day_off' | 'working_day';

/** One row of the official schedule recorded by an administrator. */
export interface OfficialDay {
  date: string;
  kind: OfficialKind;
  name: string;
  legalBasis: string | null;
}

/** One non-ordinary day of a year as listed to users. */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | OfficialKind;
  name: string;
  source: 'rule' | 'official';
  legalBasis: string | null;
}

export interface DueResult {
  start: Date;
  /** The local date from which the period runs (see addWorkingDays / addCalendarDays). */
  effectiveStart: string;
  dueDate: string;
  /** The end of the due date: 23:59:59.999+07:00. */
  dueAt: Date;
}

/** A local date 'YYYY-MM-DD', or an instant whose local (UTC+7) date is meant. */
export type DateInput = string | Date;

interface YearTable {
  first: DayNumber;
  /** 1 when the day is a working day. */
  working: Uint8Array;
  /** cumulative[i] = working days among the first i + 1 days of the year. */
  cumulative: Int32Array;
}

export function toDay(input: DateInput | DayNumber): DayNumber {
  if (typeof input === 'number') return input;
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw errors.badRequest('invalid_date', 'Thời điểm không hợp lệ', 'Invalid time');
    return dayOfInstant(input);
  }
  const day = parseDate(input);
  if (day === null) throw errors.badRequest('invalid_date', `Ngày không hợp lệ: ${input}`, `Invalid date: ${input}`);
  return day;
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw errors.badRequest('invalid_amount', 'Số ngày phải là số nguyên không âm', 'The number of days must be a non-negative integer');
}

/**
 * The working-day calendar bound to one official schedule. Weekends are Saturday and Sunday;
 * rule holidays (holidays.ts) are days off; an official `day_off` adds a day off and an official
 * `working_day` makes any day a working day (a swapped working Saturday, or a rule holiday the
 * official schedule cancels). Built once per request or batch, it answers in O(1) per day.
 */
export class WorkingCalendar {
  private readonly official = new Map<DayNumber, OfficialDay>();
  private readonly tables = new Map<number, YearTable>();
  private last: YearTable | undefined;

  constructor(officialDays: readonly OfficialDay[] = []) {
    for (const d of officialDays) this.official.set(toDay(d.date), d);
  }

  private table(year: number): YearTable {
    let t = this.tables.get(year);
    if (!t) {
      assertYearInRange(year);
      const first = dayFromYmd(year, 1, 1);
      const size = dayFromYmd(year + 1, 1, 1) - first;
      const working = new Uint8Array(size);
      for (let i = 0; i < size; i++) working[i] = isWeekend(first + i) ? 0 : 1;
      for (const h of ruleHolidays(year)) working[h.day - first] = 0;
      for (const [day, d] of this.official)
        if (day >= first && day < first + size) working[day - first] = d.kind === 'working_day' ? 1 : 0;
      const cumulative = new Int32Array(size);
      let sum = 0;
      for (let i = 0; i < size; i++) cumulative[i] = sum += working[i] ?? 0;
      t = { first, working, cumulative };
      this.tables.set(year, t);
    }
    return t;
  }

  /** The table holding a day; walking day by day stays in one year, so the last table answers without a Date. */
  private tableOf(day: DayNumber): YearTable {
    const last = this.last;
    if (last && day >= last.first && day < last.first + last.working.length) return last;
    this.last = this.table(yearOf(day));
    return this.last;
  }

  private working(day: DayNumber): boolean {
    const t = this.tableOf(day);
    return t.working[day - t.first] === 1;
  }

  /** Working days from 1 January of the day's year through the day itself. */
  private cumulativeOf(day: DayNumber): number {
    const t = this.tableOf(day);
    return t.cumulative[day - t.first] ?? 0;
  }

  isWorkingDay(date: DateInput | DayNumber): boolean {
    return this.working(toDay(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: DateInput | DayNumber): DayNumber {
    let day = toDay(date) + 1;
    while (!this.working(day)) day++;
    return day;
  }

  /**
   * The day a period starts from. A start later than the afternoon cutoff (local time strictly after
   * 'HH:MM', so 15:00:00 is in time and 15:00:01 is late) counts as received on the next working day,
   * as does a start on a weekend, holiday or other day off. Otherwise it is the start's own local date.
   */
  effectiveStartDay(start: Date, afternoonCutoff: string | null): DayNumber {
    const day = toDay(start);
    if (!this.working(day) || isLate(start, afternoonCutoff)) return this.nextWorkingDay(day);
    return day;
  }

  /**
   * Deadline of `n` working days. The effective start day (see effectiveStartDay) is not counted:
   * the due date is the n-th working day after it, so that countWorkingDays(effectiveStart, dueDate) = n,
   * and n = 0 means the effective start day itself. The deadline is met until the end of the due
   * date, 23:59:59.999 Vietnam time. Example with the 15:00 cutoff: received Friday 14:59, n = 1 →
   * due Monday; received Friday 15:01 or Saturday → effective start Monday → due Tuesday.
   */
  addWorkingDays(start: Date, n: number, opts: { afternoonCutoff: string | null }): DueResult {
    assertCount(n);
    const effective = this.effectiveStartDay(start, opts.afternoonCutoff);
    let day = effective;
    for (let left = n; left > 0; ) {
      day++;
      if (this.working(day)) left--;
    }
    return { start, effectiveStart: formatDate(effective), dueDate: formatDate(day), dueAt: endOfDay(day) };
  }

  /**
   * Deadline of `n` calendar days (Civil Code art. 147–148): the period starts the day after the
   * start's local date, so the due date is that date + n; if it is not a working day the period ends
   * on the next working day. Weekends do not move the start: only the afternoon cutoff does, when
   * given, by treating a late start as received on the next working day.
   */
  addCalendarDays(start: Date, n: number, opts: { afternoonCutoff: string | null } = { afternoonCutoff: null }): DueResult {
    assertCount(n);
    const day = toDay(start);
    const effective = isLate(start, opts.afternoonCutoff) ? this.nextWorkingDay(day) : day;
    let due = effective + n;
    if (!this.working(due)) due = this.nextWorkingDay(due);
    return { start, effectiveStart: formatDate(effective), dueDate: formatDate(due), dueAt: endOfDay(due) };
  }

  /**
   * Working days elapsed from `from` to `to`, by local dates: the working days d with
   * from-date < d ≤ to-date (negative when `to` is earlier). So the same day gives 0, and for a
   * result r of addWorkingDays, countWorkingDays(r.effectiveStart, r.dueDate) = n. For lateness,
   * countWorkingDays(dueAt, finishedAt) is how many working days late a dossier is (0 = on the due date).
   */
  countWorkingDays(from: DateInput, to: DateInput): number {
    const a = toDay(from);
    const b = toDay(to);
    if (b < a) return -this.countWorkingDays(to, from);
    const ya = yearOf(a);
    const yb = yearOf(b);
    let total = this.cumulativeOf(b) - this.cumulativeOf(a);
    for (let y = ya; y < yb; y++) {
      const t = this.table(y);
      total += t.cumulative[t.cumulative.length - 1] ?? 0;
    }
    return total;
  }

  /** The non-ordinary days of a year: rule holidays, with the official schedule taking precedence per date. */
  yearDays(year: number): CalendarDay[] {
    assertYearInRange(year);
    const byDay = new Map<DayNumber, CalendarDay>();
    for (const h of ruleHolidays(year))
      byDay.set(h.day, { date: h.date, kind: 'holiday', name: h.name, source: 'rule', legalBasis: h.legalBasis });
    for (const [day, d] of this.official)
      if (yearOf(day) === year) byDay.set(day, { date: formatDate(day), kind: d.kind, name: d.name, source: 'official', legalBasis: d.legalBasis });
    return [...byDay.entries()].sort(([a], [b]) => a - b).map(([, d]) => d);
  }
}

function isLate(start: Date, afternoonCutoff: string | null): boolean {
  if (afternoonCutoff === null) return false;
  const cutoff = parseClock(afternoonCutoff);
  if (cutoff === null)
    throw errors.badRequest('invalid_cutoff', 'Giờ chốt nhận hồ sơ phải có dạng HH:MM', 'The afternoon cutoff must be HH:MM');
  return localTimeOfDayMs(start) > cutoff;
}
