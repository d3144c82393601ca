// The letters benchmark's load generator, a process of its own: the ceiling (runner.mjs), whole
// letter lifecycles through the HTTP API in 4 requests (recorded at the desk and classified at once,
// accepted naming the handler, reported, answered), and the duplicate suggestions for new letters (a commune's desk officer and
// the province's leader). Usage: node bench/lib/letters-load.mjs CONFIG.json RESULT.json (bench/letters.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { benchWriter } from './letters-people.mjs';
import { sample } from './procstat.mjs';
import { log, runner } from './runner.mjs';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { out, phase, call, login, actionHeaders, throughput, ceilingHttp, ceilingPg, sampleIds, lifecycleLoop } = runner(cfg, Math.max(cfg.lookupConcurrency, cfg.lifecycleConcurrency * 2) + 8);

const PETITION_CHECKS = { inVietnamese: true, dated: true, writerIdentified: true, statesContent: true };
/** A lifecycle's requests: the desk records and classifies the letter, the leader accepts it naming the handler, the handler reports, the leader answers. */
const STEPS = ['record_classify', 'accept_assign', 'submit_report', 'answer'];
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const pick = (a) => a[Math.floor(Math.random() * a.length)];

/** A new petition about a road, water or lights, different every time (the content sketch and the trigram index are written for each). */
function petition(i) {
  const place = `${pick(['thôn Đông', 'thôn Tây', 'xóm Chùa', 'xóm Bến', 'ấp Bình An'])} ${1 + (i % 12)}`;
  return {
    channel: pick(['desk', 'post']),
    dated: true,
    signed: true,
    subject: pick(['Kiến nghị sửa chữa đường giao thông', 'Kiến nghị về nước sạch sinh hoạt', 'Đề nghị lắp đèn chiếu sáng']),
    content: `${pick(['Kính gửi Ủy ban nhân dân xã.', 'Tôi xin trình bày như sau.'])} Đoạn đường từ ${place} ra chợ dài khoảng ${100 + (i % 900)} mét đã xuống cấp từ năm ${2010 + (i % 15)}. ${pick(['Mùa mưa nước ngập sâu.', 'Xe tải chở vật liệu chạy nhiều làm hỏng mặt đường.', 'Học sinh đi học rất nguy hiểm.'])} Đề nghị xã sớm đưa vào kế hoạch sửa chữa, nhân dân sẵn sàng đóng góp ngày công. Mã đơn ${i}.`,
    target: 'Ủy ban nhân dân xã',
    writer: benchWriter(1 + (i % cfg.writers)),
  };
}

async function lifecycles(teams) {
  let n = 0;
  const r = await lifecycleLoop(STEPS, async (worker, step) => {
    const t = teams[worker % teams.length];
    const letter = petition(n++);
    const classification = { cases: [{ type: 'petition', summary: letter.subject, target: 'Ủy ban nhân dân xã', checks: PETITION_CHECKS }] };
    // Recorded as an integration would, with the minimal answer (the letter's and its case's ids and states) unless the run measures whole pages.
    const rec = await step('record_classify', () => call('POST', '/api/letters', { headers: actionHeaders(t.desk), body: { ...letter, classification }, expect: 201, what: 'record_classify' }));
    const caseId = rec.letter.cases[0].id;
    // The case's actions too (--answer view: the pages).
    const act = (name, kind, who, body) => step(name, () => call('POST', `/api/letter-cases/${caseId}/actions/${kind}`, { headers: actionHeaders(who), body, what: name }));
    await act('accept_assign', 'accept', t.leader, { assigneeId: t.specialistId });
    await act('submit_report', 'submit_report', t.specialist, { data: { report: 'Đã kiểm tra thực địa: mặt đường hư hỏng khoảng 200 m², đề xuất đưa vào kế hoạch năm tới.' } });
    const done = await act('answer', 'answer', t.leader, {
      data: { answer: 'Ủy ban nhân dân xã đưa tuyến đường vào kế hoạch sửa chữa quý tới.', documentNumber: '12/UBND-VP', documentDate: today, signer: 'Chủ tịch UBND xã' },
    });
    if (done.state !== 'answered') throw new Error(`lifecycle ended in ${done.state}`);
  });
  return { ...r, teams: teams.length };
}

/**
 * New letters that repeat generated ones (reworded: another opening, the last sentence left out), each
 * recorded at the desk of the unit that received the original, half of them by the original's writer
 * when it is known to the pool; recorded before the phase, not timed.
 */
