// Administrators add, edit and retire the Open311 feedback categories (province-wide, audited); services.json shows the active ones.
import { asc, eq } from 'drizzle-orm';
import { LIST_DATATYPES } from '../../../common/open311-services';
import type { ServiceAdminView, ServiceAttributeInput, ServiceCreateBody, ServicePatchBody } from '../../../common/open311-services.schema';
import type { Tx } from '../../db/client';
import { open311Services } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/actor';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { AppError, errors, type FieldIssue } from '../../platform/errors';
import type { Lang } from '../../platform/locale';
import { assertCan } from '../../platform/policy';
import type { ServiceRow } from './open311.services';
import type { ServiceAttribute } from './open311.table';

const ENTITY = 'open311_service';
const ACTION = 'open311.services.manage';

const serviceNotFound = () => new AppError('open311_service_not_found', 404, 'Không tìm thấy loại phản ánh', 'Feedback category not found');

export const toAdminView = (s: ServiceRow): ServiceAdminView => ({
  code: s.code,
  name: s.name,
  description: s.description,
  keywords: s.keywords,
  groupName: s.groupName,
  type: s.type,
  notice: s.notice,
  attributes: s.attributes,
  active: s.active,
  sortOrder: s.sortOrder,
  createdAt: formatLocalIso(s.createdAt),
  updatedAt: formatLocalIso(s.updatedAt),
});

/** What the audit entry keeps of a category: everything an administrator may change. */
const audited = (s: ServiceRow) => ({
  name: s.name,
  description: s.description,
  keywords: s.keywords,
  groupName: s.groupName,
  notice: s.notice,
  sortOrder: s.sortOrder,
  active: s.active,
  attributes: s.attributes,
});

/**
 * The rules of GeoReport v2 a shape cannot say: attribute codes unique, `values` on lists and only
 * on them (at least one, keys unique). Every problem named by its field, in the request's language.
 */
export function checkDefinition(attributes: ServiceAttributeInput[], lang: Lang): ServiceAttribute[] {
  const say = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  attributes.forEach((a, i) => {
    const at = `body.attributes.${i}`;
    if (seen.has(a.code)) issues.push({ path: `${at}.code`, message: say(`Mã thuộc tính "${a.code}" bị trùng`, `Attribute code "${a.code}" is used twice`) });
    seen.add(a.code);
    const isList = LIST_DATATYPES.includes(a.datatype);
    if (isList && !a.values?.length)
      issues.push({ path: `${at}.values`, message: say('Danh sách chọn cần ít nhất một giá trị', 'A list needs at least one value') });
    if (!isList && a.values !== undefined)
      issues.push({ path: `${at}.values`, message: say('Chỉ kiểu danh sách (singlevaluelist, multivaluelist) mới có giá trị chọn', 'Only singlevaluelist and multivaluelist take values') });
    const keys = (a.values ?? []).map((v) => v.key);
    const twice = keys.find((k, j) => keys.indexOf(k) !== j);
    if (twice !== undefined) issues.push({ path: `${at}.values`, message: say(`Khoá "${twice}" bị trùng`, `Key "${twice}" is used twice`) });
  });
  if (issues.length) throw errors.validation(issues);
  return attributes.map((a) => ({
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.variable ? a.required : false,
    datatype_description: a.datatype_description,
    order: a.order,
    description: a.description,
    ...(a.values ? { values: a.values } : {}),
  }));
}

/** Every category, retired ones too, in the order clients see them. */
export async function listAllServices(db: Tx, ctx: Ctx): Promise<ServiceAdminView[]> {
  assertCan(ctx.actor, ACTION);
  const rows = await db.select().from(open311Services).orderBy(asc(open311Services.sortOrder), asc(open311Services.code));
  return rows.map(toAdminView);
}

export async function createService(tx: Tx, ctx: Ctx, body: ServiceCreateBody): Promise<ServiceAdminView> {
  assertCan(ctx.actor, ACTION);
  const attributes = checkDefinition(body.attributes, ctx.lang);
  const [row] = await tx
    .insert(open311Services)
    .values({ ...body, attributes, type: 'realtime' })
    .onConflictDoNothing({ target: open311Services.code })
    .returning();
  if (!row)
    throw errors.conflict('open311_service_code_taken', `Mã loại phản ánh "${body.code}" đã có`, `Category code "${body.code}" is already taken`, {
      fields: [{ path: 'body.code', message: ctx.lang === 'vi' ? 'Mã đã được dùng' : 'Code already taken' }],
    });
  await recordAudit(tx, ctx, { action: 'open311.service.create', entityType: ENTITY, entityId: row.code, after: audited(row) });
  return toAdminView(row);
}

/** Edits a category; `active: false` retires it (clients no longer see it, its requests stay readable). */
export async function updateService(tx: Tx, ctx: Ctx, code: string, patch: ServicePatchBody): Promise<ServiceAdminView> {
  assertCan(ctx.actor, ACTION);
  const [found] = await tx.select().from(open311Services).where(eq(open311Services.code, code)).for('update');
  if (!found) throw serviceNotFound();
  const attributes = patch.attributes ? checkDefinition(patch.attributes, ctx.lang) : undefined;
  const changes = { ...patch, ...(patch.notice !== undefined ? { notice: patch.notice || null } : {}), ...(attributes ? { attributes } : {}) };
  const next = { ...found, ...changes };
  if (JSON.stringify(audited(next)) === JSON.stringify(audited(found))) return toAdminView(found);
  const [row] = await tx
    .update(open311Services)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(open311Services.code, code))
    .returning();
  if (!row) throw serviceNotFound();
  const action = found.active && !row.active ? 'open311.service.retire' : !found.active && row.active ? 'open311.service.restore' : 'open311.service.update';
  await recordAudit(tx, ctx, { action, entityType: ENTITY, entityId: code, before: audited(found), after: audited(row) });
  return toAdminView(row);
}
