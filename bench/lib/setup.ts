// Prepares the benchmark database: the product's migrations, then the demo province and its
// accounts (seedDemo called explicitly: the server itself refuses demo data when NODE_ENV=production,
// and the benchmark's server runs in production mode). Run with tsx; DATABASE_URL is required.
import { count } from 'drizzle-orm';
import { openDatabase } from '../../src/server/db/client';
import { units } from '../../src/server/db/schema';
import { seedDemo } from '../../src/server/seed/demo';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const database = await openDatabase({ databaseUrl: url, dataDir: 'unused' });
try {
  await database.migrate();
  const [row] = await database.db.select({ n: count() }).from(units);
  if ((row?.n ?? 0) === 0) {
    await seedDemo(database.db, process.env.DANVAN_DEMO_PASSWORD ?? 'danvan-demo-2026');
    console.error('[bench] demo province seeded');
  }
} finally {
  await database.close();
}
