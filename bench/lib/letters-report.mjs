// The letters benchmark's printed report: the machine, the dataset, the ceiling, the lifecycles and
// the duplicate suggestions with their targets and ratios, and who used the CPU (report.mjs helpers).
import { answersOf, ceilingRows, f0, lifecycleRows, ms, pass, ratio, reportPage } from './report.mjs';

export function letterReport(r) {
  const p = r.phases;
  const bare = p.ceilingHttp?.requests;
  const pk = p.ceilingPg?.requests;
  const rows = [];
  const row = (figure, value, target, vs, ok) => rows.push(`| ${figure} | ${value} | ${target} | ${vs} | ${pass(ok)} |`);
  ceilingRows(p, row);
  if (p.lifecycles) lifecycleRows(p.lifecycles, bare, row, `a petition from the desk to the answer: recorded and classified at once, accepted naming the handler, reported, answered; ${answersOf(p.lifecycles)}`);
  const cost = p.lifecycles?.perLifecycle;
  if (cost) {
    row(`CPU per lifecycle, server / PostgreSQL (all ${cost.lifecycles} lifecycles of the phase)`, `${cost.serverCpuMs} ms / ${cost.postgresCpuMs} ms`, '', '', null);
    if (cost.statements) row('Statements per lifecycle (pg_stat_statements, sign-ins left out)', `${cost.statements} (${cost.statementMs} ms of execution)`, '', '', null);
  }
  for (const [name, who] of [
    ['duplicates', "the commune's desk officer"],
    ['duplicatesProvince', "the province's leader (every commune in scope)"],
  ]) {
    const d = p[name]?.requests;
    if (!d) continue;
    const share = p[name].withSuggestions;
    row(`Duplicate suggestions for a new letter, ${who}: requests/s`, f0(d.perSecond), '', `${ratio(d.perSecond, pk?.perSecond)} of the PK reads`, null);
    row(`  p50 / p95 / p99`, `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.p99)}`, 'p95 < 50 ms', `${ratio(d.p95, bare?.p95)} the bare route's p95`, d.count > 0 && d.p95 < 50);
    row('  new letters with at least one suggestion', share === null ? '—' : `${Math.round(share * 100)}%`, '', '', null);
    if (d.errors) row('  failed', f0(d.errors), '0', `${JSON.stringify(d.statuses)} ${p[name].firstError ?? ''}`, false);
  }
  const ds = r.dataset;
  const byStatement = cost?.byStatement?.length
    ? ['', 'Statements of a lifecycle (calls and execution ms per lifecycle):', '', '| calls | ms | query |', '|---|---|---|', ...cost.byStatement.map((s) => `| ${s.perLifecycle} | ${s.msPerLifecycle} | ${s.query.replace(/\|/g, '\\|')} |`)]
    : [];
  return reportPage(r, {
    title: `Letters run of ${r.date}`,
    dataset: `${f0(ds.letters)} letters, ${f0(ds.cases)} cases, ${f0(ds.duplicates)} duplicates filed with a case, ${f0(ds.steps)} workflow steps, ${ds.units} units; database ${ds.size}, trigram index of the content ${ds.trigramIndex}, sketch bands (table and indexes) ${ds.sketchIndex}`,
    concurrent: `suggestions at ${r.options.suggestionConcurrency} connection(s), the ceiling`,
    rows,
  }) + byStatement.join('\n');
}
