// The calendar service other modules call: the official schedule from the database, deadlines, settings and audited edits.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import {
  CalendarSettings,
  DEFAULT_AFTERNOON_CUTOFF,
  type CalendarDayView,
  type DueUnit,
  type PutCalendarDayBody,
} from '../../../common/calendar.schema';
import type { Tx } from '../../db/client';
import { databaseKey } from '../../db/prepared';
import type { Ctx } from '../auth/actor';
import { recordAudit } from '../audit/audit';
import { errors } from '../errors';
import { calendarDays, settings } from './calendar.table';
import { assertYearInRange, parseDate, yearOf } from './local-date';
import { WorkingCalendar, type CalendarDay, type DueResult, type OfficialDay } from './working-days';

export { WorkingCalendar, type DueResult, type OfficialDay } from './working-days';

const SETTINGS_KEY = 'calendar';
const DEFAULT_SETTINGS: CalendarSettings = { afternoonCutoff: DEFAULT_AFTERNOON_CUTOFF };

type Row = typeof calendarDays.$inferSelect;

function toOfficial(r: Row): OfficialDay {
  return { date: r.day, kind: r.kind === 'working_day' ? 'working_day' : 'day_off', name: r.name, legalBasis: r.legalBasis };
}

export function dayView(d: CalendarDay): CalendarDayView {
  return { date: d.date, kind: d.kind, name: d.name, source: d.source, ...(d.legalBasis ? { legalBasis: d.legalBasis } : {}) };
}

/** The official schedule, optionally only the years `from`..`to`. */
export async function loadOfficialDays(db: Tx, years?: { from: number; to: number }): Promise<OfficialDay[]> {
  const rows = await db
    .select()
    .from(calendarDays)
    .where(years ? and(gte(calendarDays.year, years.from), lte(calendarDays.year, years.to)) : undefined)
    .orderBy(asc(calendarDays.day));
  return rows.map(toOfficial);
}

/**
 * How long a process keeps the calendar it read: every action computing a deadline and every page
 * showing one needs it (it was two statements and a rebuilt calendar per request). An edit made
 * through this process clears it at once (and again after its transaction commits, see
 * `calendarChanged`); other server processes see an edit at most this long after it commits.
 */
export const CALENDAR_TTL_MS = 5_000;

interface CachedCalendar {
  calendar: WorkingCalendar;
  settings: CalendarSettings;
  loadedAt: number;
}

/** Per database (a handle and its transactions share the key), so that two databases in one process never mix. */
let cached = new WeakMap<object, CachedCalendar>();
/** Bumped by every local edit: a read that started before it does not store what it read. */
let generation = 0;

/** Clears the cached calendar of this process; the calendar's write paths call it, at the write and after the commit. */
export function calendarChanged(): void {
  generation++;
  cached = new WeakMap();
}

/** The calendar settings as recorded (the administrators' page); deadlines use the cached copy. */
export async function getCalendarSettings(db: Tx): Promise<CalendarSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SETTINGS_KEY));
  const parsed = CalendarSettings.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Awaits a calendar write's transaction, then clears the cache again (committed or rolled back), so that no read made meanwhile stays. */
export async function afterCalendarWrite<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    calendarChanged();
  }
}

async function cachedCalendar(db: Tx): Promise<CachedCalendar> {
  const key = databaseKey(db);
  const now = Date.now();
  const hit = cached.get(key);
  if (hit && now - hit.loadedAt < CALENDAR_TTL_MS) return hit;
  const started = generation;
  const entry = { calendar: new WorkingCalendar(await loadOfficialDays(db)), settings: await getCalendarSettings(db), loadedAt: now };
  if (started === generation) cached.set(key, entry);
  return entry;
}

/**
 * The working-day calendar bound to the whole official schedule. The table holds a few dozen rows
 * a year, so loading all of it is cheaper than guessing which years a deadline will cross; it is
 * kept for `CALENDAR_TTL_MS` and shared by the requests of this process (it is never modified:
 * its year tables are built once and reused).
 */
