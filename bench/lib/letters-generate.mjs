// Bulk generation of the letters benchmark's data (see letters.sql.mjs) with the product's
// secondary indexes dropped during the load and rebuilt after it (generate.mjs: withoutIndexes).
import pg from 'pg';
import { timed, withoutIndexes } from './generate.mjs';
import * as S from './letters.sql.mjs';

const TABLES = ['letters', 'letter_sketch_bands', 'letter_cases', 'letter_case_letters', 'workflow_steps'];

/** Generates `count` letters as of `now` (writers from bench_writers, `writers` of them). */
export async function generateLetters(url, { count, now, writers, duplicateShare = 0.06, log }) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = Date.now();
  try {
    await c.query(S.UNITS);
    await c.query(S.FUNCTIONS);
    await c.query(S.TOPICS);
    log(`generating ${count} letters`);
    await withoutIndexes(c, { tables: TABLES, analyse: [...TABLES, 'code_counters'] }, log, async () => {
      await timed(c, log, 'draft', S.DRAFT, [count, now.toISOString(), duplicateShare, writers]);
      await timed(c, log, 'states and codes', S.DRAFT_STATES.replaceAll('$1::timestamptz', `'${now.toISOString()}'::timestamptz`));
      await timed(c, log, 'letters', S.INSERT_LETTERS);
      await timed(c, log, 'bands of the content sketches', S.INSERT_SKETCH_BANDS);
      await timed(c, log, 'cases', S.INSERT_CASES);
      await timed(c, log, 'links of cases and letters', S.INSERT_LINKS);
      await timed(c, log, 'workflow steps', S.INSERT_STEPS);
      await timed(c, log, 'code counters', S.INSERT_COUNTERS);
      await c.query('drop table bench_letter_draft');
    });
  } finally {
    await c.end();
  }
  log(`generated ${count} letters in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
