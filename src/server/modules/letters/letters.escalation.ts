// Deadline reminders and escalations of letter cases: found by the job, recorded once per case, kind and deadline, audited, told to the staff concerned, shown on the case.
import { and, asc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { CaseAlertView } from '../../../common/letter-resolution.schema';
import { LETTER_TYPE_LABELS, type LetterType } from '../../../common/letters.schema';
import type { Db, Tx } from '../../db/client';
import { letterCases, roleGrants, staff, units } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit';
import { loadCalendar } from '../../platform/calendar/calendar.service';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { notifyContact } from '../../platform/notify/outbox';
import { vnShortDate } from '../../platform/pdf/vn-format';
import { dueSoonBefore } from '../../platform/workflow/engine';
import { letterCaseAlerts } from './letters.escalation.table';
import type { CaseAlertRow } from './letters.page.queries';
import { activeCaseStates, CASE_ENTITY } from './letters.workflows';

export type AlertKind = 'reminder' | 'escalation';
/** Cases handled per statement: a long backlog is worked through in several short transactions. */
const BATCH = 200;
const SYSTEM = { actor: null, requestId: 'job:letter-deadline-alerts', ip: '127.0.0.1' };

interface Person {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
}

interface DueCase {
  id: string;
  code: string;
  type: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  assigneeId: string | null;
  dueAt: Date;
}

/** Active cases due in [from, to) with no alert of this kind for their current deadline yet. */
async function casesToAlert(tx: Tx, kind: AlertKind, from: Date | null, to: Date): Promise<DueCase[]> {
  const rows = await tx
    .select({
      id: letterCases.id,
      code: letterCases.code,
      type: letterCases.type,
      unitId: letterCases.unitId,
      unitName: units.name,
      unitPath: units.path,
      assigneeId: letterCases.assigneeId,
      dueAt: letterCases.dueAt,
    })
    .from(letterCases)
    .innerJoin(units, eq(units.id, letterCases.unitId))
    .where(
      and(
        inArray(letterCases.state, activeCaseStates()),
        isNotNull(letterCases.dueAt),
        lt(letterCases.dueAt, to),
        from ? gte(letterCases.dueAt, from) : undefined,
        sql`not exists (select 1 from ${letterCaseAlerts} a where a.case_id = ${letterCases.id} and a.kind = ${kind} and a.due_at = ${letterCases.dueAt})`,
      ),
    )
    .orderBy(asc(letterCases.dueAt), asc(letterCases.id))
    .limit(BATCH);
  return rows.map((r) => ({ ...r, dueAt: r.dueAt ?? to }));
}

const personCols = { id: staff.id, fullName: staff.fullName, email: staff.email, phone: staff.phone };

/**
 * The heads of a unit: active leaders granted on that very unit; when it has none (other than those
 * excluded), the leaders of the nearest unit above it. The assignee's superiors, in the unit tree.
 */
async function superiorsOf(tx: Tx, unitPath: string, exclude: string | null): Promise<Person[]> {
  const rows = await tx
    .select({ ...personCols, depth: units.depth })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .innerJoin(staff, eq(staff.id, roleGrants.staffId))
    .where(and(eq(roleGrants.role, 'leader'), eq(staff.active, true), sql`${unitPath} like ${units.path} || '%'`))
    .orderBy(sql`${units.depth} desc`, asc(staff.fullName));
  const others = rows.filter((r) => r.id !== exclude);
  const nearest = others[0]?.depth;
  const seen = new Set<string>();
  return others.filter((r) => r.depth === nearest && !seen.has(r.id) && seen.add(r.id)).map(({ depth: _d, ...p }) => p);
}

async function person(tx: Tx, id: string): Promise<Person | undefined> {
  const [p] = await tx.select(personCols).from(staff).where(and(eq(staff.id, id), eq(staff.active, true)));
  return p;
}

/** The message to a staff member: the case's code, type, unit and deadline; never its content or writer. */
function staffNotice(kind: AlertKind, c: DueCase, assignee: Person | undefined) {
  const type = LETTER_TYPE_LABELS[c.type as LetterType]?.vi ?? c.type;
  const due = vnShortDate(c.dueAt);
  if (kind === 'reminder')
    return {
      template: 'letter_case.reminder',
      subject: `Vụ việc ${c.code} sắp đến hạn giải quyết (${due})`,
      text: `Vụ việc ${c.code} (${type}) do ${c.unitName} xử lý sắp đến hạn giải quyết: ${due}.\nĐề nghị đồng chí khẩn trương xử lý, tránh để quá hạn.\n\nĐây là thư gửi tự động từ Dân Vận Số.`,
      sms: `Vu viec ${c.code} sap den han giai quyet (${due}).`,
    };
  return {
    template: 'letter_case.escalation',
    subject: `Vụ việc ${c.code} đã quá hạn giải quyết`,
    text: `Vụ việc ${c.code} (${type}) do ${c.unitName} xử lý đã quá hạn giải quyết từ ngày ${due}.\nNgười được giao xử lý: ${assignee?.fullName ?? 'chưa giao'}.\nĐề nghị đồng chí chỉ đạo xử lý.\n\nĐây là thư gửi tự động từ Dân Vận Số.`,
    sms: `Vu viec ${c.code} da qua han giai quyet tu ${due}, de nghi chi dao xu ly.`,
  };
}

/** Records one alert if it is new (the key decides between two runs), audits it and tells the recipients; true when recorded. */
async function alert(tx: Tx, kind: AlertKind, c: DueCase, now: Date): Promise<boolean> {
  const assignee = c.assigneeId ? await person(tx, c.assigneeId) : undefined;
  const recipients = kind === 'reminder' && assignee ? [assignee] : await superiorsOf(tx, c.unitPath, kind === 'escalation' ? (c.assigneeId ?? null) : null);
  const [row] = await tx
    .insert(letterCaseAlerts)
    .values({ caseId: c.id, kind, dueAt: c.dueAt, recipientIds: recipients.map((r) => r.id), assigneeId: c.assigneeId, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!row) return false;
  await recordAudit(tx, SYSTEM, {
    action: kind === 'reminder' ? 'letter_case.remind' : 'letter_case.escalate',
    entityType: CASE_ENTITY,
    entityId: c.id,
    unitId: c.unitId,
    after: { dueAt: c.dueAt, assigneeId: c.assigneeId, recipientIds: row.recipientIds },
  });
  const n = staffNotice(kind, c, assignee);
  for (const r of recipients) await notifyContact(tx, { email: r.email, phone: r.phone }, { ...n, entityType: CASE_ENTITY, entityId: c.id }, now);
  return true;
}

export interface AlertRun {
  reminders: number;
  escalations: number;
}

/**
 * One run of the deadline job at `now`: reminders for the cases due soon (the inbox's threshold),
 * escalations for the overdue ones. Idempotent: a second run, or one on another server, finds
 * nothing new.
 */
export async function runDeadlineAlerts(db: Db, now: Date): Promise<AlertRun> {
  const out: AlertRun = { reminders: 0, escalations: 0 };
  const soon = dueSoonBefore(await loadCalendar(db), now);
  for (const [kind, from, to] of [
    ['escalation', null, now],
    ['reminder', now, soon],
  ] as const) {
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const batch = await casesToAlert(tx, kind, from, to);
        let n = 0;
        for (const c of batch) if (await alert(tx, kind, c, now)) n++;
        return { n, more: batch.length === BATCH };
      });
      if (kind === 'reminder') out.reminders += done.n;
      else out.escalations += done.n;
      if (!done.more) break;
    }
  }
  return out;
}

/** The alerts (newest first, with the names of those told) as the case page shows them. */
export function alertsView(rows: ReadonlyArray<CaseAlertRow>, c: { dueAt: Date | null }): { alerts: CaseAlertView[]; escalated: boolean } {
  return {
    alerts: rows.map((r) => ({ kind: r.kind as AlertKind, dueAt: formatLocalIso(r.dueAt), at: formatLocalIso(r.createdAt), recipients: r.recipients })),
    escalated: rows.some((r) => r.kind === 'escalation' && c.dueAt !== null && r.dueAt.getTime() === c.dueAt.getTime()),
  };
}
