// Benchmark of one-stop dossiers on PostgreSQL, in one run: a million generated dossiers, then the
// ceiling (a bare Fastify route, a bare primary-key read), status look-ups, whole lifecycles through
// the HTTP API, the province's statistics for a year and its leader's inbox. Every figure is printed
// with its target and its ratio to the ceiling. See docs/benchmarks.md.
//
//   node bench/dossiers.mjs [--dossiers 1000000] [--duration 20] [--connections 32]
//     [--lifecycle-connections 16] [--intake online|desk] [--server-procs 1] [--keep-data DIR]
//     [--communes 100] [--warmup 3] [--stats-runs 7] [--phases ceiling,lookups,lifecycles,stats]
//     [--pg-stats] [--cpu-prof DIR] [--generate-only] [--out FILE.json]
//
// BENCH_DATABASE_URL uses an existing (empty or previously generated) database instead of a cluster
// of its own. Ports 3560 (server), 3561 (PostgreSQL), 3562 (bare route) unless --port-base says otherwise.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureStructure, generateDossiers } from './lib/generate.mjs';
import { checkMarker, log, openBenchDatabase, PASSWORD, readSettings, runLoad, startServers, topStatements } from './lib/orchestrate.mjs';
import { machine, report } from './lib/report.mjs';
import { STAFF_OF_UNITS, UNITS_VIEW } from './lib/structure.sql.mjs';

const { values: a } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '1000000' },
    communes: { type: 'string', default: '100' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    'lifecycle-connections': { type: 'string', default: '16' },
    intake: { type: 'string', default: 'online' },
    'server-procs': { type: 'string', default: '1' },
    'keep-data': { type: 'string' },
    'stats-runs': { type: 'string', default: '7' },
    phases: { type: 'string' },
    'pg-stats': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'generate-only': { type: 'boolean', default: false },
    'port-base': { type: 'string', default: '3560' },
    'upload-bytes': { type: 'string', default: '15000' },
    out: { type: 'string' },
  },
});
const num = (k) => {
  const v = Number(a[k]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${k} must be a number`);
  return v;
};
const opts = {
  dossiers: num('dossiers'),
  communes: num('communes'),
  seconds: num('duration'),
  warmup: num('warmup'),
  lookupConcurrency: num('connections'),
  lifecycleConcurrency: num('lifecycle-connections'),
  serverProcs: num('server-procs'),
  statsRuns: num('stats-runs'),
  portBase: num('port-base'),
  uploadBytes: num('upload-bytes'),
  intake: a.intake === 'desk' ? 'desk' : 'online',
  phases: a.phases ? a.phases.split(',') : null,
};
const bdb = await openBenchDatabase({ keepData: a['keep-data'], port: opts.portBase + 1, pgStats: a['pg-stats'] });
const { dbUrl, postmasterPid, marker } = bdb;
await ensureStructure(dbUrl, opts.communes, log);

const db = new pg.Client({ connectionString: dbUrl });
await db.connect();
const [{ n: existing }] = (await db.query('select count(*)::int as n from dossiers')).rows;
if (existing > 1000) checkMarker(marker, a['keep-data'], existing, 'dossiers');
else {
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
const port = opts.portBase;
const barePort = opts.portBase + 2;
const { server, bare } = await startServers({ db: bdb, port, barePort, serverProcs: opts.serverProcs, cpuProf: a['cpu-prof'] });
const result = runLoad('bench/lib/load.mjs', {
  ...opts,
  port,
  barePort,
  dbUrl,
  password: PASSWORD,
  staff,
  provinceUser: 'lanhdao.tinh',
  procedureCode: '1.001193',
  pids: { server: server.pid, postgres: postmasterPid ?? 0, bare: bare.pid },
});

const statements = a['pg-stats'] ? await topStatements(db) : null;
await db.end();

if (a['cpu-prof']) {
  // The profile is written when the server exits.
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  log(`server CPU profile in ${a['cpu-prof']}`);
}
const full = { date: new Date().toISOString(), machine: machine(), pgSettings, dataset, options: opts, ...result, statements };
console.log(report(full));
if (a.out) writeFileSync(a.out, JSON.stringify(full, null, 2));
process.exit(0);
