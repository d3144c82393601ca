// What every load generator shares: phases with CPU accounting, the HTTP client to the product,
// staff sessions, closed-loop throughput, and the ceiling (a bare Fastify route, a bare
// primary-key read). Used by load.mjs (dossiers) and letters-load.mjs.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { client, closedLoop, HttpError, Recorder } from './http.mjs';
import { coresBetween, loadAverage, runNs, sample } from './procstat.mjs';

export const log = (m) => console.error(`[load] ${m}`);

// Many citizens reach the server through a reverse proxy on the same machine: the server trusts
// X-Forwarded-For from loopback in production, and the per-address limits count each citizen.
export const citizenIp = () => `10.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;

const summaryLine = (p) => {
  const r = p.requests ?? p.lifecycles ?? p.runs ?? p;
  return { perSecond: r.perSecond && Math.round(r.perSecond), p50: r.p50, p95: r.p95, p99: r.p99, errors: r.errors };
};

const round3 = (x) => Math.round(x * 1000) / 1000;

export function runner(cfg, sockets) {
  const out = { phases: {} };
  const roots = { ...cfg.pids, client: process.pid };
  const api = client(cfg.port, sockets);

  /** Runs a phase with CPU accounting and the load average before it. */
  async function phase(name, fn) {
    log(`${name}…`);
    const load = loadAverage();
    const a = sample(roots);
    const result = await fn();
    const b = sample(roots);
    out.phases[name] = { ...result, cores: coresBetween(a, b), loadBefore: load };
    log(`${name}: ${JSON.stringify(summaryLine(out.phases[name]))}`);
  }

  async function call(method, path, { headers, body, expect = 200, what = path } = {}) {
    const res = await api.send(method, path, { headers, body });
    if (res.status !== expect) throw new HttpError(res.status, res.body, `${method} ${what}`);
    return res.body ? JSON.parse(res.body) : null;
  }

  /** A staff session, established before anything is timed. */
  async function login(username) {
    const res = await api.send('POST', '/api/auth/login', { headers: { 'x-forwarded-for': citizenIp() }, body: { username, password: cfg.password } });
    if (res.status !== 200) throw new HttpError(res.status, res.body, `login ${username}`);
    const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0];
    const { csrfToken } = JSON.parse(res.body);
    const ip = citizenIp(); // the staff member's workstation
    return {
      read: { cookie, 'x-forwarded-for': ip },
      write: () => ({ cookie, 'x-csrf-token': csrfToken, 'x-forwarded-for': ip, 'idempotency-key': randomUUID() }),
    };
  }

  /** The staff headers of a workflow action, asking for the minimal answer unless the run measures whole pages (--answer view). */
  const actionHeaders = (who) => ({ ...who.write(), ...(cfg.answer === 'view' ? {} : { prefer: 'return=minimal' }) });

  /** One request at a time per connection, `concurrency` connections, for the phase's duration. */
  async function throughput(task, concurrency = cfg.lookupConcurrency) {
    const rec = new Recorder();
    const { seconds } = await closedLoop({ concurrency, seconds: cfg.seconds, warmup: cfg.warmup, recorder: rec, task });
    return { requests: rec.summary(seconds), concurrency, firstError: rec.firstError ?? null };
  }

  async function ceilingHttp() {
    const bare = client(cfg.barePort, cfg.lookupConcurrency);
    const r = await throughput(async () => {
      const res = await bare.send('GET', '/hello');
      if (res.status !== 200) throw new HttpError(res.status, res.body, 'hello');
    });
    bare.close();
    return r;
  }

  /** A bare primary-key read of `table` by random ids (a pg pool of 10). */
  async function ceilingPg(table, ids) {
    const pool = new pg.Pool({ connectionString: cfg.dbUrl, max: 10 });
    const r = await throughput(async () => {
      const id = ids[Math.floor(Math.random() * ids.length)];
      const res = await pool.query(`select * from ${table} where id = $1`, [id]);
      if (res.rowCount !== 1) throw new Error('no row');
    });
    await pool.end();
    return { ...r, poolSize: 10 };
  }

  /** Random ids of about `n` rows of a big table (TABLESAMPLE reads only the pages it picks). */
  async function sampleIds(db, table, n = 50_000, where = 'true') {
    const [{ total }] = (await db.query(`select count(*)::int as total from ${table}`)).rows;
    const pct = Math.min(100, (100 * n * 1.2) / Math.max(1, total));
    return (await db.query(`select id from ${table} tablesample system (${pct}) where ${where} limit ${n}`)).rows.map((r) => r.id);
  }

  /**
   * Whole lifecycles in closed loops: `task(worker, step)` runs one, timing each request with
   * step(kind, fn). Returns the lifecycles per second and the latency of each kind of request
   * inside the measured window.
   */
  async function lifecycleLoop(kinds, task) {
    const per = Object.fromEntries(kinds.map((k) => [k, new Recorder()]));
    const whole = new Recorder();
    const steps = [];
    // With --step-cpu (one lifecycle at a time), the server's and PostgreSQL's CPU of each kind of request.
    const cpuRoots = { server: cfg.pids.server, postgres: cfg.pids.postgres };
    const cpu = Object.fromEntries(kinds.map((k) => [k, { n: 0, server: 0, postgres: 0 }]));
    const { seconds, from, to } = await closedLoop({
      concurrency: cfg.lifecycleConcurrency,
      seconds: cfg.seconds,
      warmup: cfg.warmup,
      recorder: whole,
      task: async (worker) => {
        const mine = [];
        await task(worker, async (kind, fn) => {
          const c0 = cfg.stepCpu ? runNs(cpuRoots) : null;
          const t0 = performance.now();
          const r = await fn();
          mine.push([kind, t0, performance.now() - t0]);
          if (c0) {
            // The server's answer is sent before its last statements' backends are idle: a short wait lets them finish.
            await new Promise((ok) => setTimeout(ok, 2));
            const c1 = runNs(cpuRoots);
            const c = cpu[kind];
            c.n += 1;
            c.server += c1.server - c0.server;
            c.postgres += c1.postgres - c0.postgres;
          }
          return r;
        });
        steps.push(...mine);
      },
    });
    // The requests of the lifecycles, inside the measured window.
    for (const [kind, t0, ms] of steps) if (t0 >= from && t0 + ms <= to) per[kind].add(ms);
    const requests = new Recorder();
    for (const k of kinds) for (const x of per[k].samples) requests.add(x);
    return {
      lifecycles: whole.summary(seconds),
      requestsPerLifecycle: kinds.length,
      requests: requests.summary(seconds),
      perKind: Object.fromEntries(kinds.map((k) => [k, per[k].summary(seconds)])),
      concurrency: cfg.lifecycleConcurrency,
      answer: cfg.answer ?? 'minimal',
      firstError: whole.firstError ?? null,
      ...(cfg.stepCpu
        ? { cpuPerKind: Object.fromEntries(kinds.map((k) => [k, { requests: cpu[k].n, serverMs: round3(cpu[k].server / cpu[k].n / 1e6), postgresMs: round3(cpu[k].postgres / cpu[k].n / 1e6) }])) }
        : {}),
    };
  }

  return { out, api, phase, call, login, actionHeaders, throughput, ceilingHttp, ceilingPg, sampleIds, lifecycleLoop };
}
