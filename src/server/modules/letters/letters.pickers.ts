// The choice of an action's form on one case: the staff who may be assigned it (the same rule as for dossiers: the roles
// that work the state the action leads to, granted on the case's unit or above), with the open cases each already holds.
import { and, count, inArray } from 'drizzle-orm';
import type { AssigneeList } from '../../../common/dossier-pickers.schema';
import type { Tx } from '../../db/client';
import { letterCases } from '../../db/schema';
import { pathIds } from '../../db/scope';
import type { Ctx } from '../../platform/auth/actor';
import { assigneeRoles } from '../../platform/workflow/definition';
import { actionOf } from '../../platform/workflow/engine';
import { staffWithRolesOn } from '../dossiers/dossiers.pickers.queries';
import { canSeeCase } from './letters.access';
import { letterErrors } from './letters.errors';
import { findCase } from './letter-cases.queries';
import { activeCaseStates, letterWorkflow } from './letters.workflows';

async function openCaseCounts(db: Tx, staffIds: readonly string[]): Promise<Map<string, number>> {
  if (!staffIds.length) return new Map();
  const rows = await db
    .select({ id: letterCases.assigneeId, n: count() })
    .from(letterCases)
    .where(and(inArray(letterCases.assigneeId, [...staffIds]), inArray(letterCases.state, activeCaseStates())))
    .groupBy(letterCases.assigneeId);
  return new Map(rows.map((r) => [r.id ?? '', r.n]));
}

/** GET /api/letter-cases/:id/assignees?action=assign: the same 404 as for a case one may not see. */
export async function caseAssignees(db: Tx, ctx: Ctx, id: string, actionCode: string): Promise<AssigneeList> {
  const c = await findCase(db, id);
  if (!c || !canSeeCase(ctx.actor, c)) throw letterErrors.caseNotFound();
  const def = letterWorkflow(c.workflowCode);
  const action = actionOf(def, actionCode);
  if (!action?.assign) throw letterErrors.field(ctx.lang, 'querystring.action', 'Thao tác này không giao xử lý cho cán bộ', 'This action assigns nobody');
  const rows = await staffWithRolesOn(db, assigneeRoles(def, action, c.state), pathIds(c.unitPath));
  const open = await openCaseCounts(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => ({
    id: r.id,
    fullName: r.fullName,
    title: r.title,
    unitName: r.unitName,
    agencyName: r.agencyName,
    sameAgency: !!c.agencyId && r.agencyId === c.agencyId,
    current: r.id === c.assigneeId,
    openCount: open.get(r.id) ?? 0,
  }));
  return { items: [...items.filter((i) => i.sameAgency), ...items.filter((i) => !i.sameAgency)] };
}
