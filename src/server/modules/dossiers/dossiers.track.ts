// Public tracking by code and secret: status, a timeline without staff names or notes, the due date; one answer for every failure.
import type { PublicDossierView } from '../../../common/dossiers.schema';
import type { Tx } from '../../db/client';
import type { Lang } from '../../platform/locale';
import { hashSecret, secretMatches } from '../../platform/tracking/secret';
import { history } from '../../platform/workflow/workflow.service';
import { ENTITY } from './dossiers.actions';
import { dossierErrors } from './dossiers.errors';
import { findDossierByCode, type DossierWithUnits } from './dossiers.queries';
import { ratingOf, toRatingView } from './dossiers.ratings';
import { findTracked } from './dossiers.track.queries';
import { toPublicView } from './dossiers.views';
import { dossierWorkflow } from './dossiers.workflows';

/** How a caller proves the dossier is theirs: the tracking secret from the receipt, or the citizen account it belongs to. */
export interface DossierProof {
  secret?: string | undefined;
  /** The signed-in citizen (session cookie `dv_citizen`), if any. */
  citizenId?: string | null | undefined;
}

/** The proof holds: the secret (compared in constant time, against a dummy hash when there is no dossier) or the citizen's own dossier. */
function proves(d: { secretHash: string; citizenId: string | null } | undefined, proof: DossierProof): boolean {
  // The secret is checked even when the account proves it, so that the time taken says nothing either.
  const bySecret = secretMatches(proof.secret ?? '', d?.secretHash ?? null);
  const byAccount = !!proof.citizenId && d?.citizenId === proof.citizenId;
  return !!d && (bySecret || byAccount);
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
  if (!proves(d, proof) || !d) throw dossierErrors.notFound();
  return d;
}

/** The public view of a dossier the caller has proved: status, timeline, and whether it can be rated. */
export async function publicViewOf(db: Tx, d: DossierWithUnits, lang: Lang): Promise<PublicDossierView> {
  return toPublicView(dossierWorkflow(d.workflowCode), d, await history(db, ENTITY, d.id), lang, await ratingOf(db, d.id));
}

/**
 * GET /api/public/dossiers/:code: one statement reads the dossier and, only when the secret's hash
 * or the citizen match, its timeline and rating; a wrong secret costs what an unknown code costs.
 */
export async function trackDossier(db: Tx, code: string, proof: DossierProof, lang: Lang): Promise<PublicDossierView> {
  const d = await findTracked(db, { code: code.trim(), secretHash: hashSecret(proof.secret ?? ''), citizenId: proof.citizenId ?? null });
  if (!proves(d, proof) || !d?.steps) throw dossierErrors.notFound();
  return toPublicView(dossierWorkflow(d.workflowCode), d, d.steps, lang, d.rating ? toRatingView(d.rating) : null);
}
