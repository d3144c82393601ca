// Steps written at once (with a guard, outside a transaction) by requests that arrive together: the
// step statements of the same shape asked for together (db/batched.ts) are one statement, so
// one round trip and one commit for several actions (docs/decisions/0011-batched-steps.md). All or
// nothing: when the joined statement fails (a guard that did not hold, a key already used), each
// step is written again on its own and gets its own answer, as if it had never been joined.
import { batchedWriter } from '../../db/batched';
import type { Tx } from '../../db/client';
import { repeated, runCompiled, runValues, type Compiled } from '../../db/compiled';
import { answeredByDatabase } from '../../db/errors';

/** A step statement's row: the step's id, and the guard's answered column when it has one (`Alongside.returns`). */
export type StepRow = { id: number | string | null; guarded?: unknown };

interface Run {
  statement: Compiled;
  values: Record<string, unknown>;
  /** The record the step is about (`<entityType>:<entityId>`), whose row the guard locks. */
  record: string;
}

/** At most this many steps in one statement (its text, and its plan, grow with each): a power of two (see chunks). */
const MAX_JOINED = 8;

/**
 * The names of the step statement's common table expressions (workflow.record.ts names them so), as
 * they appear unquoted: drizzle quotes every identifier it writes ("dv_a" would be a column's).
 */
const CTE = /(?<![\w".'])dv_(g|s|a|w\d+)(?![\w"'])/g;
/** Where the step statement's final select starts. */
const FINAL = /\s+select \(select id from dv_s\) as id/;

/**
 * `n` runs of a step statement as one: each run's common table expressions renamed with its number
 * (`dv_s` of run 2 is `dv_s_2`), then a row per run, numbered `k`, with its step's id and its checks.
 * Null for a text without that shape (a WITH, then the final select once): it is sent alone.
 */
export function joinedText(runs: readonly string[]): string | null {
  const text = runs[0] ?? '';
  if (!text.startsWith('with ') || (text.match(new RegExp(FINAL.source, 'g')) ?? []).length !== 1) return null;
  const parts = runs.map((run, k) => {
    const at = run.search(FINAL);
    const renamed = (part: string) => part.replace(CTE, (m) => `${m}_${k + 1}`);
    return { ctes: renamed(run.slice('with '.length, at)), final: renamed(run.slice(at).trim()).replace(/^select /, `select ${k + 1} as "k", `) };
  });
  return `with ${parts.map((p) => p.ctes).join(', ')} ${parts.map((p) => p.final).join(' union all ')}`;
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

async function runAlone(db: Tx, run: Run): Promise<StepRow[] | Error> {
  try {
    return await runCompiled<StepRow>(db, run.statement, run.values);
  } catch (err) {
    return asError(err);
  }
}

/** The runs of one shape: one statement for up to MAX_JOINED of them, or each alone when it fails. */
async function runShape(db: Tx, runs: readonly Run[]): Promise<(StepRow[] | Error)[]> {
  const joined = runs.length > 1 ? repeated(runs[0]!.statement, runs.length, joinedText) : null;
  if (!joined) return Promise.all(runs.map((r) => runAlone(db, r)));
  try {
    const rows = await runCompiled<StepRow & { k: number | string }>(db, joined, runValues(runs.map((r) => r.values)));
    const byRun = runs.map((): StepRow[] => []);
    for (const { k, ...row } of rows) byRun[Number(k) - 1]!.push(row);
    return byRun;
  } catch (err) {
    // A lost connection may have lost the answer of a statement that committed: sent again, each
    // run would be refused as a race it did not lose. Each gets the error, as a single run would.
    if (!answeredByDatabase(err)) return runs.map(() => asError(err));
    return Promise.all(runs.map((r) => runAlone(db, r)));
  }
}

/**
 * A shape's runs in statements of 8, 4, 2 or 1 (7 runs: 4, 2 and 1): each count is a statement of
 * its own that PostgreSQL plans anew on each connection for its first five runs, so fewer counts
 * mean fewer plans made while a server warms up (three counts a shape instead of seven).
 */
export function chunks<T>(idx: readonly T[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (let size = MAX_JOINED; size >= 1; size /= 2) {
    while (idx.length - at >= size) {
      out.push(idx.slice(at, at + size));
      at += size;
    }
  }
  return out;
}

async function runMany(db: Tx, runs: readonly Run[]): Promise<(StepRow[] | Error)[]> {
  // A record acted on twice in one batch: its runs are sent alone (one of them will lose the race), so
  // that two joined statements never hold each other's rows. The others by shape, in the order of
  // their records, so that statements running at the same time lock rows in one order.
  const seen = new Map<string, number>();
  for (const r of runs) seen.set(r.record, (seen.get(r.record) ?? 0) + 1);
  const alone: number[] = [];
  const shapes = new Map<string, number[]>();
  runs.forEach((r, i) => {
    if (seen.get(r.record)! > 1) alone.push(i);
    else shapes.set(r.statement.name, [...(shapes.get(r.statement.name) ?? []), i]);
  });
  const byRecord = (a: number, b: number) => (runs[a]!.record < runs[b]!.record ? -1 : 1);
  const groups = [...[...shapes.values()].flatMap((idx) => chunks([...idx].sort(byRecord))), ...alone.map((i) => [i])];
  const out = new Array<StepRow[] | Error>(runs.length);
  await Promise.all(
    groups.map(async (idx) => {
      const answers = await runShape(db, idx.map((i) => runs[i]!));
      idx.forEach((i, j) => (out[i] = answers[j]!));
    }),
  );
  return out;
}

/** Runs a guarded step statement on the application's database (not in a transaction), joined with those of the same shape asked for together. */
export const runStepAtOnce: (db: Tx, run: Run) => Promise<StepRow[]> = batchedWriter(runMany);
