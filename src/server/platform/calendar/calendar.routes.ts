// HTTP API of the working-day calendar: the year's days, the official schedule, settings and a deadline calculator.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CalendarDayView,
  CalendarSettings,
  CalendarYearView,
  DayParams,
  DueBody,
  DueView,
  PutCalendarDayBody,
  YearParams,
} from '../../../common/calendar.schema';
import { ctxOf } from '../auth/actor';
import { actionsFor, assertCan } from '../policy';
import {
  afterCalendarWrite,
  computeDue,
  deleteOfficialDay,
  getCalendarSettings,
  listYear,
  updateCalendarSettings,
  upsertOfficialDay,
} from './calendar.service';
import { formatLocalIso } from './local-date';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: 'Lịch ngày nghỉ và ngày làm việc bù của một năm / non-ordinary days of a year',
        params: YearParams,
        response: { 200: CalendarYearView },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      assertCan(ctx.actor, 'calendar.read');
      const year = await listYear(db(), req.params.year);
      return { ...year, actions: actionsFor(ctx.actor, ['calendar.manage']) };
    },
  );

  app.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: 'Ghi ngày nghỉ hoặc ngày làm việc theo lịch chính thức / record an official day',
        params: DayParams,
        body: PutCalendarDayBody,
        response: { 200: CalendarDayView },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      assertCan(ctx.actor, 'calendar.manage');
      return afterCalendarWrite(db().transaction((tx) => upsertOfficialDay(tx, ctx, req.params.date, req.body)));
    },
  );

  app.delete(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: 'Xoá một ngày khỏi lịch chính thức (trở về quy tắc mặc định) / remove an official day',
        params: DayParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      assertCan(ctx.actor, 'calendar.manage');
      await afterCalendarWrite(db().transaction((tx) => deleteOfficialDay(tx, ctx, req.params.date)));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/calendar/settings',
    { schema: { tags, summary: 'Cấu hình lịch làm việc / calendar settings', response: { 200: CalendarSettings } } },
    async (req) => {
      const ctx = ctxOf(req);
      assertCan(ctx.actor, 'calendar.read');
      return getCalendarSettings(db());
    },
  );

  app.put(
    '/api/calendar/settings',
    {
      schema: {
        tags,
        summary: 'Sửa giờ chốt nhận hồ sơ buổi chiều / change the afternoon cutoff',
        body: CalendarSettings,
        response: { 200: CalendarSettings },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      assertCan(ctx.actor, 'calendar.manage');
      return afterCalendarWrite(db().transaction((tx) => updateCalendarSettings(tx, ctx, req.body)));
    },
  );

  app.post(
    '/api/calendar/due',
    {
      schema: {
        tags,
        summary: 'Tính hạn giải quyết theo ngày làm việc hoặc ngày lịch / deadline calculator',
        body: DueBody,
        response: { 200: DueView },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      assertCan(ctx.actor, 'calendar.read');
      const { start, amount, unit, applyCutoff } = req.body;
      const due = await computeDue(db(), { start: new Date(start), amount, unit, applyCutoff: applyCutoff ?? true });
      return {
        start: formatLocalIso(due.start),
        effectiveStart: due.effectiveStart,
        dueDate: due.dueDate,
        dueAt: formatLocalIso(due.dueAt),
      };
    },
  );
};
