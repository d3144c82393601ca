// The statutory public holidays of a year (Labour Code 2019 art. 112), computed from the rules without the database.
import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import { assertYearInRange, dayFromYmd, formatDate, isWeekend, ymdOf, weekdayOf, type DayNumber } from './local-date';

export interface RuleHoliday {
  day: DayNumber;
  date: string;
  name: string;
  legalBasis: string;
  /** Set on a compensatory day off (nghỉ bù): the date of the holiday it makes up for. */
  compensates?: string;
}

const ART_112 = 'Bộ luật Lao động 2019, Điều 112 khoản 1';
const ART_112_COMP = 'Bộ luật Lao động 2019, Điều 112 khoản 3';
// The amendment adding Vietnamese Culture Day takes effect on 1 July 2026; 24 Nov 2025 was an ordinary day.
const CULTURE_DAY_BASIS = 'Bộ luật Lao động 2019, Điều 112 (bổ sung Ngày Văn hóa Việt Nam, hiệu lực 01/7/2026)';
export const CULTURE_DAY_FIRST_YEAR = 2026;

interface Entitlement {
  day: DayNumber;
  name: string;
  legalBasis: string;
}

/** Solar day of a lunar date; the library implements Hồ Ngọc Đức's algorithm on UTC+7 (checked in holidays.test.ts). */
function lunarToDay(lunarDay: number, lunarMonth: number, lunarYear: number): DayNumber {
  const s = getSolarDate(lunarDay, lunarMonth, lunarYear, false);
  return dayFromYmd(s.year, s.month, s.day);
}

/** The five days of Tết: the last day of the old lunar year (29 or 30 tháng Chạp) and lunar days 1–4. */
function tet(year: number): Entitlement[] {
  const newYear = lunarToDay(1, 1, year);
  const eve = newYear - 1;
  const { year: y, month: m, day: d } = ymdOf(eve);
  const lastLunarDay = getLunarDate(d, m, y).day;
  const out: Entitlement[] = [{ day: eve, name: `Tết Nguyên đán (${lastLunarDay} tháng Chạp)`, legalBasis: ART_112 }];
  for (let i = 0; i < 4; i++) out.push({ day: newYear + i, name: `Tết Nguyên đán (mùng ${i + 1})`, legalBasis: ART_112 });
  return out;
}

/**
 * National Day is 2 September "and one adjacent day before or after"; the Prime Minister picks
 * it every year. The default picks the side that joins the holiday to a weekend, which is what
 * the official schedules of 2021–2025 did: Tuesday/Friday/Saturday → 1 Sep (Mon 1–Tue 2, Thu 1–Fri 2,
 * Fri 1–Sat 2 plus Monday off in lieu), otherwise → 3 Sep (Mon 2–Tue 3, Thu 2–Fri 3, Sun 2 → Mon 3 plus
 * Tuesday in lieu). A Wednesday cannot reach a weekend; it takes Thursday 3 Sep by the same "after" default.
 */
export function nationalDayAdjacent(year: number): DayNumber {
  const second = dayFromYmd(year, 9, 2);
  const w = weekdayOf(second);
  return w === 2 || w === 5 || w === 6 ? second - 1 : second + 1;
}

function entitlements(year: number): Entitlement[] {
  const fixed = (month: number, day: number, name: string, legalBasis = ART_112): Entitlement => ({
    day: dayFromYmd(year, month, day),
    name,
    legalBasis,
  });
  const list: Entitlement[] = [
    fixed(1, 1, 'Tết Dương lịch'),
    ...tet(year),
    { day: lunarToDay(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', legalBasis: ART_112 },
    fixed(4, 30, 'Ngày Giải phóng miền Nam, thống nhất đất nước'),
    fixed(5, 1, 'Ngày Quốc tế Lao động'),
    fixed(9, 2, 'Quốc khánh'),
    { day: nationalDayAdjacent(year), name: 'Quốc khánh (ngày liền kề)', legalBasis: ART_112 },
  ];
  if (year >= CULTURE_DAY_FIRST_YEAR) list.push(fixed(11, 24, 'Ngày Văn hóa Việt Nam', CULTURE_DAY_BASIS));
  return list.sort((a, b) => a.day - b.day);
}

const shortDate = (day: DayNumber) => {
  const { month, day: d } = ymdOf(day);
  return `${String(d).padStart(2, '0')}/${String(month).padStart(2, '0')}`;
};

function computeYear(year: number): readonly RuleHoliday[] {
  const list = entitlements(year);
  const holidayDays = new Set(list.map((e) => e.day));
  const taken = new Set<DayNumber>();
  const byDay = new Map<DayNumber, RuleHoliday>();
  const compensations: RuleHoliday[] = [];
  for (const e of list) {
    const existing = byDay.get(e.day);
    if (existing) existing.name = `${existing.name}; ${e.name}`;
    else byDay.set(e.day, { day: e.day, date: formatDate(e.day), name: e.name, legalBasis: e.legalBasis });
    // Art. 112(3): a holiday on the weekly rest day is made up on the next working day. Two holidays
    // on one date (Hùng Kings' day on 30 April, as in 1947) are two entitlements, so the second is made up too.
    if (!isWeekend(e.day) && !existing) continue;
    let c = e.day + 1;
    while (isWeekend(c) || holidayDays.has(c) || taken.has(c)) c++;
    taken.add(c);
    compensations.push({
      day: c,
      date: formatDate(c),
      name: `Nghỉ bù ngày ${shortDate(e.day)}: ${e.name}`,
      legalBasis: ART_112_COMP,
      compensates: formatDate(e.day),
    });
  }
  return [...byDay.values(), ...compensations].sort((a, b) => a.day - b.day);
}

const cache = new Map<number, readonly RuleHoliday[]>();

/**
 * The default days off of a Gregorian year, each with a Vietnamese name and legal basis. Every
 * rule holiday and compensatory day falls inside its own year (Tết starts on 21 January at the
 * earliest; the last holiday is 24 November), so years are independent and cached for good.
 */
export function ruleHolidays(year: number): readonly RuleHoliday[] {
  assertYearInRange(year);
  let days = cache.get(year);
  if (!days) {
    days = Object.freeze(computeYear(year).map((h) => Object.freeze(h)));
    cache.set(year, days);
  }
  return days;
}
