// SQL of duplicate suggestions: candidate letters by the same writer (keyed hashes) or sharing a band of the content sketch, scored against the letter, mapped to the cases the user may see.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { compiled, runCompiled } from '../../db/compiled';
import { queryRows } from '../../db/rows';
import { escapeLike, pathIds } from '../../db/scope';

/** How many candidate letters each source gives, and how many rows one band may bring (a band of boilerplate wording is shared by thousands). */
const BY_WRITER = 50;
const PER_BAND = 30;
const BY_CONTENT = 40;
const SCORED = 25;
/** A limit written into the text, not sent as a parameter: with a parameter the generic plan's estimates were so poor that PostgreSQL kept planning anew. */
const limit = (n: number) => sql.raw(`limit ${Math.trunc(n)}`);

/** The folded text without spaces and punctuation: trigrams then span syllables, which tells Vietnamese texts apart far better. */
const squashed = (col: string) => sql.raw(`regexp_replace(${col}, '[^a-z0-9]+', '', 'g')`);

export interface CandidateRow {
  case_id: string;
  case_code: string;
  type: string;
  state: string;
  workflow_code: string;
  summary: string;
  target: string | null;
  unit_id: string;
  unit_name: string;
  received_at: Date | string;
  writer_name: string | null;
  letter_id: string;
  letter_code: string;
  letter_received_at: Date | string;
  same_writer: boolean;
  bands: number;
  content_sim: number;
  same_target: boolean;
  letter_count: number;
}

export interface CandidateFilter {
  letterId: string;
  /** Match the writer's keyed hashes: never for a protected writer, and only for someone who may see this letter's writer. */
  matchWriter: boolean;
  /** Paths of the units whose cases the user reads, and the user (a case's assignee sees it too). */
  paths: readonly string[];
  staffId: string;
}

/** The letter whose duplicates are sought (the statement's placeholder). */
const LETTER_ID = sql`${sql.placeholder('letterId')}::uuid`;

/** Whether the user reads every unit of a province (a path of a top-level unit is `/<id>/`). */
const provinceWide = (paths: readonly string[]) => paths.some((p) => pathIds(p).length === 1);

/** A unit path under one of the user's `paths`: one placeholder a path (`path0`, `path1`... hold the LIKE patterns). */
const underPaths = (col: SQL, count: number) =>
  count === 0 ? sql`false` : sql`(${sql.join(Array.from({ length: count }, (_, i) => sql`${col} like ${sql.placeholder(`path${i}`)}`), sql` or `)})`;

/** The units the user reads, for a non-province user (evaluated once: an uncorrelated subquery). */
const ownUnits = (count: number) => sql`array(select u.id from units u where ${underPaths(sql`u.path`, count)})`;

/**
 * A band's letters, each flagged when one of the user's own units received it. For a user who reads some units
 * only, the band's letters of those units too (the key's second column), so that a band shared by hundreds of
 * letters elsewhere in the province does not crowd their own out of its first rows.
 */
function bandLetters(wide: boolean, count: number): SQL {
  if (wide) return sql`(select b.letter_id as id, false as own from letter_sketch_bands b where b.band = k.band and b.letter_id <> ${LETTER_ID} ${limit(PER_BAND)})`;
  return sql`(select b.letter_id as id, b.unit_id = any(${ownUnits(count)}) as own from letter_sketch_bands b
         where b.band = k.band and b.letter_id <> ${LETTER_ID} ${limit(PER_BAND)})
        union
        (select b.letter_id, true from letter_sketch_bands b
         where b.band = k.band and b.unit_id = any(${ownUnits(count)}) and b.letter_id <> ${LETTER_ID}
         ${limit(PER_BAND)})`;
}

/**
 * Letters like this one and the cases holding them, visible to the user, not the letter's own cases.
 * Candidates come from two indexes: `writer_keys &&` (GIN; letters whose writer is protected are left
 * out on both sides) and `letter_sketch_bands` per band of the letter's sketch (an index-only scan of
 * the B-tree (band, unit, letter), at most PER_BAND rows a band, and as many of the user's own units). The letter's keys
 * and sketch are scalar subqueries (evaluated once, so the planner uses the GIN indexes; a join to a CTE made it scan
 * the table). Only the best SCORED candidates in cases the user sees are compared in full (trigram similarity of the
 * squashed texts), so the cost does not grow with the table; candidates the user cannot see are dropped before that
 * cut, or a band shared by many letters of another commune could leave none of the user's own. (The earlier cuts, 30
 * rows a band and 40 letters by content, do not look at cases: a wave of identical letters not yet classified, or more
 * than 30 copies filed with one case in one unit, can still fill a band's rows, which come in the index's order; the
 * user's own units' branch keeps their letters in.) Every step is bounded
 * and key-addressed, so the statement is built once per shape and named on PostgreSQL (planned once per connection):
 * building it and planning its dozen joins cost more than running it.
 */
