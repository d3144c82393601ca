// The tracking register (form 07): checks the range and the user's right, audits the export, then yields its rows page by page.
import { REGISTER_MAX_DAYS, type RegisterQuery } from '../../../../common/dossier-forms.schema';
import type { Db, Tx } from '../../../db/client';
import { recordAudit } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/auth/actor';
import { parseDate, startOfDay } from '../../../platform/calendar/local-date';
import { assertCan } from '../../../platform/policy';
import { findAgency } from '../../org/agencies.service';
import { findUnit } from '../../org/units.service';
import { visibleCondition } from '../dossiers.access';
import { dossierErrors } from '../dossiers.errors';
import { dossierWorkflow, handOnActions } from '../dossiers.workflows';
import { countRegister, registerPage, stepsOfDossiers, type RegisterFilter } from './register.queries';
import { registerRow, type RegisterRow } from './register.rows';

/** Rows read per query: memory stays flat however long the period. */
export const REGISTER_PAGE = 500;

export type RegisterFormat = 'xlsx' | 'csv';

export interface RegisterPlan {
  filter: RegisterFilter;
  from: string;
  to: string;
  count: number;
}

/**
 * Everything that can fail with a clean error happens here, before the first byte is sent: the right
 * to read dossiers (403 otherwise), the dates (400 with the field), the unit and agency; then the export
 * is written to the audit trail with who, which range and how many rows (the register holds personal data).
 */
export async function prepareRegister(db: Db, ctx: Ctx, q: RegisterQuery, format: RegisterFormat): Promise<RegisterPlan> {
  assertCan(ctx.actor, 'dossier.read');
  const { lang } = ctx;
  const from = parseDate(q.from);
  const to = parseDate(q.to);
  if (from === null) throw dossierErrors.field(lang, 'querystring.from', 'Ngày không hợp lệ', 'Not a valid date');
  if (to === null) throw dossierErrors.field(lang, 'querystring.to', 'Ngày không hợp lệ', 'Not a valid date');
  if (to < from) throw dossierErrors.field(lang, 'querystring.to', 'Ngày kết thúc phải từ ngày bắt đầu trở đi', 'The end date must not be before the start date');
  if (to - from + 1 > REGISTER_MAX_DAYS)
    throw dossierErrors.field(
      lang,
      'querystring.to',
      `Mỗi lần xuất sổ tối đa ${REGISTER_MAX_DAYS} ngày; hãy chia thành nhiều khoảng`,
      `At most ${REGISTER_MAX_DAYS} days per export; split the period`,
    );
  const unit = q.unitId ? await findUnit(db, q.unitId) : undefined;
  if (q.unitId && !unit) throw dossierErrors.field(lang, 'querystring.unitId', 'Không tìm thấy đơn vị', 'No such unit');
  if (q.agencyId && !(await findAgency(db, q.agencyId))) throw dossierErrors.field(lang, 'querystring.agencyId', 'Không tìm thấy cơ quan', 'No such agency');

  const filter: RegisterFilter = {
    visible: visibleCondition(ctx.actor),
    receivedFrom: startOfDay(from),
    receivedBefore: startOfDay(to + 1),
    unitPath: unit?.path,
    receivingAgencyId: q.agencyId,
  };
  const count = await countRegister(db, filter);
  await db.transaction(async (tx) =>
    recordAudit(tx, ctx, {
      action: 'dossier.register_export',
      entityType: 'dossier_register',
      unitId: unit?.id ?? ctx.actor.unitId,
      after: { format, from: q.from, to: q.to, unitId: q.unitId ?? null, agencyId: q.agencyId ?? null, count },
    }),
  );
  return { filter, from: q.from, to: q.to, count };
}

/** The register's rows, oldest receipt first, read by keyset pages of REGISTER_PAGE. */
export async function* registerRows(db: Tx, plan: RegisterPlan): AsyncGenerator<RegisterRow> {
  const agencyNames = new Map<string, string | null>();
  const nameOf = (id: string | null) => (id ? (agencyNames.get(id) ?? null) : null);
  let after: { receivedAt: Date; id: string } | null = null;
  let no = 0;
  for (;;) {
    const page = await registerPage(db, plan.filter, after, REGISTER_PAGE);
    const steps = await stepsOfDossiers(
      db,
      page.map((d) => d.id),
    );
    for (const list of steps.values())
      for (const s of list)
        if (s.toAgencyId && !agencyNames.has(s.toAgencyId) && handOnActions(dossierWorkflow(s.workflowCode)).includes(s.action))
          agencyNames.set(s.toAgencyId, (await findAgency(db, s.toAgencyId))?.name ?? null);
    for (const d of page) yield registerRow(++no, d, steps.get(d.id) ?? [], nameOf);
    const lastRow = page[page.length - 1];
    if (page.length < REGISTER_PAGE || !lastRow?.receivedAt) return;
    after = { receivedAt: lastRow.receivedAt, id: lastRow.id };
  }
}
