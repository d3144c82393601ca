// The period of a statistics request (dossiers, letters): local dates checked (real dates, from ≤ to, at most 366 days) and turned into instants and months.
import { STATS_MAX_DAYS } from '../../../common/stats';
import { dayFromYmd, dayOfInstant, formatDate, parseDate, startOfDay, ymdOf, type DayNumber } from '../calendar/local-date';
import { errors, type FieldIssue } from '../errors';
import type { Lang } from '../locale';

export interface Period {
  from: DayNumber;
  to: DayNumber;
  /** Local midnight of `from`. */
  start: Date;
  /** Local midnight of the day after `to` (exclusive). */
  end: Date;
}

const say = (lang: Lang, vi: string, en: string) => (lang === 'vi' ? vi : en);

/** Defaults: from 1 January of this year to today (Vietnamese local dates). 400 with the field's path otherwise. */
export function periodOf(q: { from?: string | undefined; to?: string | undefined }, now: Date, lang: Lang): Period {
  const today = dayOfInstant(now);
  const issues: FieldIssue[] = [];
  const read = (name: 'from' | 'to', text: string | undefined, fallback: DayNumber): DayNumber => {
    if (text === undefined) return fallback;
    const day = parseDate(text);
    if (day === null) issues.push({ path: `querystring.${name}`, message: say(lang, 'Ngày không có thật', 'Not a real date') });
    return day ?? fallback;
  };
  const from = read('from', q.from, dayFromYmd(ymdOf(today).year, 1, 1));
  const to = read('to', q.to, today);
  if (!issues.length && from > to)
    issues.push({ path: 'querystring.to', message: say(lang, 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu', 'The end date must not be before the start date') });
  else if (!issues.length && to - from + 1 > STATS_MAX_DAYS)
    issues.push({
      path: 'querystring.to',
      message: say(lang, `Mỗi lần thống kê tối đa ${STATS_MAX_DAYS} ngày`, `A period covers at most ${STATS_MAX_DAYS} days`),
    });
  if (issues.length) throw errors.validation(issues);
  return { from, to, start: startOfDay(from), end: startOfDay(to + 1) };
}

export interface Month {
  /** `YYYY-MM`. */
  key: string;
  year: number;
  month: number;
  /** The later of the month's first day and the period's start. */
  start: Date;
}

/** The months the period overlaps, in order (the first and the last may be partial). */
export function monthsOf(p: Period): Month[] {
  const out: Month[] = [];
  let { year, month } = ymdOf(p.from);
  for (;;) {
    const first = Math.max(dayFromYmd(year, month, 1), p.from);
    if (first > p.to) break;
    out.push({ key: formatDate(dayFromYmd(year, month, 1)).slice(0, 7), year, month, start: startOfDay(first) });
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return out;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthLabel(m: Month, lang: Lang): string {
  return lang === 'vi' ? `Tháng ${m.month}/${m.year}` : `${MONTHS_EN[m.month - 1] ?? m.month} ${m.year}`;
}