export async function duplicateCandidates(db: Tx, f: CandidateFilter): Promise<CandidateRow[]> {
  const wide = provinceWide(f.paths);
  const count = f.paths.length;
  const values: Record<string, unknown> = { letterId: f.letterId, matchWriter: f.matchWriter, staffId: f.staffId };
  f.paths.forEach((p, i) => (values[`path${i}`] = `${escapeLike(p)}%`));
  return runCompiled<CandidateRow>(db, compiled(db, `letter_duplicates:${wide ? 'province' : 'units'}:${count}`, () => candidatesQuery(wide, count), { named: true }), values);
}

function candidatesQuery(wide: boolean, count: number): SQL {
  const visible = sql`(${underPaths(sql`cu.path`, count)} or ${underPaths(sql`ou.path`, count)} or c.assignee_id = ${sql.placeholder('staffId')}::uuid)`;
  return sql`with q as (
      select l.id, ${squashed('l.content_folded')} as squashed, dv_fold(coalesce(l.target, '')) as target
      from letters l where l.id = ${LETTER_ID}
    ),
    -- Materialized: otherwise the planner walks letters by received_at looking for the few of this writer.
    same_writer as materialized (
      select l.id, l.received_at
      from letters l
      where ${sql.placeholder('matchWriter')}::boolean and l.writer_keys && (select writer_keys from letters where id = ${LETTER_ID})
        and l.id <> ${LETTER_ID} and not l.identity_protected
    ),
    by_writer as (
      select id, true as same_writer, 0 as bands from same_writer order by received_at desc ${limit(BY_WRITER)}
    ),
    by_content as (
      select x.id, false as same_writer, count(*)::int as bands, bool_or(x.own) as own
      from unnest((select content_sketch from letters where id = ${LETTER_ID})) as k(band)
      cross join lateral (${bandLetters(wide, count)}) x
      group by x.id order by bands desc, bool_or(x.own) desc ${limit(BY_CONTENT)}
    ),
    -- Only letters in a case the user sees, other than this letter's own, compete for the places compared in full;
    -- on a tie, the user's own units first.
    cand as (
      select u.id, bool_or(u.same_writer) as same_writer, max(u.bands) as bands
      from (select id, same_writer, bands, false as own from by_writer union all select * from by_content) u
      where exists (
        select 1 from letter_case_letters x join letter_cases c on c.id = x.case_id join units cu on cu.id = c.unit_id
          join letters ol on ol.id = c.letter_id join units ou on ou.id = ol.unit_id
        where x.letter_id = u.id and ${visible}
          and not exists (select 1 from letter_case_letters o where o.letter_id = ${LETTER_ID} and o.case_id = c.id))
      group by u.id order by bool_or(u.same_writer) desc, max(u.bands) desc, bool_or(u.own) desc ${limit(SCORED)}
    )
    select c.id as case_id, c.code as case_code, c.type, c.state, c.workflow_code, c.summary, c.target, c.unit_id, cu.name as unit_name,
      c.received_at, ol.writer_name, l.id as letter_id, l.code as letter_code, l.received_at as letter_received_at,
      cand.same_writer, cand.bands,
      similarity(${squashed('l.content_folded')}, q.squashed)::float8 as content_sim,
      (q.target <> '' and similarity(dv_fold(coalesce(c.target, l.target, '')), q.target) >= 0.6) as same_target,
      (select count(*) from letter_case_letters y where y.case_id = c.id)::int as letter_count
    from cand
    cross join q
    join letters l on l.id = cand.id
    join letter_case_letters x on x.letter_id = l.id
    join letter_cases c on c.id = x.case_id
    join units cu on cu.id = c.unit_id
    join letters ol on ol.id = c.letter_id
    join units ou on ou.id = ol.unit_id
    where ${visible} and not exists (select 1 from letter_case_letters o where o.letter_id = q.id and o.case_id = c.id)`;
}

/** How alike the letter is to the closest letter the case holds (0..1), recorded with the link. */
export async function similarityToCase(db: Tx, letterId: string, caseId: string): Promise<number> {
  const [row] = await queryRows<{ sim: number | null }>(
    db,
    sql`select max(similarity(${squashed('l.content_folded')}, ${squashed('q.content_folded')}))::float8 as sim
      from letters q, letter_case_letters x join letters l on l.id = x.letter_id
      where q.id = ${letterId} and x.case_id = ${caseId}`,
  );
  return Math.round((row?.sim ?? 0) * 100) / 100;
}
