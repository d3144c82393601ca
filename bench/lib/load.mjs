// The load generator, a process of its own: the ceiling (a bare Fastify route, a bare primary-key
// read), then the product: status look-ups, lifecycles, the province statistics and inbox.
// Usage: node bench/lib/load.mjs CONFIG.json RESULT.json (written by bench/dossiers.mjs).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { Recorder } from './http.mjs';
import { SECRET_SALT } from './dossiers.sql.mjs';
import { citizenIp, log, runner } from './runner.mjs';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { out, api, phase, call, login, actionHeaders, throughput, ceilingHttp, ceilingPg, lifecycleLoop } = runner(cfg, Math.max(cfg.lookupConcurrency, cfg.lifecycleConcurrency * 2) + 8);

const secretOf = (code, md5) => md5(code + SECRET_SALT).slice(0, 20).toUpperCase().match(/.{4}/g).join('-');

/** Status look-ups with the right secret, each from another citizen's address. */
const lookups = (codes) =>
  throughput(async () => {
    const c = codes[Math.floor(Math.random() * codes.length)];
    await call('GET', `/api/public/dossiers/${encodeURIComponent(c.code)}`, {
      headers: { 'x-tracking-secret': c.secret, 'x-forwarded-for': citizenIp() },
      what: 'track',
    });
  });

// ---------- lifecycles ----------
/** The requests of a lifecycle: the commune workflow's desk hands the dossier to the civil servant as it accepts; the standard one transfers and assigns after. */
function kindsOf(workflow, intake) {
  const handOn = workflow === 'one_stop_commune' ? [] : ['transfer', 'assign'];
  const open = intake === 'desk' ? ['intake_accept'] : cfg.upload === 'separate' ? ['upload', 'submit', 'accept'] : ['submit', 'accept'];
  return [...open, ...handOn, 'submit_for_approval', 'approve', 'return_result'];
}

/** A small PDF of --upload-bytes, different every time (an upload of identical bytes would only be stored once): a filler made once, its first 24 characters new for each. */
const PDF_HEAD = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ';
const pdfBase = Buffer.from(`${PDF_HEAD}${randomBytes(cfg.uploadBytes).toString('base64')}\n%%EOF\n`);
function pdf() {
  const out = Buffer.from(pdfBase);
  out.write(randomBytes(18).toString('base64'), PDF_HEAD.length, 'latin1');
  return out;
}

/** A multipart form: the text fields `fields`, then the file `content` in the field `file` (an upload) or `fileField`. */
function multipart(name, content, fields = {}, fileField = 'file') {
  const boundary = `----bench${randomUUID().replace(/-/g, '')}`;
  const text = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const head = Buffer.from(`${text}--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`);
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

const applicant = (i) => ({ name: 'Nguyễn Văn Đo', idNumber: `0010${String(900000000 + i).slice(-8)}`, phone: '0912345678' });

async function lifecycles(teams, procedureCode, workflow) {
  const kinds = kindsOf(workflow, cfg.intake);
  const commune = workflow === 'one_stop_commune';
  const handOn = (t) => (commune ? { toAgencyId: t.transferTo, assigneeId: t.specialistId } : {});
  let n = 0;
  const r = await lifecycleLoop(kinds, async (worker, step) => {
    const t = teams[worker % teams.length];
    let id;
    if (cfg.intake === 'desk') {
      const res = await step('intake_accept', () =>
        call('POST', '/api/dossiers', {
          headers: t.desk.write(),
          body: { procedureCode, unitId: t.unitId, applicant: applicant(n++), decision: 'accept', data: { copies: 1 }, ...handOn(t) },
          expect: 201,
        }),
      );
      id = res.dossier.id;
    } else if (cfg.upload !== 'separate') {
      // The dossier and its form in one request (POST /api/public/dossiers/with-files).
      const dossier = { procedureCode, unitId: t.unitId, applicant: applicant(n++), documents: [{ part: 'tokhai', name: 'Tờ khai' }] };
      const f = multipart('to-khai.pdf', pdf(), { dossier: JSON.stringify(dossier) }, 'tokhai');
      const sub = await step('submit', () =>
        call('POST', '/api/public/dossiers/with-files', {
          headers: { 'content-type': f.type, 'x-forwarded-for': citizenIp(), 'idempotency-key': randomUUID() },
          body: f.body,
          expect: 201,
        }),
      );
      id = sub.id;
      await step('accept', () => call('POST', `/api/dossiers/${id}/actions/accept`, { headers: actionHeaders(t.desk), body: { data: { copies: 1 }, ...handOn(t) }, what: 'accept' }));
    } else {
      const ip = citizenIp();
      const file = multipart('to-khai.pdf', pdf());
      const up = await step('upload', () =>
        call('POST', '/api/public/files', { headers: { 'content-type': file.type, 'x-forwarded-for': ip }, body: file.body, expect: 201 }),
      );
      const sub = await step('submit', () =>
        call('POST', '/api/public/dossiers', {
          headers: { 'x-forwarded-for': ip, 'idempotency-key': randomUUID() },
          body: { procedureCode, unitId: t.unitId, applicant: applicant(n++), documents: [{ fileId: up.id, name: 'Tờ khai' }] },
          expect: 201,
        }),
      );
      id = sub.id;
      await step('accept', () => call('POST', `/api/dossiers/${id}/actions/accept`, { headers: actionHeaders(t.desk), body: { data: { copies: 1 }, ...handOn(t) }, what: 'accept' }));
    }
    const act = (kind, who, body) => step(kind, () => call('POST', `/api/dossiers/${id}/actions/${kind}`, { headers: actionHeaders(who), body, what: kind }));
    if (!commune) {
      await act('transfer', t.desk, { toAgencyId: t.transferTo });
      await act('assign', t.leader, { assigneeId: t.specialistId });
    }
    await act('submit_for_approval', t.specialist, { note: 'Hồ sơ đủ điều kiện' });
    await act('approve', t.leader, { data: { decisionNo: '15/GXN-UBND' } });
    const done = await act('return_result', t.desk, { data: { feesCollected: 0 } });
    if (done.state !== 'returned') throw new Error(`lifecycle ended in ${done.state}`);
  });
  const kb = `${Math.round(pdfBase.length / 1000)} kB`;
  const intake = cfg.intake === 'desk' ? 'desk' : cfg.upload === 'separate' ? `online (a ${kb} form uploaded first)` : `online (a ${kb} form in the submission)`;
  return { ...r, teams: teams.length, intake, procedureCode, workflow, kinds };
}

// ---------- statistics and inbox (one user, one request after the other) ----------
async function repeated(runs, path, headers) {
  const rec = new Recorder();
  let first = null;
  let body = null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await api.send('GET', path, { headers });
    const ms = performance.now() - t0;
    if (res.status !== 200) {
      rec.fail(res.status);
      body = res.body.slice(0, 300);
      continue;
    }
    if (i === 0) first = ms;
    else rec.add(ms);
    body ??= res.body.length;
  }
  return { runs: rec.summary(null), first, path, answer: typeof body === 'number' ? `${body} bytes` : body };
}

