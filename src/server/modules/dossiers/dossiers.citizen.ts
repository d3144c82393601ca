// The applicant's own actions on the public portal (resubmit a completed file, send further documents, withdraw), proved by code and secret or account.
import type { CitizenActionBody, PublicDossierView } from '../../../common/dossiers.schema';
import type { Tx } from '../../db/client';
import type { Lang } from '../../platform/locale';
import { history, type CitizenCtx } from '../../platform/workflow/workflow.service';
import { applyAction, ENTITY } from './dossiers.actions';
import { clock } from './dossiers.clock';
import { dossierErrors } from './dossiers.errors';
import { checkDocuments } from './dossiers.intake';
import { findDossier } from './dossiers.queries';
import { provenDossier, publicViewOf, type DossierProof } from './dossiers.track';
import { dossierWorkflow } from './dossiers.workflows';

/**
 * Same 404 as tracking for an unknown code or a wrong secret. The workflow decides which actions a
 * citizen may take (role `citizen` in the definition): any other is 403, a wrong state 409.
 */
export async function citizenAct(
  tx: Tx,
  meta: { requestId: string; ip: string; lang: Lang },
  code: string,
  proof: DossierProof,
  action: string,
  body: CitizenActionBody,
  now: Date = clock.now(),
): Promise<PublicDossierView> {
  const found = await provenDossier(tx, code, proof);
  const d = await findDossier(tx, found.id, true);
  if (!d) throw dossierErrors.notFound();
  const def = dossierWorkflow(d.workflowCode);
  const ctx: CitizenCtx = { actor: null, citizen: { label: d.applicantName }, requestId: meta.requestId, ip: meta.ip, lang: meta.lang };
  const steps = await history(tx, ENTITY, d.id);
  await checkDocuments(tx, body.attachments ?? [], true, meta.lang, 'body.attachments');
  await applyAction(tx, ctx, { def, dossier: d, steps, action, input: body, now });
  const after = await findDossier(tx, d.id);
  if (!after) throw dossierErrors.notFound();
  return publicViewOf(tx, after, meta.lang);
}
