// The portal's published answers: a keyset list searched by folded words, type and unit (with the units under it), and one answer by its case code.
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { foldText } from '../../../common/fold';
import type { PublishedAnswer, PublishedAnswerPage, PublishedAnswerQuery, PublishedAnswerSummary } from '../../../common/letter-resolution.schema';
import { LETTER_TYPE_LABELS, type LetterType } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import { escapeLike } from '../../db/scope';
import { units } from '../../db/schema';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { AppError, errors } from '../../platform/errors';
import type { Lang } from '../../platform/locale';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { z } from 'zod';
import { letterPublications } from './letters.publish.table';

const EXCERPT = 240;
type Row = typeof letterPublications.$inferSelect & { unitName: string };

export const answerNotFound = () => new AppError('letter_answer_not_found', 404, 'Không tìm thấy nội dung trả lời đã công khai', 'No such published answer');

function summaryOf(r: Row, lang: Lang): PublishedAnswerSummary {
  const type = r.type as 'petition' | 'feedback';
  return {
    code: r.caseCode,
    type,
    typeLabel: LETTER_TYPE_LABELS[type as LetterType][lang],
    unit: { id: r.unitId, name: r.unitName },
    summary: r.summary,
    excerpt: r.answer.length > EXCERPT ? `${r.answer.slice(0, EXCERPT)}…` : r.answer,
    documentNumber: r.documentNumber,
    documentDate: r.documentDate,
    answeredAt: formatLocalIso(r.answeredAt),
    publishedAt: formatLocalIso(r.publishedAt),
  };
}

const select = (db: Tx) =>
  db
    .select({ p: letterPublications, unitName: units.name })
    .from(letterPublications)
    .innerJoin(units, eq(units.id, letterPublications.unitId));

/** GET /api/public/letter-answers: newest first; every word of `q` must appear (folded, any order). */
export async function listPublishedAnswers(db: Tx, q: PublishedAnswerQuery, lang: Lang): Promise<PublishedAnswerPage> {
  const where: SQL[] = [eq(letterPublications.published, true)];
  if (q.type) where.push(eq(letterPublications.type, q.type));
  if (q.unitId) {
    const [u] = await db.select({ path: units.path }).from(units).where(eq(units.id, q.unitId));
    if (!u) throw errors.validation([{ path: 'querystring.unitId', message: lang === 'vi' ? 'Không tìm thấy đơn vị' : 'No such unit' }]);
    where.push(sql`${units.path} like ${`${escapeLike(u.path)}%`}`);
  }
  for (const word of foldText(q.q ?? '').split(' ').filter(Boolean).slice(0, 10))
    where.push(sql`${letterPublications.textFolded} like ${`%${escapeLike(word)}%`}`);
  if (q.cursor) {
    const [ms, id] = decodeCursor(q.cursor, [z.number().int(), z.uuid()] as const);
    const at = new Date(ms);
    where.push(or(lt(letterPublications.publishedAt, at), and(eq(letterPublications.publishedAt, at), sql`${letterPublications.caseId} > ${id}`)) as SQL);
  }
  const rows = await select(db)
    .where(and(...where))
    .orderBy(desc(letterPublications.publishedAt), letterPublications.caseId)
    .limit(q.limit + 1);
  const page = pageOf(
    rows.map((r) => ({ ...r.p, unitName: r.unitName })),
    q.limit,
    (r) => [r.publishedAt.getTime(), r.caseId],
  );
  return { items: page.items.map((r) => summaryOf(r, lang)), nextCursor: page.nextCursor };
}

/** GET /api/public/letter-answers/:code: a withdrawn answer is as unknown as one never published. */
export async function getPublishedAnswer(db: Tx, code: string, lang: Lang): Promise<PublishedAnswer> {
  const [r] = await select(db).where(and(eq(letterPublications.caseCode, code), eq(letterPublications.published, true)));
  if (!r) throw answerNotFound();
  const { excerpt: _excerpt, ...rest } = summaryOf({ ...r.p, unitName: r.unitName }, lang);
  return { ...rest, answer: r.p.answer, signer: r.p.signer };
}
