// The statutory holidays computed from the Labour Code rules and the Vietnamese (UTC+7) lunar calendar.
import { describe, expect, it } from 'vitest';
import { ruleHolidays } from './holidays';

const dates = (year: number) => ruleHolidays(year).map((h) => h.date);
const named = (year: number, part: string) => ruleHolidays(year).filter((h) => h.name.includes(part)).map((h) => h.date);
const nameOf = (date: string) => ruleHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)?.name;

describe('lunar holidays follow the Vietnamese calendar (UTC+7)', () => {
  it('puts Tết on the last day of the lunar year and lunar days 1–4', () => {
    // Mùng 4 of 2025 is a Saturday: Monday 3 February is the day in lieu.
    expect(named(2025, 'Tết Nguyên đán')).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-03']);
    expect(named(2026, 'Tết Nguyên đán')).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(nameOf('2026-02-17')).toBe('Tết Nguyên đán (mùng 1)');
    expect(nameOf('2026-02-16')).toBe('Tết Nguyên đán (29 tháng Chạp)');
    // 2027 starts on a Saturday: the two weekend days of Tết are made up on Wednesday and Thursday.
    expect(named(2027, 'Tết Nguyên đán')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
  });

  it('uses Vietnam time where it differs from China (1985, 2007)', () => {
    expect(nameOf('1985-01-21')).toBe('Tết Nguyên đán (mùng 1)');
    expect(nameOf('2007-02-17')).toBe('Tết Nguyên đán (mùng 1)');
    expect(nameOf('2007-02-18')).toBe('Tết Nguyên đán (mùng 2)');
  });

  it("puts Hùng Kings' day on the 10th day of the 3rd lunar month", () => {
    expect(named(2025, 'Hùng Vương')).toEqual(['2025-04-07']);
    // 26 April 2026 is a Sunday: Monday is the day in lieu.
    expect(named(2026, 'Hùng Vương')).toEqual(['2026-04-26', '2026-04-27']);
    expect(named(2027, 'Hùng Vương')).toEqual(['2027-04-16']);
  });
});

describe('solar holidays', () => {
  it('has Vietnamese Culture Day from 2026 only', () => {
    expect(dates(2025)).not.toContain('2025-11-24');
    expect(dates(2026)).toContain('2026-11-24');
    expect(dates(2027)).toContain('2027-11-24');
    expect(nameOf('2026-11-24')).toBe('Ngày Văn hóa Việt Nam');
  });

  it('has New Year, 30 April, 1 May and 2 September with Vietnamese names and a legal basis', () => {
    const y = ruleHolidays(2025);
    expect(y.map((h) => h.name)).toEqual(expect.arrayContaining(['Tết Dương lịch', 'Ngày Quốc tế Lao động', 'Quốc khánh']));
    for (const h of y) expect(h.legalBasis).toMatch(/Bộ luật Lao động 2019, Điều 112/);
  });

  it('joins the adjacent National Day to the weekend, as the 2021–2025 schedules did', () => {
    expect(named(2021, 'Quốc khánh')).toEqual(['2021-09-02', '2021-09-03']); // Thu → Fri
    expect(named(2022, 'Quốc khánh')).toEqual(['2022-09-01', '2022-09-02']); // Fri → Thu
    expect(named(2024, 'Quốc khánh')).toEqual(['2024-09-02', '2024-09-03']); // Mon → Tue
    expect(named(2025, 'Quốc khánh')).toEqual(['2025-09-01', '2025-09-02']); // Tue → Mon
    expect(named(2026, 'Quốc khánh')).toEqual(['2026-09-02', '2026-09-03']); // Wed → Thu
  });
});

describe('days in lieu (nghỉ bù) when a holiday falls on the weekend', () => {
  it('gives the next working days for 30 April and 1 May on a weekend (2022)', () => {
    expect(named(2022, '30/04')).toEqual(['2022-05-02']);
    expect(named(2022, '01/05')).toEqual(['2022-05-03']);
  });

  it("reproduces 2023: Hùng Kings' day Saturday, 30 April Sunday → off until Wednesday 3 May", () => {
    expect(dates(2023).filter((d) => d >= '2023-04-29' && d <= '2023-05-31')).toEqual([
      '2023-04-29',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ]);
  });

  it('makes up 2 September on a Saturday (2023) and on a Sunday (2029)', () => {
    expect(named(2023, 'Quốc khánh')).toEqual(['2023-09-01', '2023-09-02', '2023-09-04']);
    expect(named(2029, 'Quốc khánh')).toEqual(['2029-09-02', '2029-09-03', '2029-09-04']);
    expect(nameOf('2029-09-04')).toBe('Nghỉ bù ngày 02/09: Quốc khánh');
  });

  it('makes up New Year on a Saturday on Monday and Culture Day on a Saturday (2029)', () => {
    expect(named(2022, 'Tết Dương lịch')).toEqual(['2022-01-01', '2022-01-03']);
    expect(named(2029, 'Văn hóa')).toEqual(['2029-11-24', '2029-11-26']);
  });

  it('makes up both holidays when two fall on one date (Hùng Kings’ day on 30 April 1947)', () => {
    expect(nameOf('1947-04-30')).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Giải phóng miền Nam, thống nhất đất nước');
    expect(ruleHolidays(1947).filter((h) => h.compensates === '1947-04-30')).toHaveLength(1);
  });
});

describe('range', () => {
  it('covers 1900–2199 with every day inside its own year, and refuses other years', () => {
    for (let y = 1900; y <= 2199; y++) {
      const days = ruleHolidays(y);
      expect(days.every((h) => h.date.startsWith(`${y}-`))).toBe(true);
      expect(new Set(days.map((h) => h.date)).size).toBe(days.length);
    }
    expect(() => ruleHolidays(1899)).toThrow(/1900/);
    expect(() => ruleHolidays(2200)).toThrow(/2199/);
  });
});