export async function loadCalendar(db: Tx): Promise<WorkingCalendar> {
  return (await cachedCalendar(db)).calendar;
}

export interface DueInput {
  start: Date;
  amount: number;
  unit: DueUnit;
  /** Defaults to true: a start after the configured afternoon cutoff counts from the next working day. */
  applyCutoff?: boolean;
}

/** The one way to compute a deadline: reads the official schedule and the cutoff setting. */
export async function computeDue(db: Tx, input: DueInput, calendar?: WorkingCalendar): Promise<DueResult> {
  const c = await cachedCalendar(db);
  const cal = calendar ?? c.calendar;
  const afternoonCutoff = input.applyCutoff === false ? null : c.settings.afternoonCutoff;
  return input.unit === 'working_days'
    ? cal.addWorkingDays(input.start, input.amount, { afternoonCutoff })
    : cal.addCalendarDays(input.start, input.amount, { afternoonCutoff });
}

export async function listYear(db: Tx, year: number): Promise<{ year: number; days: CalendarDayView[]; settings: CalendarSettings }> {
  assertYearInRange(year);
  const official = await loadOfficialDays(db, { from: year, to: year });
  const days = new WorkingCalendar(official).yearDays(year).map(dayView);
  return { year, days, settings: await getCalendarSettings(db) };
}

function dayOrThrow(date: string): number {
  const day = parseDate(date);
  if (day === null) throw errors.validation([{ path: 'params.date', message: 'Ngày không hợp lệ / invalid date' }]);
  assertYearInRange(yearOf(day));
  return day;
}

/** Records or replaces the official entry of a date; call inside the write's transaction. */
export async function upsertOfficialDay(tx: Tx, ctx: Ctx, date: string, input: PutCalendarDayBody): Promise<CalendarDayView> {
  const year = yearOf(dayOrThrow(date));
  calendarChanged();
  const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, date)).for('update');
  const values = { kind: input.kind, name: input.name, legalBasis: input.legalBasis ?? null, updatedBy: ctx.actor.id, updatedAt: new Date() };
  const [after] = await tx
    .insert(calendarDays)
    .values({ day: date, year, ...values })
    .onConflictDoUpdate({ target: calendarDays.day, set: values })
    .returning();
  if (!after) throw new Error('calendar day upsert returned no row');
  await recordAudit(tx, ctx, {
    action: before ? 'calendar.day.update' : 'calendar.day.create',
    entityType: 'calendar_day',
    entityId: date,
    before: before ?? null,
    after,
  });
  const o = toOfficial(after);
  return dayView({ ...o, source: 'official' });
}

/** Removes the official entry of a date, so the rules apply again; 404 when there is none. */
export async function deleteOfficialDay(tx: Tx, ctx: Ctx, date: string): Promise<void> {
  dayOrThrow(date);
  calendarChanged();
  const [before] = await tx.delete(calendarDays).where(eq(calendarDays.day, date)).returning();
  if (!before) throw errors.notFound('calendar_day', 'ngày này trong lịch chính thức');
  await recordAudit(tx, ctx, { action: 'calendar.day.delete', entityType: 'calendar_day', entityId: date, before, after: null });
}

export async function updateCalendarSettings(tx: Tx, ctx: Ctx, input: CalendarSettings): Promise<CalendarSettings> {
  calendarChanged();
  const before = await getCalendarSettings(tx);
  const value: CalendarSettings = { afternoonCutoff: input.afternoonCutoff };
  await tx
    .insert(settings)
    .values({ key: SETTINGS_KEY, value, updatedBy: ctx.actor.id })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: ctx.actor.id, updatedAt: new Date() } });
  await recordAudit(tx, ctx, { action: 'calendar.settings.update', entityType: 'settings', entityId: SETTINGS_KEY, before, after: value });
  return value;
}
