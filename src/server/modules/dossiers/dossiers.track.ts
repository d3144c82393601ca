// Public tracking by code and secret: status, a timeline without staff names or notes, the due date; one answer for every failure.
import type { PublicDossierView } from '../../../common/dossiers.schema';
import type { Tx } from '../../db/client';
import type { Lang } from '../../platform/locale';
import { history } from '../../platform/workflow/workflow.service';
import { ENTITY } from './dossiers.actions';
import { dossierErrors } from './dossiers.errors';
import { findDossierByCode, type DossierWithUnits } from './dossiers.queries';
import { ratingOf } from './dossiers.ratings';
import { secretMatches } from '../../platform/tracking/secret';
import { toPublicView } from './dossiers.views';
import { dossierWorkflow } from './dossiers.workflows';

/** How a caller proves the dossier is theirs: the tracking secret from the receipt, or the citizen account it belongs to. */
export interface DossierProof {
  secret?: string | undefined;
  /** The signed-in citizen (session cookie `dv_citizen`), if any. */
  citizenId?: string | null | undefined;
}

/**
 * The dossier with this code, when the proof holds (the secret, or the signed-in citizen's own
 * dossier). An unknown code, a missing secret, a wrong one and another citizen's dossier all give
 * the same 404. The secret is hashed and compared in constant time even when the code
 * is unknown (against a dummy hash), so the time taken says nothing either; the indexed look-up by
 * code costs the same whether or not it finds a row.
 */
export async function provenDossier(db: Tx, code: string, proof: DossierProof): Promise<DossierWithUnits> {
  const d = await findDossierByCode(db, code.trim());
  // The secret is checked even when the account proves it, so that the time taken says nothing either.
  const bySecret = secretMatches(proof.secret ?? '', d?.secretHash ?? null);
  const byAccount = !!proof.citizenId && d?.citizenId === proof.citizenId;
  if (!d || !(bySecret || byAccount)) throw dossierErrors.notFound();
  return d;
}

/** The public view of a dossier the caller has proved: status, timeline, and whether it can be rated. */
export async function publicViewOf(db: Tx, d: DossierWithUnits, lang: Lang): Promise<PublicDossierView> {
  return toPublicView(dossierWorkflow(d.workflowCode), d, await history(db, ENTITY, d.id), lang, await ratingOf(db, d.id));
}

export async function trackDossier(db: Tx, code: string, proof: DossierProof, lang: Lang): Promise<PublicDossierView> {
  return publicViewOf(db, await provenDossier(db, code, proof), lang);
}
