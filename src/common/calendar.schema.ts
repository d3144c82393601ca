// Request and response shapes of the working-day calendar API, shared by the server and the web app.
import { z } from 'zod';

/** The years the lunar calendar library covers; the server refuses dates outside them. */
export const CALENDAR_MIN_YEAR = 1900;
export const CALENDAR_MAX_YEAR = 2199;
export const DEFAULT_AFTERNOON_CUTOFF = '15:00';

const inRange = (year: number) => year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR;
const rangeMessage = `Năm phải từ ${CALENDAR_MIN_YEAR} đến ${CALENDAR_MAX_YEAR} / year must be ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`;

/** A local date 'YYYY-MM-DD' that exists (zod rejects 2026-02-30) inside the supported years. */
export const CalendarDate = z.iso
  .date()
  .refine((d) => inRange(Number(d.slice(0, 4))), { message: rangeMessage });

export const CalendarYear = z.coerce.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR);

export const OfficialDayKind = z.enum(['day_off', 'working_day']);
export type OfficialDayKind = z.infer<typeof OfficialDayKind>;

export const CalendarDayView = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'day_off', 'working_day']),
  name: z.string(),
  source: z.enum(['rule', 'official']),
  legalBasis: z.string().optional(),
});
export type CalendarDayView = z.infer<typeof CalendarDayView>;

/** `null` turns the cutoff off: every start counts on its own day. */
export const CalendarSettings = z.object({
  afternoonCutoff: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Giờ phải có dạng HH:MM / time must be HH:MM' })
    .nullable(),
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;

export const CalendarYearView = z.object({
  year: z.number().int(),
  days: z.array(CalendarDayView),
  settings: CalendarSettings,
  /** What this user may do with the calendar (the UI shows the editing controls for `calendar.manage`). */
  actions: z.array(z.string()),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;

export const YearParams = z.object({ year: CalendarYear });
export const DayParams = z.object({ date: CalendarDate });

export const PutCalendarDayBody = z.object({
  kind: OfficialDayKind,
  name: z.string().trim().min(1).max(200),
  legalBasis: z.string().trim().max(500).nullish(),
});
export type PutCalendarDayBody = z.infer<typeof PutCalendarDayBody>;

export const DueUnit = z.enum(['working_days', 'calendar_days']);
export type DueUnit = z.infer<typeof DueUnit>;

export const DueBody = z.object({
  /** An instant with its offset (Z or +07:00); a time without offset would be ambiguous. */
  start: z.iso.datetime({ offset: true }),
  amount: z.number().int().min(0).max(3650),
  unit: DueUnit,
  /** Defaults to true: a start after the afternoon cutoff counts from the next working day. */
  applyCutoff: z.boolean().optional(),
});
export type DueBody = z.infer<typeof DueBody>;

export const DueView = z.object({
  start: z.string(),
  effectiveStart: z.string(),
  dueDate: z.string(),
  dueAt: z.string(),
});
export type DueView = z.infer<typeof DueView>;
