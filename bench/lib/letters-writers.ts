// The benchmark's pool of letter writers (bench_writers): names, addresses, phones and ID numbers,
// each with the sealed identity and the keyed hashes the product itself computes (letters.identity.ts,
// under the benchmark's identity key), so that a letter sent through the API by writer i of the pool
// is recognised as the same writer as the generated letters of writer i. Row 0 is the anonymous writer.
// Run with tsx: DATABASE_URL, DANVAN_IDENTITY_KEY and BENCH_WRITERS (how many) are required. Idempotent.
import pg from 'pg';
import { configureIdentityKey } from '../../src/server/platform/crypto/identity-key';
import { identityOf, sealIdentity, writerKeys } from '../../src/server/modules/letters/letters.identity';
import { benchWriter } from './letters-people.mjs';

const url = process.env.DATABASE_URL;
const count = Number(process.env.BENCH_WRITERS ?? '100000');
if (!url) throw new Error('DATABASE_URL is required');
configureIdentityKey({ NODE_ENV: 'production', DANVAN_DATA_DIR: 'unused', DANVAN_IDENTITY_KEY: process.env.DANVAN_IDENTITY_KEY });

const c = new pg.Client({ connectionString: url });
await c.connect();
try {
  await c.query(`create table if not exists bench_writers (i int primary key, name text, address text, phone text, id_number text, sealed text not null, keys text[] not null)`);
  const { rows } = await c.query<{ n: number }>('select count(*)::int as n from bench_writers');
  if ((rows[0]?.n ?? 0) < count + 1) {
    await c.query('truncate bench_writers');
    const batch = 10_000;
    for (let from = 0; from <= count; from += batch) {
      const cols: unknown[][] = [[], [], [], [], [], [], []];
      for (let i = from; i < Math.min(count + 1, from + batch); i++) {
        const w = i === 0 ? {} : benchWriter(i);
        const id = identityOf(w, []);
        const values = [i, id.name ?? null, id.address ?? null, id.phone ?? null, id.idNumber ?? null, sealIdentity(id), `{${writerKeys(id).join(',')}}`];
        values.forEach((v, k) => cols[k]?.push(v));
      }
      await c.query(
        `insert into bench_writers select x.i, x.name, x.address, x.phone, x.id_number, x.sealed, x.keys::text[]
         from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as x(i, name, address, phone, id_number, sealed, keys)
         on conflict (i) do nothing`,
        cols,
      );
    }
    console.error(`[bench] ${count} letter writers sealed and keyed`);
  }
} finally {
  await c.end();
}
