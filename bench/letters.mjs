// Benchmark of citizens' letters on PostgreSQL, in one run: a million generated letters (two years
// of a province, with their cases, duplicates and steps), then the ceiling (a bare Fastify route, a
// bare primary-key read), whole intake-to-answer lifecycles through the HTTP API (4 requests: the
// letter recorded with its classification, accepted naming the handler, reported, answered), and
// the time to suggest the duplicates of a new letter. Every figure is printed with its target and
// its ratio to the ceiling. See docs/benchmarks.md, "Letters benchmark".
//
//   node bench/letters.mjs [--letters 1000000] [--writers 100000] [--duration 20] [--connections 8]
//     [--lifecycle-connections 16] [--suggestion-connections 1] [--server-procs 1] [--db-pool 4] [--keep-data DIR] [--communes 100] [--warmup 3]
//     [--phases ceiling,lifecycles,duplicates] [--answer minimal|view] [--pg-stats] [--cpu-prof DIR] [--generate-only] [--out FILE.json]
//     [--pin server|none] [--step-cpu]
//
// --answer: what the lifecycles' requests ask for: `minimal` (Prefer: return=minimal, where the letter
// and its case stand, as an integration would) or `view` (the whole letter and case pages, as the web app does).
//
// BENCH_DATABASE_URL uses an existing (empty or previously generated) database instead of a cluster
// of its own. Ports 3570 (server), 3571 (PostgreSQL), 3572 (bare route) unless --port-base says otherwise.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureStructure } from './lib/generate.mjs';
import { generateLetters } from './lib/letters-generate.mjs';
import { ADD_RECEPTION, LETTER_STAFF } from './lib/letters.sql.mjs';
import { letterReport } from './lib/letters-report.mjs';
import { checkMarker, vacuumKept, COMMON_OPTIONS, commonOptions, log, numberOption, openBenchDatabase, readSettings, runTs, serveAndLoad, topStatements } from './lib/orchestrate.mjs';
import { machine } from './lib/report.mjs';

const { values: a } = parseArgs({
  options: {
    ...COMMON_OPTIONS,
    letters: { type: 'string', default: '1000000' },
    writers: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '8' },
    // The letters' lifecycle keeps the server's one thread busy at 16 already: 32 only doubled the p95 (docs/benchmarks.md, ninth round).
    'lifecycle-connections': { type: 'string', default: '16' },
    // The target is the time to suggest for one new letter: one request at a time (at 8 the two cores are saturated and the suggestions queue).
    'suggestion-connections': { type: 'string', default: '1' },
    'port-base': { type: 'string', default: '3570' },
    'cpu-prof': { type: 'string' },
  },
});
const opts = { ...commonOptions(a), letters: numberOption(a)('letters'), writers: numberOption(a)('writers'), suggestionConcurrency: numberOption(a)('suggestion-connections') };
const bdb = await openBenchDatabase({ keepData: a['keep-data'], port: opts.portBase + 1, pgStats: a['pg-stats'], tcp: a['pg-tcp'] });
const { dbUrl, marker } = bdb;
await ensureStructure(dbUrl, opts.communes, log);

const db = new pg.Client({ connectionString: dbUrl });
await db.connect();
await db.query(ADD_RECEPTION);
const [{ n: existing }] = (await db.query('select count(*)::int as n from letters')).rows;
if (existing > 1000) {
  checkMarker(marker, a['keep-data'], existing, 'letters');
  await vacuumKept(db, ['letters', 'letter_cases']);
} else {
  runTs('bench/lib/letters-writers.ts', { DATABASE_URL: dbUrl, DANVAN_IDENTITY_KEY: bdb.identityKey, BENCH_WRITERS: String(opts.writers) });
  await generateLetters(dbUrl, { count: opts.letters, now: new Date(), writers: opts.writers, log });
  if (marker) writeFileSync(marker, JSON.stringify({ letters: opts.letters, writers: opts.writers, communes: opts.communes, generatedAt: new Date().toISOString() }) + '\n');
}
const dataset = (
  await db.query(`select (select count(*)::int from letters) as letters, (select count(*)::int from letter_cases) as cases,
    (select count(*)::int from letter_case_letters where role = 'duplicate') as duplicates, (select count(*)::int from workflow_steps) as steps,
    (select count(*)::int from bench_units) as units, pg_size_pretty(pg_database_size(current_database())) as size,
    pg_size_pretty(pg_relation_size('letters_content_search_idx')) as "trigramIndex",
    pg_size_pretty(pg_total_relation_size('letter_sketch_bands')) as "sketchIndex"`)
).rows[0];
const pgSettings = await readSettings(db);
const staff = (await db.query(LETTER_STAFF)).rows.filter((r) => !r.isProvince);
if (a['generate-only']) {
  log(`dataset ready: ${JSON.stringify(dataset)}`);
  await db.end();
  process.exit(0);
}
if (a['pg-stats']) {
  await db.query('create extension if not exists pg_stat_statements');
  await db.query('select pg_stat_statements_reset()');
}

// ---------- servers and load ----------
const { result, server } = await serveAndLoad(bdb, opts, 'bench/lib/letters-load.mjs', { staff, provinceUser: 'bench.lanhdao.99', pgStats: a['pg-stats'] }, a['cpu-prof']);
const statements = a['pg-stats'] ? await topStatements(db) : null;
await db.end();
if (a['cpu-prof']) {
  // The profile is written when the server exits.
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  log(`server CPU profile in ${a['cpu-prof']}`);
}
const full = { date: new Date().toISOString(), machine: machine(), connection: bdb.via, pgSettings, dataset, options: opts, ...result, statements };
console.log(letterReport(full));
if (a.out) writeFileSync(a.out, JSON.stringify(full, null, 2));
process.exit(0);
