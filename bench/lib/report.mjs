// The benchmark's printed report: the machine, the dataset, one table of figures with their targets
// and their ratios to the ceiling, and who used the CPU in each phase.
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The kernel's huge pages (2 MiB) reserved for shared memory, as `used / total`, or null without them. */
function hugePages() {
  try {
    const info = readFileSync('/proc/meminfo', 'utf8');
    const n = (k) => Number(new RegExp(`${k}:\\s*(\\d+)`).exec(info)?.[1] ?? 0);
    const total = n('HugePages_Total');
    return total ? `${total - n('HugePages_Free') + n('HugePages_Rsvd')} of ${total} huge pages in use` : null;
  } catch {
    return null;
  }
}

export function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    /* not Linux */
  }
  return {
    cpu,
    cores: os.cpus().length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    hugePages: hugePages(),
  };
}

export const f0 = (x) => (x === null || x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
export const f1 = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));
export const ms = (x) => (x === null || x === undefined ? '—' : `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`);
export const ratio = (x, c) => (x === null || x === undefined || !c ? '—' : x / c >= 10 ? `${(x / c).toFixed(0)}×` : `${(x / c).toFixed(2)}×`);
export const pass = (ok) => (ok === null ? '' : ok ? 'pass' : 'FAIL');

/** The markdown table printed at the end of a run (and pasted into docs/benchmarks.md). */
export function report(r) {
  const p = r.phases;
  const bare = p.ceilingHttp?.requests;
  const pk = p.ceilingPg?.requests;
  const look = p.lookups?.requests;
  const life = p.lifecycles;
  const rows = [];
  const row = (figure, value, target, vs, ok) => rows.push(`| ${figure} | ${value} | ${target} | ${vs} | ${pass(ok)} |`);
  ceilingRows(p, row);
  if (look) {
    row('Status look-ups/s', f0(look.perSecond), '≥ 3,000', `${ratio(look.perSecond, bare?.perSecond)} of the bare route, ${ratio(look.perSecond, pk?.perSecond)} of the PK reads`, look.perSecond >= 3000);
    row('Status look-up p50', ms(look.p50), '', `${ratio(look.p50, bare?.p50)} the bare route's`, null);
    row('Status look-up p99', ms(look.p99), '< 50 ms', `${ratio(look.p99, bare?.p99)} the bare route's`, look.p99 < 50);
    if (look.errors) row('Status look-ups failed', f0(look.errors), '0', JSON.stringify(look.statuses), false);
  }
  // The issue's lifecycle (submit, accept, process, approve, return) is the commune workflow's; the standard one adds a transfer and an assignment.
  if (life) lifecycleRows(life, bare, row, `${life.workflow}, ${life.intake} intake: ${life.kinds.join(', ')}; ${answersOf(life)}`);
  const std = p.lifecycles_standard;
  if (std) lifecycleRows(std, bare, row, `${std.workflow}, ${std.intake} intake: ${std.kinds.join(', ')}; ${answersOf(std)}`, null);
  for (const [name, label, target] of [
    ['stats_unit', 'Province statistics for a year, by commune: p50 / max', 500],
    ['stats_month', 'Province statistics for a year, by month: p50 / max', 500],
    ['inbox', "Province leader's inbox, first page (50): p50 / max", null],
    ['counts', "Province leader's inbox counts: p50 / max", null],
  ]) {
    const s = p[name];
    if (!s) continue;
    if (!s.runs.count && s.first !== null) {
      row(`${label.replace(': p50 / max', '')} (one run)`, ms(s.first), target ? `< ${target} ms` : '', `${ratio(s.first, bare?.p50)} the bare route's`, target ? s.first < target : null);
      continue;
    }
    if (!s.runs.count) {
      row(label.replace(': p50 / max', ''), `not available (${s.runs.errors ? JSON.stringify(s.runs.statuses) : 'no answer'}: ${s.answer ?? ''})`, target ? `< ${target} ms` : '', '', target ? false : null);
      continue;
    }
    row(`${label} (first run ${ms(s.first)})`, `${ms(s.runs.p50)} / ${ms(s.runs.max)}`, target ? `< ${target} ms` : '', `${ratio(s.runs.p50, bare?.p50)} the bare route's`, target ? s.runs.max < target : null);
  }
  return reportPage(r, {
    title: `Run of ${r.date}`,
    dataset: `${f0(r.dataset.dossiers)} dossiers, ${f0(r.dataset.steps)} workflow steps, ${f0(r.dataset.audit)} audit entries, ${r.dataset.units} units; database ${r.dataset.size}`,
    concurrent: 'look-ups and ceiling',
    rows,
  });
}

