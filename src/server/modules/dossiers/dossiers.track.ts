// Public tracking by code and secret: status, a timeline without staff names or notes, the due date; one answer for every failure.
import type { PublicDossierView } from '../../../common/dossiers.schema';
import type { Tx } from '../../db/client';
import type { Lang } from '../../platform/locale';
import { history } from '../../platform/workflow/workflow.service';
import { ENTITY } from './dossiers.actions';
import { dossierErrors } from './dossiers.errors';
import { findDossierByCode } from './dossiers.queries';
import { secretMatches } from './dossiers.secret';
import { toPublicView } from './dossiers.views';
import { dossierWorkflow } from './dossiers.workflows';

/**
 * An unknown code, a missing secret and a wrong one all give the same 404. The secret is hashed and
 * compared in constant time even when the code is unknown (against a dummy hash), so the time taken
 * says nothing either; the indexed look-up by code costs the same whether or not it finds a row.
 */
export async function trackDossier(db: Tx, code: string, secret: string | undefined, lang: Lang): Promise<PublicDossierView> {
  const d = await findDossierByCode(db, code.trim());
  const ok = secretMatches(secret ?? '', d?.secretHash ?? null);
  if (!d || !ok) throw dossierErrors.notFound();
  return toPublicView(dossierWorkflow(d.workflowCode), d, await history(db, ENTITY, d.id), lang);
}
