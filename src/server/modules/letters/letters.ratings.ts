// The writer's rating of how a case was handled: once per case, after the case has ended, by the letter's code and secret.
import { inArray } from 'drizzle-orm';
import { RATING_LEVEL_LABELS, type LetterRatingBody, type LetterRatingView, type RatingLevel } from '../../../common/letter-resolution.schema';
import type { Tx } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { errors } from '../../platform/errors';
import type { Lang } from '../../platform/locale';
import { clock } from './letters.clock';
import { letterErrors } from './letters.errors';
import { letterRatings } from './letters.ratings.table';
import type { LetterWithUnit } from './letters.queries';
import { casesOfLetter, type CaseWithUnits } from './letter-cases.queries';
import { CASE_ENTITY } from './letters.workflows';

export const letterRatingErrors = {
  notOpen: () => errors.conflict('rating_not_open', 'Vụ việc chưa giải quyết xong nên chưa thể đánh giá', 'The case has not ended, so it cannot be rated yet'),
  alreadyRated: () => errors.conflict('already_rated', 'Vụ việc này đã được đánh giá', 'This case has already been rated'),
};

export interface WriterMeta {
  requestId: string;
  ip: string;
  lang: Lang;
}

/** The writer acting on their own letter (proved by code and secret), as the audit and the workflow name them. */
export const writerCtx = (meta: WriterMeta) => ({ actor: null, citizen: { label: 'Người viết đơn' }, requestId: meta.requestId, ip: meta.ip, lang: meta.lang });

/** The case of the proved letter with this code; an unknown one is the same 404 as a wrong secret. */
export async function caseOfLetter(db: Tx, letter: LetterWithUnit, caseCode: string): Promise<CaseWithUnits> {
  const c = (await casesOfLetter(db, letter.id)).find((x) => x.code === caseCode.trim());
  if (!c) throw letterErrors.notFound();
  return c;
}

/** Ended by a decision, an answer, a forwarding, a guidance, a return or filing: not withdrawn, and not while open. */
export function isRateable(c: Pick<CaseWithUnits, 'finishedAt' | 'result'>): boolean {
  return c.finishedAt !== null && c.result !== 'withdrawn';
}

type Row = typeof letterRatings.$inferSelect;

function toView(r: Row, caseCode: string, lang: Lang): LetterRatingView {
  const level = r.level as RatingLevel;
  return { caseCode, level, levelLabel: RATING_LEVEL_LABELS[level][lang], comment: r.comment, at: formatLocalIso(r.createdAt) };
}

/** The ratings of some cases, by case id. */
export async function ratingsOfCases(db: Tx, cases: ReadonlyArray<Pick<CaseWithUnits, 'id' | 'code'>>, lang: Lang): Promise<Map<string, LetterRatingView>> {
  if (!cases.length) return new Map();
  const rows = await db.select().from(letterRatings).where(inArray(letterRatings.caseId, cases.map((c) => c.id)));
  const codes = new Map(cases.map((c) => [c.id, c.code]));
  return new Map(rows.map((r) => [r.caseId, toView(r, codes.get(r.caseId) ?? '', lang)]));
}

/**
 * POST /api/public/letters/:code/rating. One per case: the primary key decides between two
 * concurrent submits. The audit keeps the level only (the comment is free text).
 */
export async function rateCase(tx: Tx, meta: WriterMeta, letter: LetterWithUnit, body: LetterRatingBody, now: Date = clock.now()): Promise<LetterRatingView> {
  const c = await caseOfLetter(tx, letter, body.caseCode);
  if (!isRateable(c)) throw letterRatingErrors.notOpen();
  const [row] = await tx
    .insert(letterRatings)
    .values({ caseId: c.id, level: body.level, comment: body.comment || null, createdAt: now })
    .onConflictDoNothing({ target: letterRatings.caseId })
    .returning();
  if (!row) throw letterRatingErrors.alreadyRated();
  await recordAudit(tx, writerCtx(meta), {
    action: 'letter_rating.create',
    entityType: CASE_ENTITY,
    entityId: c.id,
    unitId: c.unitId,
    after: { level: row.level, hasComment: row.comment !== null },
  });
  return toView(row, c.code, meta.lang);
}
