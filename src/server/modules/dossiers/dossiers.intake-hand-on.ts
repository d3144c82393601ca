// What the desk intake form asks for when the procedure's acceptance hands the dossier on at once (the commune
// workflow's `accept` names the agency and the civil servant in charge): the needs and who may be named.
import type { IntakeHandOn, IntakeHandOnQuery } from '../../../common/dossier-pickers.schema';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../platform/auth/actor';
import { assertCan } from '../../platform/policy';
import { actionOf } from '../../platform/workflow/engine';
import { cachedUnit } from '../org/org.cache';
import { dossierErrors } from './dossiers.errors';
import { procedureOf } from './dossiers.intake';
import { candidates } from './dossiers.pickers';
import { dossierWorkflow } from './dossiers.workflows';

/** GET /api/dossiers/intake-hand-on: for an officer who may receive dossiers at the unit. */
export async function intakeHandOn(db: Tx, ctx: Ctx, q: IntakeHandOnQuery): Promise<IntakeHandOn> {
  const unit = await cachedUnit(db, q.unitId);
  if (!unit) throw dossierErrors.field(ctx.lang, 'querystring.unitId', 'Không tìm thấy đơn vị', 'No such unit');
  assertCan(ctx.actor, 'dossier.intake', { unitPath: unit.path });
  const proc = await procedureOf(db, q.procedureCode, ctx.lang, 'querystring.procedureCode');
  const def = dossierWorkflow(proc.workflowCode);
  const accept = actionOf(def, 'accept');
  const assign = accept?.assign ?? null;
  return {
    assign,
    transfer: accept?.transfer ?? null,
    assignees: accept && assign ? await candidates(db, def, accept, def.initialState, { unitPath: unit.path, agencyId: null, assigneeId: null }) : [],
  };
}