async function newRepeats(db, teams, count) {
  const units = teams.map((t) => t.unitId);
  const { rows } = await db.query(
    `select l.unit_id, l.subject, l.content, l.target, w.i as writer_no
     from (select * from letters where unit_id = any($1) and state <> 'received' order by random() limit $2) l
     left join bench_writers w on w.keys = l.writer_keys and w.i > 0`,
    [units, count],
  );
  const out = [];
  for (const [i, r] of rows.entries()) {
    const t = teams.find((x) => x.unitId === r.unit_id);
    const sentences = r.content.split('. ');
    const body = {
      channel: 'post',
      dated: true,
      signed: true,
      subject: r.subject ?? undefined,
      content: `Tôi gửi lại đơn vì chưa được giải quyết. ${sentences.slice(1, -1).join('. ')}.`,
      target: r.target ?? undefined,
      writer: benchWriter(r.writer_no && i % 2 === 0 ? r.writer_no : 1 + Math.floor(Math.random() * cfg.writers)),
    };
    const rec = await call('POST', '/api/letters', { headers: t.desk.write(), body, expect: 201, what: 'record a repeat' });
    out.push({ id: rec.letter.id, team: t });
  }
  return out;
}

/** GET /api/letters/:id/duplicates for the new letters, by `who` (the letter's desk officer, or one account for all). */
async function suggestions(letters, who) {
  let found = 0;
  let total = 0;
  const r = await throughput(async () => {
    const l = pick(letters);
    const s = who ? who : l.team.desk;
    const res = await call('GET', `/api/letters/${l.id}/duplicates`, { headers: s.read, what: 'duplicates' });
    total += 1;
    if (res.items.length) found += 1;
  }, cfg.suggestionConcurrency);
  return { ...r, withSuggestions: total ? found / total : null, letters: letters.length };
}

/**
 * What every lifecycle of the phase cost, warm-up and the last ones included (the closed loops let
 * every started lifecycle finish, each records one letter): the server's and PostgreSQL's CPU
 * milliseconds and, with --pg-stats, the statements PostgreSQL ran (the notification worker's
 * included, sign-ins left out), in all and per statement.
 */
async function perLifecycle(db, run) {
  const count = async () => (await db.query('select count(*)::int as n from letters /* bench */')).rows[0].n;
  if (cfg.pgStats) await db.query('select pg_stat_statements_reset() /* bench */');
  const n0 = await count();
  const a = sample({ server: cfg.pids.server, postgres: cfg.pids.postgres });
  const result = await run();
  const b = sample({ server: cfg.pids.server, postgres: cfg.pids.postgres });
  const n = (await count()) - n0;
  const ms = (k) => (n ? Math.round(((b.trees[k] - a.trees[k]) * 1000) / n) : null);
  const cost = { lifecycles: n, serverCpuMs: ms('server'), postgresCpuMs: ms('postgres') };
  if (cfg.pgStats && n) {
    const { rows } = await db.query(
      `select calls::int, round(total_exec_time::numeric, 1)::float as total_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 200) as query
       from pg_stat_statements where query not like '%/* bench */%' order by calls desc`,
    );
    const total = rows.reduce((t, r) => t + r.calls, 0);
    cost.statements = Math.round((10 * total) / n) / 10;
    cost.statementMs = Math.round((100 * rows.reduce((t, r) => t + r.total_ms, 0)) / n) / 100;
    cost.byStatement = rows.filter((r) => r.calls >= n / 4).map((r) => ({ perLifecycle: Math.round((100 * r.calls) / n) / 100, msPerLifecycle: Math.round((100 * r.total_ms) / n) / 100, query: r.query }));
  }
  log(`per lifecycle: ${JSON.stringify({ ...cost, byStatement: undefined })}`);
  return { ...result, perLifecycle: cost };
}

// ---------- the run ----------
const db = new pg.Client({ connectionString: cfg.dbUrl });
await db.connect();
const ids = await sampleIds(db, 'letters');
log(`sample: ${ids.length} letter ids`);
const teamsWanted = Math.min(cfg.lifecycleConcurrency, cfg.staff.length);
const teams = [];
for (const s of cfg.staff.slice(0, teamsWanted))
  teams.push({ unitId: s.unitId, specialistId: s.specialistId, desk: await login(s.desk), leader: await login(s.leader), specialist: await login(s.specialist) });
const province = await login(cfg.provinceUser);
log(`signed in: ${teams.length * 3 + 1} staff sessions`);

const want = (p) => !cfg.phases || cfg.phases.includes(p);
if (want('ceiling')) {
  await phase('ceilingHttp', ceilingHttp);
  await phase('ceilingPg', () => ceilingPg('letters', ids));
}
if (want('lifecycles')) await phase('lifecycles', () => perLifecycle(db, () => lifecycles(teams)));
if (want('duplicates')) {
  const repeats = await newRepeats(db, teams, 120);
  log(`${repeats.length} new letters repeating generated ones`);
  if (repeats.length) {
    await phase('duplicates', () => suggestions(repeats, null));
    await phase('duplicatesProvince', () => suggestions(repeats, province));
  }
}
await db.end();
writeFileSync(process.argv[3], JSON.stringify(out, null, 2));
