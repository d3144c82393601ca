// Satisfaction ratings (SIPAS): the applicant rates a dossier once its result is known; staff read it on the dossier page.
import { eq, inArray, sql } from 'drizzle-orm';
import type { RatingBody, RatingView } from '../../../common/dossier-ratings.schema';
import type { Tx } from '../../db/client';
import { prepared } from '../../db/prepared';
import { dossierRatings, dossiers } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { errors } from '../../platform/errors';
import type { Lang } from '../../platform/locale';
import { clock } from './dossiers.clock';
import type { DossierWithUnits } from './dossiers.queries';

export const RATING_ENTITY = 'dossier_rating';

/** A result the applicant can judge: returned (early, on time, late), refused or stopped; not withdrawn, and not before the end. */
const RATEABLE_RESULTS = new Set(['early', 'on_time', 'late', 'refused', 'stopped']);

export const ratingErrors = {
  notOpen: () =>
    errors.conflict('rating_not_open', 'Hồ sơ chưa có kết quả nên chưa thể đánh giá', 'The dossier has no result yet, so it cannot be rated'),
  alreadyRated: () => errors.conflict('already_rated', 'Hồ sơ này đã được đánh giá', 'This dossier has already been rated'),
};

type RatingRow = typeof dossierRatings.$inferSelect;

export function toRatingView(r: Pick<RatingRow, 'access' | 'procedure' | 'officials' | 'result' | 'feedback' | 'comment' | 'createdAt'>): RatingView {
  return {
    access: r.access,
    procedure: r.procedure,
    officials: r.officials,
    result: r.result,
    feedback: r.feedback,
    comment: r.comment,
    at: formatLocalIso(r.createdAt),
  };
}

export function isRateable(d: Pick<DossierWithUnits, 'resultKind'>): boolean {
  return d.resultKind !== null && RATEABLE_RESULTS.has(d.resultKind);
}

/** The ratings of some dossiers, by dossier id (one query for a list). */
export async function ratingsOf(db: Tx, dossierIds: readonly string[]): Promise<Map<string, RatingView>> {
  if (!dossierIds.length) return new Map();
  const rows = await db.select().from(dossierRatings).where(inArray(dossierRatings.dossierId, [...dossierIds]));
  return new Map(rows.map((r) => [r.dossierId, toRatingView(r)]));
}

const ratingQuery = (db: Tx) => db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, sql.placeholder('id')));

/** One dossier's rating (tracking reads it on every look-up of a finished dossier: a prepared statement outside a transaction). */
export async function ratingOf(db: Tx, dossierId: string): Promise<RatingView | null> {
  const [row] = await (prepared(db, 'dossier_rating', (d) => ratingQuery(d).prepare('dossier_rating')) ?? ratingQuery(db)).execute({ id: dossierId });
  return row ? toRatingView(row) : null;
}

export interface RatingMeta {
  requestId: string;
  ip: string;
  lang: Lang;
  /** The signed-in citizen who rates, if the rating comes through an account rather than the secret alone. */
  citizenId?: string | null;
}

/**
 * Records the applicant's rating of a dossier the caller has proved (tracking secret or account).
 * One per dossier: the primary key decides between two concurrent submits, the loser gets 409.
 * The audit keeps the scores only: the comment is free text and may hold personal data.
 */
export async function rateDossier(tx: Tx, meta: RatingMeta, d: DossierWithUnits, body: RatingBody, now: Date = clock.now()): Promise<RatingView> {
  if (!isRateable(d)) throw ratingErrors.notOpen();
  const scores = { access: body.access, procedure: body.procedure, officials: body.officials, result: body.result, feedback: body.feedback };
  const [row] = await tx
    .insert(dossierRatings)
    .values({ dossierId: d.id, ...scores, comment: body.comment || null, citizenId: meta.citizenId ?? null, createdAt: now })
    .onConflictDoNothing({ target: dossierRatings.dossierId })
    .returning();
  if (!row) throw ratingErrors.alreadyRated();
  // The points on the dossier's row too, for the statistics (dossiers.table.ts, ratingPoints).
  await tx
    .update(dossiers)
    .set({ ratingPoints: scores.access + scores.procedure + scores.officials + scores.result + scores.feedback })
    .where(eq(dossiers.id, d.id));
  const ctx = { actor: null, citizen: { label: d.applicantName }, requestId: meta.requestId, ip: meta.ip };
  await recordAudit(tx, ctx, {
    action: 'dossier_rating.create',
    entityType: RATING_ENTITY,
    entityId: d.id,
    unitId: d.receivingUnitId,
    after: { ...scores, hasComment: row.comment !== null },
  });
  return toRatingView(row);
}
