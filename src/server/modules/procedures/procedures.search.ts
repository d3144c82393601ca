// The catalog search: diacritic- and order-insensitive matching of words, ranked by relevance, in keyset pages.
//
// How it works and how it scales. The text searched is dv_fold(name || ' ' || result || ' ' || field_name),
// exactly the expression of the GIN trigram index procedures_search_idx. The query is cut into words;
// a row is a candidate when the folded text contains one of them (`LIKE '%word%'`, one bitmap scan of
// the GIN index per word, OR-ed), or when its code equals the text. Only candidates are then checked word
// by word at word boundaries (`\mword\M`, the last word as a prefix for type-ahead), and a row stays
// when it holds at least half of the words: extra words ("thủ tục", "cho con") do not hide a procedure,
// yet one shared common word ("giấy") does not drag in the whole catalog. Rows are ranked by the number
// of words matched, then pg_trgm's word_similarity of the whole text (closer phrasing first), then by name.
// A national catalog holds a few thousand procedures (a province publishes ~2,000), so even the worst
// case (1–2 letter words give no trigram, and their arm reads the whole index) stays in milliseconds;
// the ranking work grows with the number of candidates, not with the table. Pages are keyset pages on
// (score, name, id), never OFFSET.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ProcedureLevel } from '../../../common/procedures.schema';
import type { Tx } from '../../db/client';
import { procedures } from '../../db/schema';
import { escapeLike } from '../../db/scope';
import { PROCEDURE_COLUMNS, type ProcedureRow } from './procedures.queries';

/** The indexed expression, written exactly as in the index so that the planner can use it. */
const DOC = sql`dv_fold(${procedures.name} || ' ' || ${procedures.result} || ' ' || ${procedures.fieldName})`;
/** More words add cost and no precision. */
const MAX_WORDS = 10;

export interface ProcedureSearch {
  q?: string | undefined;
  field?: string | undefined;
  level?: ProcedureLevel | undefined;
  agencyId?: string | undefined;
  onlineOnly?: boolean | undefined;
  /** Public callers: true. Staff: the `active` filter, or undefined for both. */
  active?: boolean | undefined;
  unitId?: string | undefined;
  /** Keyset: rows strictly after this (score, name, id). */
  after?: readonly [number, string, string] | undefined;
  limit: number;
}

/** Words of the query: letters and digits only, so that they are safe in LIKE and regex patterns. */
export function queryWords(q: string): string[] {
  const words = q
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  return [...new Set(words)].slice(0, MAX_WORDS);
}

function levelFilter(level: ProcedureLevel): SQL {
  switch (level) {
    case 'province':
    case 'commune':
      // A procedure done at both levels is done at each of them.
      return inArray(procedures.level, [level, 'province_commune']);
    case 'province_commune':
      return eq(procedures.level, level);
  }
}

/** One page of rows (limit + 1 fetched so that the caller knows whether more follow), each with its score. */
export async function searchProcedureRows(db: Tx, s: ProcedureSearch): Promise<Array<ProcedureRow & { score: number }>> {
  const where: SQL[] = [];
  if (s.active !== undefined) where.push(eq(procedures.active, s.active));
  if (s.field) where.push(eq(procedures.fieldCode, s.field));
  if (s.level) where.push(levelFilter(s.level));
  if (s.agencyId) where.push(eq(procedures.agencyId, s.agencyId));
  if (s.onlineOnly) where.push(eq(procedures.fullyOnline, true));
  if (s.unitId) where.push(eq(procedures.unitId, s.unitId));

  const q = (s.q ?? '').trim();
  const words = queryWords(q);
  // Without words every row scores 0 and the order is by name alone (procedures_field_idx serves a field's list).
  let score: SQL = sql`0::int`;
  if (words.length > 0) {
    const last = words.length - 1;
    const hits = words.map(
      (w, i) => sql`(case when ${DOC} ~ ('\\m' || dv_fold(${w}) || ${i === last ? '' : '\\M'}) then 1 else 0 end)`,
    );
    const matched = sql.join(hits, sql` + `);
    const need = Math.max(1, Math.ceil(words.length / 2));
    const codeHit = sql`${procedures.code} = ${q}`;
    where.push(or(...words.map((w) => sql`${DOC} like '%' || dv_fold(${escapeLike(w)}) || '%'`), codeHit) as SQL);
    where.push(or(sql`(${matched}) >= ${need}`, codeHit) as SQL);
    // Integer score so that the cursor compares exactly: code hit, then words matched, then phrasing.
    score = sql`((case when ${codeHit} then 1000000 else 0 end) + (${matched}) * 1000 + round(word_similarity(dv_fold(${q}), ${DOC}) * 999))::int`;
  }
  if (s.after) {
    const [sc, name, id] = s.after;
    const byName = or(sql`${procedures.name} > ${name}`, and(eq(procedures.name, name), sql`${procedures.id} > ${id}::uuid`)) as SQL;
    where.push(words.length > 0 ? (or(sql`${score} < ${sc}`, and(sql`${score} = ${sc}`, byName)) as SQL) : byName);
  }
  return db
    .select({ ...PROCEDURE_COLUMNS, score: sql<number>`${score}`.mapWith(Number) })
    .from(procedures)
    .where(and(...where))
    .orderBy(...(words.length > 0 ? [desc(score)] : []), asc(procedures.name), asc(procedures.id))
    .limit(s.limit + 1);
}
