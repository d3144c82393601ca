// Deadline arithmetic: cutoff, weekends, holidays, the official schedule, year boundaries, and properties over many dates.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dayOfInstant, formatDate } from './local-date';
import { WorkingCalendar, type OfficialDay } from './working-days';

const cal = new WorkingCalendar();
const cut = { afternoonCutoff: '15:00' };
const at = (iso: string) => new Date(iso);

describe('isWorkingDay', () => {
  it('knows weekends, holidays and days in lieu', () => {
    expect(cal.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-02-17')).toBe(false); // Tết
    expect(cal.isWorkingDay('2026-04-27')).toBe(false); // in lieu of Hùng Kings' day
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(/2026-02-30/);
    expect(() => cal.isWorkingDay('2200-01-01')).toThrow(/2199/);
  });

  it('takes the local (UTC+7) date of an instant', () => {
    // 17:30 UTC on Friday is already Saturday 00:30 in Vietnam.
    expect(cal.isWorkingDay(at('2026-03-06T17:30:00Z'))).toBe(false);
    expect(cal.isWorkingDay(at('2026-03-06T16:59:59Z'))).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('counts from the same day before the cutoff and from the next working day after it', () => {
    const before = cal.addWorkingDays(at('2026-03-06T14:59:00+07:00'), 1, cut);
    expect(before).toMatchObject({ effectiveStart: '2026-03-06', dueDate: '2026-03-09' });
    expect(before.dueAt.toISOString()).toBe('2026-03-09T16:59:59.999Z');
    expect(cal.addWorkingDays(at('2026-03-06T15:00:00+07:00'), 1, cut).dueDate).toBe('2026-03-09');
    const after = cal.addWorkingDays(at('2026-03-06T15:01:00+07:00'), 1, cut);
    expect(after).toMatchObject({ effectiveStart: '2026-03-09', dueDate: '2026-03-10' });
    expect(cal.addWorkingDays(at('2026-03-06T15:01:00+07:00'), 1, { afternoonCutoff: null }).dueDate).toBe('2026-03-09');
  });

  it('starts on the next working day when received on a Saturday', () => {
    const r = cal.addWorkingDays(at('2026-03-07T09:00:00+07:00'), 1, cut);
    expect(r).toMatchObject({ effectiveStart: '2026-03-09', dueDate: '2026-03-10' });
    expect(cal.addWorkingDays(at('2026-03-07T09:00:00+07:00'), 0, cut).dueDate).toBe('2026-03-09');
  });

  it('returns the effective start day for n = 0', () => {
    expect(cal.addWorkingDays(at('2026-03-05T10:00:00+07:00'), 0, cut).dueDate).toBe('2026-03-05');
    expect(cal.addWorkingDays(at('2026-03-05T16:00:00+07:00'), 0, cut).dueDate).toBe('2026-03-06');
  });

  it('crosses the new year, skipping 1 January and the weekend', () => {
    expect(cal.addWorkingDays(at('2026-12-31T09:00:00+07:00'), 3, cut).dueDate).toBe('2027-01-06');
  });

  it('jumps over Tết: received just before it, 5 working days land after it', () => {
    expect(cal.addWorkingDays(at('2026-02-13T10:00:00+07:00'), 5, cut).dueDate).toBe('2026-02-27');
  });

  it('counts a swapped working Saturday and skips an official extra day off', () => {
    const official: OfficialDay[] = [
      { date: '2026-02-28', kind: 'working_day', name: 'Làm bù', legalBasis: null },
      { date: '2026-03-09', kind: 'day_off', name: 'Nghỉ thêm', legalBasis: 'Thông báo số 1/TB' },
    ];
    const c = new WorkingCalendar(official);
    expect(cal.addWorkingDays(at('2026-02-26T09:00:00+07:00'), 2, cut).dueDate).toBe('2026-03-02');
    expect(c.addWorkingDays(at('2026-02-26T09:00:00+07:00'), 2, cut).dueDate).toBe('2026-02-28');
    expect(c.addWorkingDays(at('2026-03-06T09:00:00+07:00'), 1, cut).dueDate).toBe('2026-03-10');
  });

  it('lets the official schedule cancel a rule holiday', () => {
    const c = new WorkingCalendar([{ date: '2026-04-27', kind: 'working_day', name: 'Đi làm', legalBasis: null }]);
    expect(c.isWorkingDay('2026-04-27')).toBe(true);
    expect(c.addWorkingDays(at('2026-04-24T09:00:00+07:00'), 1, cut).dueDate).toBe('2026-04-27');
    expect(cal.addWorkingDays(at('2026-04-24T09:00:00+07:00'), 1, cut).dueDate).toBe('2026-04-28');
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => cal.addWorkingDays(at('2026-03-05T10:00:00Z'), -1, cut)).toThrow();
    expect(() => cal.addWorkingDays(at('2026-03-05T10:00:00Z'), 1.5, cut)).toThrow();
  });
});

describe('addCalendarDays', () => {
  it('ends on the next working day when the last day is a day off (Civil Code art. 148)', () => {
    // 23 April 2026 + 7 = Thursday 30 April (holiday), then 1 May, then the weekend.
    expect(cal.addCalendarDays(at('2026-04-23T10:00:00+07:00'), 7).dueDate).toBe('2026-05-04');
    expect(cal.addCalendarDays(at('2026-04-23T10:00:00+07:00'), 6).dueDate).toBe('2026-04-29');
  });

  it('runs from a weekend start, and applies the cutoff only when given', () => {
    expect(cal.addCalendarDays(at('2026-03-07T10:00:00+07:00'), 3)).toMatchObject({ effectiveStart: '2026-03-07', dueDate: '2026-03-10' });
    expect(cal.addCalendarDays(at('2026-03-06T16:00:00+07:00'), 3, cut)).toMatchObject({ effectiveStart: '2026-03-09', dueDate: '2026-03-12' });
  });
});

describe('countWorkingDays', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(cal.countWorkingDays('2026-02-13', '2026-02-27')).toBe(5);
    expect(cal.countWorkingDays('2026-02-27', '2026-02-13')).toBe(-5);
    expect(cal.countWorkingDays('2026-03-06', '2026-03-06')).toBe(0);
    expect(cal.countWorkingDays('2026-12-31', '2027-01-06')).toBe(3);
    expect(cal.countWorkingDays(at('2026-03-06T23:00:00+07:00'), at('2026-03-09T08:00:00+07:00'))).toBe(1);
    // A whole year: 365 days − 104 weekend days − 12 weekday holidays and days in lieu of 2026.
    expect(cal.countWorkingDays('2025-12-31', '2026-12-31')).toBe(249);
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2150, 0, 1) }).map((ms) => new Date(ms));
  const officialDays = fc.uniqueArray(
    fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      kind: fc.constantFrom('day_off' as const, 'working_day' as const),
    }),
    { selector: (d) => d.day, maxLength: 20 },
  );

  it('addWorkingDays lands on a working day n working days after the effective start', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 300 }), fc.boolean(), officialDays, (start, n, useCutoff, offsets) => {
        const base = dayOfInstant(start);
        const c = new WorkingCalendar(offsets.map((o) => ({ date: formatDate(base + o.day), kind: o.kind, name: 'x', legalBasis: null })));
        const r = c.addWorkingDays(start, n, { afternoonCutoff: useCutoff ? '15:00' : null });
        expect(c.isWorkingDay(r.dueDate)).toBe(true);
        expect(c.isWorkingDay(r.effectiveStart)).toBe(true);
        expect(c.countWorkingDays(r.effectiveStart, r.dueDate)).toBe(n);
        expect(r.dueAt.toISOString()).toBe(new Date(`${r.dueDate}T23:59:59.999+07:00`).toISOString());
        expect(r.dueDate >= r.effectiveStart).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('countWorkingDays agrees with counting day by day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -800, max: 800 }), (from, span) => {
        const to = new Date(from.getTime() + span * 86_400_000);
        const [lo, hi, sign] = span >= 0 ? [from, to, 1] : [to, from, -1];
        let naive = 0;
        for (let d = dayOfInstant(lo) + 1; d <= dayOfInstant(hi); d++) if (cal.isWorkingDay(d)) naive++;
        expect(cal.countWorkingDays(from, to)).toBe(sign * naive);
      }),
      { numRuns: 200 },
    );
  });
});

describe('machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it('gives the same answers whatever TZ the server runs in', () => {
    const sample = () => [
      cal.addWorkingDays(at('2026-03-06T15:01:00+07:00'), 1, cut).dueAt.toISOString(),
      cal.addWorkingDays(at('2026-12-31T23:30:00+07:00'), 3, cut).dueDate,
      new WorkingCalendar().addCalendarDays(at('2026-04-23T00:30:00+07:00'), 7).dueDate,
      String(new WorkingCalendar().countWorkingDays('2025-12-31', '2026-12-31')),
    ];
    const expected = sample();
    for (const tz of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh']) {
      process.env.TZ = tz;
      if (tz === 'America/New_York') expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(300);
      expect(sample()).toEqual(expected);
    }
  });
});
