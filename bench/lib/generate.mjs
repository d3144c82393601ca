// Bulk generation of the benchmark's dossiers with INSERT ... SELECT (see dossiers.sql.mjs): the
// secondary indexes of the big tables are dropped during the load and rebuilt after it (the unique
// ones then prove the codes and step numbers unique), foreign-key triggers are skipped for the load
// (the rows are consistent by construction), and everything is analysed at the end.
import pg from 'pg';
import * as S from './dossiers.sql.mjs';
import { ADD_AGENCIES, ADD_COMMUNES, ADD_STAFF, UNITS_VIEW } from './structure.sql.mjs';

const BIG_TABLES = ['dossiers', 'workflow_steps', 'audit_log', 'files', 'dossier_documents'];

/** Communes, agencies, staff accounts: idempotent. */
export async function ensureStructure(url, communes, log) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(ADD_COMMUNES, [communes]);
    await c.query(ADD_AGENCIES);
    await c.query(UNITS_VIEW);
    await c.query(ADD_STAFF);
    const { rows } = await c.query('select count(*)::int as n from bench_units');
    log(`structure: ${rows[0].n} units of the province (with the province itself), staff accounts bench.*`);
  } finally {
    await c.end();
  }
}

export async function timed(c, log, label, text, params) {
  const t0 = Date.now();
  const r = await c.query(text, params);
  const rows = Array.isArray(r) ? r.reduce((n, x) => n + (x.rowCount ?? 0), 0) : r.rowCount;
  log(`  ${label}: ${rows ?? ''} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * Runs `load` with the secondary indexes of `tables` dropped (rebuilt after it, whatever happened:
 * a failure then means the data broke a unique index), foreign-key triggers off, then vacuums and analyses `analyse`.
 */
export async function withoutIndexes(c, { tables, analyse = tables }, log, load) {
  await c.query("set session_replication_role = replica; set work_mem = '256MB'; set maintenance_work_mem = '1GB'");
  const { rows: dropped } = await c.query(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i join pg_class t on t.oid = i.indrelid
     where t.relname = any($1) and not i.indisprimary and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    [tables],
  );
  log(`  secondary indexes dropped during the load: ${dropped.length}`);
  try {
    for (const r of dropped) await c.query(`drop index ${r.name}`);
    await load();
  } finally {
    for (const r of dropped) {
      const t1 = Date.now();
      await c.query(r.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
      log(`  index ${r.name} rebuilt in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    }
  }
  const t1 = Date.now();
  await c.query(`vacuum (analyze) ${analyse.join(', ')}`);
  await c.query('checkpoint');
  log(`  vacuum, analyze and checkpoint in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
}

/** Generates `count` dossiers as of `now`; `provincialShare` of them at the province's own desk. */
export async function generateDossiers(url, { count, now, provincialShare = 0.12, audit = true, log }) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = Date.now();
  try {
    await c.query(S.PATHS);
    log(`generating ${count} dossiers`);
    await withoutIndexes(c, { tables: BIG_TABLES, analyse: [...BIG_TABLES, 'code_counters', 'dossier_ratings'] }, log, async () => {
      await timed(c, log, 'draft', S.DRAFT, [count, now.toISOString(), provincialShare]);
      await timed(c, log, 'due dates and outcomes', S.DRAFT_DUE);
      await timed(c, log, 'codes', S.DRAFT_CODES);
      await timed(c, log, 'dossiers', S.INSERT_DOSSIERS);
      await timed(c, log, 'workflow steps', S.INSERT_STEPS);
      if (audit) await timed(c, log, 'audit entries', S.INSERT_AUDIT);
      await timed(c, log, 'files and documents', S.INSERT_FILES);
      await timed(c, log, 'code counters', S.INSERT_COUNTERS);
      await timed(c, log, 'ratings', S.INSERT_RATINGS, [now.toISOString()]);
      await timed(c, log, 'statistics facts on the dossiers', S.STATS_FACTS);
      await c.query('drop table bench_draft');
    });
  } finally {
    await c.end();
  }
  log(`generated ${count} dossiers in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
