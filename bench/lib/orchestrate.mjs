// What every benchmark run does around its own figures: a PostgreSQL cluster of its own (or
// BENCH_DATABASE_URL), the product's migrations and demo province, the identity key kept with the
// data, the product's server in production mode beside the bare route, and the load generator in a
// process of its own. Used by bench/dossiers.mjs and bench/letters.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PgSetupError, startCluster } from '../../scripts/pg-cluster.mjs';
import { DURABLE_SETTINGS, REPORTED_SETTINGS, withStatements } from './pg-settings.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const log = (m) => console.error(`[bench] ${m}`);
export const PASSWORD = process.env.DANVAN_DEMO_PASSWORD ?? 'danvan-demo-2026';

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

export const workDir = work;

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

export function start(label, args, env = {}) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') log(`${label} exited (${code ?? signal})`);
  });
  children.push(child);
  return child;
}

/** Runs a TypeScript helper of bench/lib with tsx and stops the run when it fails. */
export function runTs(file, env) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(1);
}

/**
 * The database (a cluster in `keepData` or a temporary folder, unless BENCH_DATABASE_URL is set),
 * migrated and seeded, with the identity key and the files folder beside it.
 */
export async function openBenchDatabase({ keepData, port, pgStats, tcp = false }) {
  let dbUrl = process.env.BENCH_DATABASE_URL;
  // How the product's server and the ceiling's reads connect: BENCH_DATABASE_URL as given, or the
  // run's own cluster through its Unix socket (server and database on one machine), or through
  // TCP on 127.0.0.1 with --pg-tcp.
  let serverDbUrl = dbUrl;
  let postmasterPid = null;
  if (!dbUrl) {
    const settings = pgStats ? withStatements(DURABLE_SETTINGS) : DURABLE_SETTINGS;
    try {
      cluster = await startCluster({ dir: keepData, port, settings, log });
    } catch (err) {
      console.error(err instanceof PgSetupError ? err.message : err);
      process.exit(1);
    }
    dbUrl = cluster.url;
    serverDbUrl = tcp ? cluster.url : cluster.socketUrl;
    postmasterPid = Number(readFileSync(path.join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    log(`PostgreSQL at 127.0.0.1:${cluster.port} in ${cluster.dir}${cluster.reused ? ' (kept data)' : ''}`);
  }
  // The server's files and its identity key (production requires one; it seals the letters' identities) are kept with the data.
  const dataRoot = path.join(keepData ? path.resolve(keepData) : work, 'files-root');
  mkdirSync(dataRoot, { recursive: true });
  const keyFile = path.join(dataRoot, 'bench-identity.key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('base64'));
  const identityKey = process.env.DANVAN_IDENTITY_KEY ?? readFileSync(keyFile, 'utf8').trim();
  runTs('bench/lib/setup.ts', { DATABASE_URL: dbUrl, DANVAN_DATA_DIR: dataRoot, DANVAN_IDENTITY_KEY: identityKey });
  return { dbUrl, serverDbUrl, via: !cluster ? 'BENCH_DATABASE_URL' : tcp ? 'TCP on 127.0.0.1' : 'Unix socket', postmasterPid, dataRoot, identityKey, marker: keepData ? path.join(path.resolve(keepData), 'bench-data.json') : null };
}

/** Stops the run when kept data exists without the marker of a finished generation. */
export function checkMarker(marker, keepData, existing, what) {
  if (marker && !existsSync(marker)) {
    log(`${marker} is missing: an earlier generation did not finish. Remove ${keepData} and run again.`);
    process.exit(1);
  }
  log(`reusing ${existing} ${what} (${marker ? readFileSync(marker, 'utf8').trim() : 'BENCH_DATABASE_URL'})`);
}

/**
 * Vacuums the tables that earlier runs on a kept cluster wrote to, as the generation leaves them:
 * every run adds thousands of updated records in one day, and until autovacuum reaches them the
 * statistics' index-only scans read the table for them (850 to 1,000 ms against 360 ms after
 * twenty runs on the same cluster).
 */
export async function vacuumKept(db, tables) {
  const t0 = Date.now();
  for (const t of tables) await db.query(`vacuum (analyze) ${t}`);
  log(`vacuumed ${tables.join(', ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** The PostgreSQL settings a reader needs, read back from the running server. */
export async function readSettings(db) {
  const settings = Object.fromEntries(
    (await db.query('select name, setting, unit from pg_settings where name = any($1)', [REPORTED_SETTINGS])).rows.map((r) => [
      r.name,
      r.unit ? `${r.setting} (${r.unit})` : r.setting,
    ]),
  );
  settings.server_version = (await db.query('show server_version')).rows[0].server_version;
  return settings;
}

/** The product's server (production mode, one or more processes) and the bare route, both answering. */
export async function startServers({ db, port, barePort, serverProcs, dbPool, cpuProf }) {
  const serverEnv = {
    DANVAN_DB_POOL: String(dbPool),
    NODE_ENV: 'production',
    DATABASE_URL: db.serverDbUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    DANVAN_LOG_LEVEL: 'warn',
    DANVAN_DEMO: 'off',
    DANVAN_IDENTITY_KEY: db.identityKey,
    DANVAN_DATA_DIR: db.dataRoot,
  };
  const server =
    serverProcs > 1
      ? start('server', ['bench/lib/server-cluster.mjs', String(serverProcs)], serverEnv)
      : start('server', [...(cpuProf ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(cpuProf)] : []), '--import', 'tsx', 'src/server/main.ts'], serverEnv);
  const bare = start('bare route', ['bench/lib/bare-server.mjs', String(barePort)]);
  await waitFor(`http://127.0.0.1:${port}/api/health`, server);
  await waitFor(`http://127.0.0.1:${barePort}/hello`, bare);
  log(`server (${serverProcs} process${serverProcs > 1 ? 'es' : ''}, NODE_ENV=production) on ${port}, bare route on ${barePort}`);
  return { server, bare };
}

/** Command-line options every benchmark takes (parseArgs), with their defaults. */
export const COMMON_OPTIONS = {
  communes: { type: 'string', default: '100' },
  duration: { type: 'string', default: '20' },
  warmup: { type: 'string', default: '3' },
  'lifecycle-connections': { type: 'string', default: '32' },
  answer: { type: 'string', default: 'minimal' },
  'server-procs': { type: 'string', default: '1' },
  'db-pool': { type: 'string', default: '4' },
  'keep-data': { type: 'string' },
  phases: { type: 'string' },
  'pg-stats': { type: 'boolean', default: false },
  'step-cpu': { type: 'boolean', default: false },
  pin: { type: 'string', default: 'none' },
  batch: { type: 'string', default: 'none' },
  'pg-tcp': { type: 'boolean', default: false },
  'generate-only': { type: 'boolean', default: false },
  out: { type: 'string' },
};

/** A numeric option, refused when it is not a number ≥ 0. */
export const numberOption = (a) => (k) => {
  const v = Number(a[k]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${k} must be a number`);
  return v;
};

/** The options of COMMON_OPTIONS as the load generators read them. */
export function commonOptions(a) {
  const num = numberOption(a);
  return {
    communes: num('communes'),
    seconds: num('duration'),
    warmup: num('warmup'),
    lookupConcurrency: num('connections'),
    lifecycleConcurrency: num('lifecycle-connections'),
    serverProcs: num('server-procs'),
    // PostgreSQL connections of each server process (DANVAN_DB_POOL): two per core of the database's machine, as the README advises.
    dbPool: num('db-pool'),
    portBase: num('port-base'),
    phases: a.phases ? a.phases.split(',') : null,
    // What the lifecycles' actions ask for: the minimal answer (Prefer: return=minimal) or the whole page.
    answer: a.answer === 'view' ? 'view' : 'minimal',
    // The server's and PostgreSQL's CPU of each kind of request, read around each one (exact with --lifecycle-connections 1).
    stepCpu: a['step-cpu'],
    // `none` (the default): wherever the scheduler puts them; `server`: the product's server (one process) and the bare route on the first core, PostgreSQL and the load generator on the others.
    pin: a.pin === 'server' ? 'server' : 'none',
    // `none` (the default); `postgres`, `load` or both (comma-separated): those processes under SCHED_BATCH, whose wake-ups do not preempt the server's thread.
    batch: a.batch && a.batch !== 'none' ? a.batch.split(',') : [],
  };
}

/** Starts the servers and runs the load generator `script` with the options, the ports, the database and `extra`. */
export async function serveAndLoad(db, opts, script, extra, cpuProf) {
  const port = opts.portBase;
  const barePort = opts.portBase + 2;
  const { server, bare } = await startServers({ db, port, barePort, serverProcs: opts.serverProcs, dbPool: opts.dbPool, cpuProf });
  const pinned = pinProcesses(opts, [server.pid, bare.pid], db.postmasterPid);
  const batched = batchProcesses(opts, db.postmasterPid);
  const result = runLoad(script, { ...opts, port, barePort, dbUrl: db.serverDbUrl, password: PASSWORD, ...extra, pids: { server: server.pid, postgres: db.postmasterPid ?? 0, bare: bare.pid } }, pinned?.others, batched.includes('load'));
  return { result: { ...result, pinned, batched }, server };
}

/**
 * With --pin server on a machine of two cores or more: the product's one server process (and the
 * bare route) on the first core, PostgreSQL (its postmaster, so every backend it starts later too)
 * and the load generator on the others. The server's one thread then never waits for a core behind
 * a backend it has just woken (lifecycles +6 to +10 % in pairs), but on two cores PostgreSQL gets
 * one: the statistics, which use both, take twice as long. Not the default: a study of lifecycles.
 * Returns the cores given, or null when not pinned.
 */
function pinProcesses(opts, serverPids, postmasterPid) {
  const cores = os.cpus().length;
  if (opts.pin !== 'server' || cores < 2 || opts.serverProcs !== 1 || !postmasterPid) return null;
  const others = cores === 2 ? '1' : `1-${cores - 1}`;
  const set = (list, pid) => spawnSync('taskset', ['-a', '-p', '-c', list, String(pid)], { stdio: 'ignore' }).status === 0;
  const backends = spawnSync('pgrep', ['-P', String(postmasterPid)], { encoding: 'utf8' }).stdout.split(/\s+/).filter(Boolean);
  const ok = serverPids.every((pid) => set('0', pid)) && [postmasterPid, ...backends].every((pid) => set(others, pid));
  if (!ok) {
    log('taskset failed: the processes are not pinned (--pin none)');
    return null;
  }
  log(`pinned: the server on core 0, PostgreSQL and the load generator on core(s) ${others}`);
  return { server: '0', others };
}

/**
 * With --batch postgres: PostgreSQL's processes (its postmaster, so every backend it starts later
 * too) under SCHED_BATCH (`chrt -b`). A batch task woken by the server's write to its socket does
 * not preempt the server's thread on its core: it runs on the other core when that one is free, or
 * when the server waits. Unlike pinning, PostgreSQL keeps every core. `load`: the load generator
 * too (a real province's clients are not on the server's cores). Returns what was batched.
 */
function batchProcesses(opts, postmasterPid) {
  const done = [];
  if (opts.batch.includes('postgres') && postmasterPid) {
    const backends = spawnSync('pgrep', ['-P', String(postmasterPid)], { encoding: 'utf8' }).stdout.split(/\s+/).filter(Boolean);
    const ok = [postmasterPid, ...backends].every((pid) => spawnSync('chrt', ['-b', '-a', '-p', '0', String(pid)], { stdio: 'ignore' }).status === 0);
    if (ok) done.push('postgres');
    else log('chrt failed: PostgreSQL keeps the normal policy');
  }
  if (opts.batch.includes('load')) done.push('load');
  if (done.length) log(`SCHED_BATCH: ${done.join(', ')}`);
  return done;
}

/** Runs a load generator (`script CONFIG RESULT`) in a process of its own and returns its result. */
export function runLoad(script, config, cores = null, batch = false) {
  const cfgFile = path.join(work, 'load.json');
  const resultFile = path.join(work, 'result.json');
  writeFileSync(cfgFile, JSON.stringify(config));
  const args = [script, cfgFile, resultFile];
  const command = [...(cores ? ['taskset', '-c', cores] : []), ...(batch ? ['chrt', '-b', '0'] : []), process.execPath, ...args];
  const load = spawnSync(command[0], command.slice(1), { cwd: root, stdio: 'inherit' });
  if (load.status !== 0) {
    log('the load generator failed');
    process.exit(1);
  }
  return JSON.parse(readFileSync(resultFile, 'utf8'));
}

/** The slowest statements of the run (with --pg-stats). */
export async function topStatements(db) {
  return (
    await db.query(`select calls, round(total_exec_time)::int as total_ms, round(mean_exec_time::numeric, 3) as mean_ms,
      round(total_plan_time)::int as plan_ms, rows,
      left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query
      from pg_stat_statements order by total_exec_time desc limit 60`)
  ).rows;
}

export { pg };