function localDate(d) {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

// ---------- the run ----------
const db = new pg.Client({ connectionString: cfg.dbUrl });
await db.connect();
// Random samples of about 50,000 rows (TABLESAMPLE reads only the pages it picks).
const [{ n: total }] = (await db.query('select count(*)::int as n from dossiers')).rows;
const pct = Math.min(100, (100 * 60_000) / Math.max(1, total));
const { rows: idRows } = await db.query(`select id from dossiers tablesample system (${pct}) limit 50000`);
const workflowOf = async (code) => (await db.query('select workflow_code as w from procedures where code = $1', [code])).rows[0]?.w ?? 'one_stop_standard';
const procedures = { commune: { code: cfg.procedureCode, workflow: await workflowOf(cfg.procedureCode) }, standard: { code: cfg.standardProcedureCode, workflow: await workflowOf(cfg.standardProcedureCode) } };
const { rows: codeRows } = await db.query(
  `select code from dossiers tablesample system (${pct})
   where secret_hash = encode(sha256(convert_to(upper(substr(md5(code || $1), 1, 20)), 'UTF8')), 'hex') limit 50000`,
  [SECRET_SALT],
);
await db.end();
const { createHash } = await import('node:crypto');
const md5 = (s) => createHash('md5').update(s).digest('hex');
const codes = codeRows.map((r) => ({ code: r.code, secret: secretOf(r.code, md5) }));
const ids = idRows.map((r) => r.id);
log(`sample: ${ids.length} ids, ${codes.length} codes with known secrets`);

const teamsWanted = Math.min(cfg.lifecycleConcurrency, cfg.staff.length);
const teams = [];
for (const s of cfg.staff.slice(0, teamsWanted)) {
  teams.push({ unitId: s.unitId, transferTo: s.transferTo, specialistId: s.specialistId, desk: await login(s.desk), leader: await login(s.leader), specialist: await login(s.specialist) });
}
const province = await login(cfg.provinceUser);
log(`signed in: ${teams.length * 3 + 1} staff sessions`);

const only = cfg.phases;
const want = (p) => !only || only.includes(p);
if (want('ceiling')) {
  await phase('ceilingHttp', ceilingHttp);
  await phase('ceilingPg', () => ceilingPg('dossiers', ids));
}
if (want('lookups')) await phase('lookups', () => lookups(codes));
if (want('lifecycles')) await phase('lifecycles', () => lifecycles(teams, procedures.commune.code, procedures.commune.workflow));
if (want('lifecycles_standard')) await phase('lifecycles_standard', () => lifecycles(teams, procedures.standard.code, procedures.standard.workflow));
if (want('stats')) {
  const to = localDate(new Date());
  const from = localDate(new Date(Date.now() - 365 * 86400_000));
  for (const groupBy of ['unit', 'month']) {
    await phase(`stats_${groupBy}`, () => repeated(cfg.statsRuns, `/api/dossiers/stats?groupBy=${groupBy}&from=${from}&to=${to}`, province.read));
  }
  await phase('inbox', () => repeated(cfg.statsRuns, '/api/dossiers?limit=50', province.read));
  await phase('counts', () => repeated(cfg.statsRuns, '/api/dossiers/counts', province.read));
}
api.close();
writeFileSync(process.argv[3], JSON.stringify(out, null, 2));
