// The choices of an action's form on one dossier: the staff who may be assigned it, and the agencies it may be transferred to.
import type { AssigneeList, TransferAgencyList } from '../../../common/dossier-pickers.schema';
import type { Tx } from '../../db/client';
import { pathIds } from '../../db/scope';
import type { Ctx } from '../../platform/auth/actor';
import { assigneeRoles, type ActionDef, type WorkflowDefinition } from '../../platform/workflow/definition';
import { actionOf } from '../../platform/workflow/engine';
import { listAgencies } from '../org/agencies.service';
import { findUnit } from '../org/units.service';
import { canSee } from './dossiers.access';
import { dossierErrors } from './dossiers.errors';
import { openDossierCounts, staffWithRolesOn } from './dossiers.pickers.queries';
import { findDossier, type DossierWithUnits } from './dossiers.queries';
import { activeStates } from './dossiers.read';
import { dossierWorkflow } from './dossiers.workflows';

/** The dossier if the user may see it; the same 404 otherwise, before anything else is read. */
async function visibleDossier(db: Tx, ctx: Ctx, id: string): Promise<DossierWithUnits> {
  const d = await findDossier(db, id);
  if (!d || !canSee(ctx.actor, d)) throw dossierErrors.notFound();
  return d;
}

/** GET /api/dossiers/:id/assignees: active staff whose grants give them a working role on the dossier's unit. */
export async function assigneeCandidates(db: Tx, ctx: Ctx, id: string, actionCode: string): Promise<AssigneeList> {
  const d = await visibleDossier(db, ctx, id);
  const def = dossierWorkflow(d.workflowCode);
  const action = actionOf(def, actionCode);
  if (!action?.assign)
    throw dossierErrors.field(ctx.lang, 'querystring.action', 'Thao tác này không phân công cán bộ', 'This action assigns nobody');
  return { items: await candidates(db, def, action, d.state, d) };
}

/**
 * The active staff with a working role of the state `action` leads to, on the unit of `on.unitPath`
 * or a unit above it, with their open dossiers; those of the agency holding the dossier first (the
 * list is already alphabetical within each group).
 */
export async function candidates(
  db: Tx,
  def: WorkflowDefinition,
  action: ActionDef,
  state: string,
  on: { unitPath: string; agencyId: string | null; assigneeId: string | null },
): Promise<AssigneeList['items']> {
  const rows = await staffWithRolesOn(db, assigneeRoles(def, action, state), pathIds(on.unitPath));
  const open = await openDossierCounts(
    db,
    rows.map((r) => r.id),
    activeStates(),
  );
  const items = rows.map((r) => ({
    id: r.id,
    fullName: r.fullName,
    title: r.title,
    unitName: r.unitName,
    agencyName: r.agencyName,
    sameAgency: !!on.agencyId && r.agencyId === on.agencyId,
    current: r.id === on.assigneeId,
    openCount: open.get(r.id) ?? 0,
  }));
  return [...items.filter((c) => c.sameAgency), ...items.filter((c) => !c.sameAgency)];
}

/**
 * GET /api/dossiers/:id/agencies: the agencies in operation that a transfer may pick: those of the unit
 * holding the dossier, then of the units above it (inter-agency processing goes up to the province's
 * departments), without the agency that holds it now. Another unit's agencies are read from the org API.
 */
export async function transferAgencies(db: Tx, ctx: Ctx, id: string): Promise<TransferAgencyList> {
  const d = await visibleDossier(db, ctx, id);
  const items: TransferAgencyList['items'] = [];
  for (const unitId of pathIds(d.unitPath).reverse()) {
    const unit = await findUnit(db, unitId);
    if (!unit) continue;
    for (const a of await listAgencies(db, ctx.actor, unitId)) {
      if (a.active && a.id !== d.agencyId) items.push({ id: a.id, code: a.code, name: a.name, kind: a.kind, unitId: unit.id, unitName: unit.name });
    }
  }
  return { items };
}