/** The report around its table: the machine, the dataset, the run and PostgreSQL's settings, then who used the cores. */
export function reportPage(r, { title, dataset, concurrent, rows }) {
  const m = r.machine;
  return [
    '',
    `## ${title}`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.kernel}, PostgreSQL ${r.pgSettings.server_version}; ${m.hugePages ?? 'no huge pages'}; load average at the end ${m.loadAverage.join(' ')}.`,
    `Dataset: ${dataset}.`,
    `Run: ${r.options.seconds} s per phase after ${r.options.warmup} s of warm-up; ${concurrent} at ${r.options.lookupConcurrency} connections, lifecycles at ${r.options.lifecycleConcurrency}; server: ${r.options.serverProcs} Node process(es) with ${r.options.dbPool} PostgreSQL connections each, connected to PostgreSQL through ${r.connection ?? 'TCP on 127.0.0.1'}; ${r.pinned ? `the server on core ${r.pinned.server}, PostgreSQL and the load generator on core(s) ${r.pinned.others} (--pin server)` : 'no process pinned to a core (--pin none)'}.`,
    settingsLine(r.pgSettings),
    '',
    '| figure | value | target | ratio to the ceiling | |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...cpuAndStatements(r),
  ].join('\n');
}

/** The two ceiling figures (a bare Fastify route, a bare primary-key read) as the first rows of a table. */
export function ceilingRows(p, row) {
  const bare = p.ceilingHttp?.requests;
  const pk = p.ceilingPg?.requests;
  if (bare) {
    row('Ceiling: bare Fastify route, requests/s', f0(bare.perSecond), '', '1×', null);
    row('Ceiling: bare Fastify route, p50 / p99', `${ms(bare.p50)} / ${ms(bare.p99)}`, '', '1×', null);
  }
  if (pk) {
    row('Ceiling: PostgreSQL primary-key read (pg pool of 10), reads/s', f0(pk.perSecond), '', '1×', null);
    row('Ceiling: PostgreSQL primary-key read, p50 / p99', `${ms(pk.p50)} / ${ms(pk.p99)}`, '', '1×', null);
  }
}

/** Lifecycles per second (target 150) and the latency of each of their requests. */
/** What the lifecycles' actions were answered with (--answer). */
export const answersOf = (life) => (life.answer === 'view' ? 'whole pages' : 'minimal answers');

export function lifecycleRows(life, bare, row, what, target = 150) {
  const l = life.lifecycles;
  const k = life.requestsPerLifecycle;
  row(`Lifecycles/s (${k} requests each, ${what})`, f1(l.perSecond), target ? `≥ ${target}` : '', `${ratio(l.perSecond * k, bare?.perSecond)} of the bare route (requests)`, target ? l.perSecond >= target : null);
  row('Lifecycle p50 / p95 (whole lifecycle)', `${ms(l.p50)} / ${ms(l.p95)}`, '', `${ratio(l.p95, (bare?.p95 ?? 0) * k)} ${k} bare requests`, null);
  row('Lifecycle requests/s', f0(life.requests.perSecond), '', ratio(life.requests.perSecond, bare?.perSecond), null);
  for (const [kind, s] of Object.entries(life.perKind)) row(`  ${kind}: p50 / p95`, `${ms(s.p50)} / ${ms(s.p95)}`, '', `${ratio(s.p95, bare?.p95)} (p95)`, null);
  if (l.errors) row('Lifecycles failed', f0(l.errors), '0', `${JSON.stringify(l.statuses)} ${life.firstError ?? ''}`, false);
}

export const settingsLine = (pgSettings) =>
  `PostgreSQL: ${Object.entries(pgSettings).filter(([k]) => k !== 'server_version').map(([k, v]) => `${k}=${v}`).join(', ')}.`;

/** Who used the cores in each phase, and the top statements when pg_stat_statements ran. */
export function cpuAndStatements(r) {
  const p = r.phases;
  const m = r.machine;
  // CPU milliseconds per operation: what the figures would cost on a machine with nothing else to do.
  const per = (cores, s) => {
    const rate = s.lifecycles?.perSecond ?? s.requests?.perSecond;
    return rate && cores !== undefined ? `${((cores / rate) * 1000).toFixed(2)}` : '—';
  };
  const cpu = Object.entries(p).map(([name, s]) => {
    const c = s.cores ?? {};
    const op = s.lifecycles ? 'lifecycle' : 'request';
    const serving = name === 'ceilingHttp' ? c.bare : c.server;
    return `| ${name} | ${f1(c.server ?? null)} | ${f1(c.postgres ?? null)} | ${f1(c.client ?? null)} | ${f1(c.bare ?? null)} | ${f1(c.others ?? null)} | ${(s.loadBefore ?? []).join(' ')} | ${s.requests || s.lifecycles ? `${per(serving, s)} / ${per(c.postgres, s)} / ${per(c.client, s)} per ${op}` : ''} |`;
  });
  return [
    'Cores used during each phase (CPU seconds per second; the machine has ' + m.cores + '):',
    '',
    '| phase | server | PostgreSQL | load generator | bare route | other processes | load average before | CPU ms: server (or bare route) / PostgreSQL / load generator |',
    '|---|---|---|---|---|---|---|---|',
    ...cpu,
    '',
    ...(r.statements
      ? ['Top statements (pg_stat_statements, by total time):', '', '| calls | total ms | mean ms | planning ms | query |', '|---|---|---|---|---|', ...r.statements.map((s) => `| ${s.calls} | ${s.total_ms} | ${s.mean_ms} | ${s.plan_ms ?? '—'} | ${String(s.query).replace(/\|/g, '\\|')} |`), '']
      : []),
  ];
}
