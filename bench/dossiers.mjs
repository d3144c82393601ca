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
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PgSetupError, startCluster } from '../scripts/pg-cluster.mjs';
import { ensureStructure, generateDossiers } from './lib/generate.mjs';
import { DURABLE_SETTINGS, REPORTED_SETTINGS, withStatements } from './lib/pg-settings.mjs';
import { machine, report } from './lib/report.mjs';
import { STAFF_OF_UNITS, UNITS_VIEW } from './lib/structure.sql.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (m) => console.error(`[bench] ${m}`);

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
const PASSWORD = process.env.DANVAN_DEMO_PASSWORD ?? 'danvan-demo-2026';
const work = mkdtempSync(path.join(os.tmpdir(), 'danvan-bench-'));
const children = [];
let cluster = null;

function cleanup() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  cluster?.stop();
  rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

async function waitFor(url, child, ms = 60_000) {
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${url}: the process exited before answering`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    if (Date.now() - t0 > ms) throw new Error(`${url} did not answer in ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function start(label, args, env = {}) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') log(`${label} exited (${code ?? signal})`);
  });
  children.push(child);
  return child;
}

// ---------- database ----------
let dbUrl = process.env.BENCH_DATABASE_URL;
let postmasterPid = null;
if (!dbUrl) {
  const settings = a['pg-stats'] ? withStatements(DURABLE_SETTINGS) : DURABLE_SETTINGS;
  try {
    cluster = await startCluster({ dir: a['keep-data'], port: opts.portBase + 1, settings, log });
  } catch (err) {
    console.error(err instanceof PgSetupError ? err.message : err);
    process.exit(1);
  }
  dbUrl = cluster.url;
  postmasterPid = Number(readFileSync(path.join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  log(`PostgreSQL at 127.0.0.1:${cluster.port} in ${cluster.dir}${cluster.reused ? ' (kept data)' : ''}`);
}

// The server's files and its identity key (production requires one; it encrypts the demo letters' sealed identities) are kept with the data.
const dataRoot = path.join(a['keep-data'] ? path.resolve(a['keep-data']) : work, 'files-root');
mkdirSync(dataRoot, { recursive: true });
const keyFile = path.join(dataRoot, 'bench-identity.key');
if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('base64'));
const identityKey = process.env.DANVAN_IDENTITY_KEY ?? readFileSync(keyFile, 'utf8').trim();
const setupEnv = { ...process.env, DATABASE_URL: dbUrl, DANVAN_DATA_DIR: dataRoot, DANVAN_IDENTITY_KEY: identityKey };
const setup = spawnSync(process.execPath, ['--import', 'tsx', 'bench/lib/setup.ts'], { cwd: root, stdio: 'inherit', env: setupEnv });
if (setup.status !== 0) process.exit(1);
await ensureStructure(dbUrl, opts.communes, log);

const db = new pg.Client({ connectionString: dbUrl });
await db.connect();
const marker = a['keep-data'] ? path.join(path.resolve(a['keep-data']), 'bench-data.json') : null;
const [{ n: existing }] = (await db.query('select count(*)::int as n from dossiers')).rows;
if (existing > 1000) {
  if (marker && !existsSync(marker)) {
    log(`${marker} is missing: an earlier generation did not finish. Remove ${a['keep-data']} and run again.`);
    process.exit(1);
  }
  log(`reusing ${existing} dossiers (${marker ? readFileSync(marker, 'utf8').trim() : 'BENCH_DATABASE_URL'})`);
} else {
  await generateDossiers(dbUrl, { count: opts.dossiers, now: new Date(), log });
  if (marker) writeFileSync(marker, JSON.stringify({ dossiers: opts.dossiers, communes: opts.communes, generatedAt: new Date().toISOString() }) + '\n');
}
const dataset = (
  await db.query(`select (select count(*)::int from dossiers) as dossiers, (select count(*)::int from workflow_steps) as steps,
    (select count(*)::int from audit_log) as audit, (select count(*)::int from bench_units) as units,
    pg_size_pretty(pg_database_size(current_database())) as size`)
).rows[0];
const pgSettings = Object.fromEntries(
  (await db.query('select name, setting, unit from pg_settings where name = any($1)', [REPORTED_SETTINGS])).rows.map((r) => [
    r.name,
    r.unit ? `${r.setting} (${r.unit})` : r.setting,
  ]),
);
pgSettings.server_version = (await db.query('show server_version')).rows[0].server_version;
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

// ---------- servers ----------
const port = opts.portBase;
const barePort = opts.portBase + 2;
const serverEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: dbUrl,
  PORT: String(port),
  HOST: '127.0.0.1',
  DANVAN_LOG_LEVEL: 'warn',
  DANVAN_DEMO: 'off',
  DANVAN_IDENTITY_KEY: identityKey,
  DANVAN_DATA_DIR: dataRoot,
};
const server =
  opts.serverProcs > 1
    ? start('server', ['bench/lib/server-cluster.mjs', String(opts.serverProcs)], serverEnv)
    : start('server', [...(a['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(a['cpu-prof'])] : []), '--import', 'tsx', 'src/server/main.ts'], serverEnv);
const bare = start('bare route', ['bench/lib/bare-server.mjs', String(barePort)]);
await waitFor(`http://127.0.0.1:${port}/api/health`, server);
await waitFor(`http://127.0.0.1:${barePort}/hello`, bare);
log(`server (${opts.serverProcs} process${opts.serverProcs > 1 ? 'es' : ''}, NODE_ENV=production) on ${port}, bare route on ${barePort}`);

// ---------- load ----------
const cfgFile = path.join(work, 'load.json');
const resultFile = path.join(work, 'result.json');
writeFileSync(
  cfgFile,
  JSON.stringify({
    ...opts,
    port,
    barePort,
    dbUrl,
    password: PASSWORD,
    staff,
    provinceUser: 'lanhdao.tinh',
    procedureCode: '1.001193',
    pids: { server: server.pid, postgres: postmasterPid ?? 0, bare: bare.pid },
  }),
);
const load = spawnSync(process.execPath, ['bench/lib/load.mjs', cfgFile, resultFile], { cwd: root, stdio: 'inherit' });
if (load.status !== 0) {
  log('the load generator failed');
  process.exit(1);
}
const result = JSON.parse(readFileSync(resultFile, 'utf8'));

let statements = null;
if (a['pg-stats']) {
  statements = (
    await db.query(`select calls, round(total_exec_time)::int as total_ms, round(mean_exec_time::numeric, 3) as mean_ms, rows,
      left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query
      from pg_stat_statements order by total_exec_time desc limit 60`)
  ).rows;
}
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
