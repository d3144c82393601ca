// Benchmark of one-stop dossiers on PostgreSQL, in one run: a million generated dossiers, then the
// ceiling (a bare Fastify route, a bare primary-key read), status look-ups, whole lifecycles through
// the HTTP API, the province's statistics for a year and its leader's inbox. Every figure is printed
// with its target and its ratio to the ceiling. See docs/benchmarks.md.
//
//   node bench/dossiers.mjs [--dossiers 1000000] [--duration 20] [--connections 32]
//     [--lifecycle-connections 32] [--intake online|desk] [--server-procs 1] [--db-pool 4] [--keep-data DIR]
//     [--communes 100] [--warmup 3] [--stats-runs 7] [--phases ceiling,lookups,lifecycles,lifecycles_standard,stats]
//     [--procedure 1.004746] [--standard-procedure 1.001193]
//     [--answer minimal|view] [--pg-stats] [--cpu-prof DIR] [--generate-only] [--out FILE.json]
//     [--pin server|none] [--step-cpu] [--upload with-files|separate]
//
// --upload: how an online lifecycle sends its form (--upload-bytes of PDF): `with-files`, with the
// dossier in one multipart request (POST /api/public/dossiers/with-files), or `separate`, uploaded
// first (POST /api/public/files) and named by the submission, as the web app's form does.
//
// --pin: `none` (the default) leaves the processes to the scheduler; `server` runs the product's
// server on the first core and PostgreSQL and the load generator on the others (PostgreSQL then
// has one core: not for the statistics). --step-cpu: the server's and
// PostgreSQL's CPU of each kind of request, exact with --lifecycle-connections 1.
//
// --answer: what the lifecycles' actions ask for: `minimal` (Prefer: return=minimal, the inbox row,
// as an integration would) or `view` (the whole dossier page, as the web app does).
//
// BENCH_DATABASE_URL uses an existing (empty or previously generated) database instead of a cluster
// of its own. Ports 3560 (server), 3561 (PostgreSQL), 3562 (bare route) unless --port-base says otherwise.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureStructure, generateDossiers } from './lib/generate.mjs';
import { checkMarker, vacuumKept, COMMON_OPTIONS, commonOptions, log, numberOption, openBenchDatabase, readSettings, serveAndLoad, topStatements } from './lib/orchestrate.mjs';
import { machine, report } from './lib/report.mjs';
import { STAFF_OF_UNITS, UNITS_VIEW } from './lib/structure.sql.mjs';

const { values: a } = parseArgs({
  options: {
    ...COMMON_OPTIONS,
    dossiers: { type: 'string', default: '1000000' },
    connections: { type: 'string', default: '32' },
    intake: { type: 'string', default: 'online' },
    'stats-runs': { type: 'string', default: '7' },
    'cpu-prof': { type: 'string' },
    'port-base': { type: 'string', default: '3560' },
    'upload-bytes': { type: 'string', default: '15000' },
    upload: { type: 'string', default: 'with-files' },
    procedure: { type: 'string', default: '1.004746' },
    'standard-procedure': { type: 'string', default: '1.001193' },
  },
});
const num = numberOption(a);
const opts = {
  ...commonOptions(a),
  dossiers: num('dossiers'),
  statsRuns: num('stats-runs'),
  uploadBytes: num('upload-bytes'),
  upload: a.upload === 'separate' ? 'separate' : 'with-files',
  intake: a.intake === 'desk' ? 'desk' : 'online',
};
const bdb = await openBenchDatabase({ keepData: a['keep-data'], port: opts.portBase + 1, pgStats: a['pg-stats'], tcp: a['pg-tcp'] });
const { dbUrl, marker } = bdb;
await ensureStructure(dbUrl, opts.communes, log);

const db = new pg.Client({ connectionString: dbUrl });
await db.connect();
const [{ n: existing }] = (await db.query('select count(*)::int as n from dossiers')).rows;
if (existing > 1000) {
  checkMarker(marker, a['keep-data'], existing, 'dossiers');
  await vacuumKept(db, ['dossiers']);
} else {
  await generateDossiers(dbUrl, { count: opts.dossiers, now: new Date(), log });
  if (marker) writeFileSync(marker, JSON.stringify({ dossiers: opts.dossiers, communes: opts.communes, generatedAt: new Date().toISOString() }) + '\n');
}
const dataset = (
  await db.query(`select (select count(*)::int from dossiers) as dossiers, (select count(*)::int from workflow_steps) as steps,
    (select count(*)::int from audit_log) as audit, (select count(*)::int from bench_units) as units,
    pg_size_pretty(pg_database_size(current_database())) as size`)
).rows[0];
const pgSettings = await readSettings(db);
await db.query(UNITS_VIEW);
const staff = (await db.query(STAFF_OF_UNITS)).rows.filter((r) => !r.isProvince);
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
// The lifecycles: a commune procedure of the commune workflow (the submit, accept, process, approve,
// return), then birth registration on the standard workflow (a transfer and an assignment more).
const procedureCodes = { procedureCode: a.procedure, standardProcedureCode: a['standard-procedure'] };
const { result, server } = await serveAndLoad(bdb, opts, 'bench/lib/load.mjs', { staff, provinceUser: 'lanhdao.tinh', ...procedureCodes }, a['cpu-prof']);
const statements = a['pg-stats'] ? await topStatements(db) : null;
await db.end();

if (a['cpu-prof']) {
  // The profile is written when the server exits.
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  log(`server CPU profile in ${a['cpu-prof']}`);
}
const full = { date: new Date().toISOString(), machine: machine(), connection: bdb.via, pgSettings, dataset, options: opts, ...result, statements };
console.log(report(full));
if (a.out) writeFileSync(a.out, JSON.stringify(full, null, 2));
process.exit(0);
