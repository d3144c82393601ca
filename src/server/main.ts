// Start: config -> database -> migrate -> demo data -> listen.
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { DataDirLockedError } from './db/lock';
import { buildApp } from './app';
import { seedDemoIfEmpty } from './seed/demo';
import { purgeExpiredSessions } from './platform/auth/sessions';
import { purgeExpiredCitizenSessions } from './modules/citizens/citizens.sessions';
import { purgeExpiredOtps } from './modules/citizens/citizens.otp';
import { failOrphanedJobs } from './platform/jobs/jobs';
import { scheduleDeadlineAlerts } from './modules/letters/letters.escalation.job';
import { filesDir } from './platform/files/files.service';
import { scheduleStrayFileSweep } from './platform/files/files.sweep';
import { configureIdentityKey } from './platform/crypto/identity-key';
import { SealingKeyError } from './platform/crypto/sealed';

async function main() {
  const config = loadConfig();
  // Before anything is written: production refuses to start without the key that seals denouncers' identities.
  configureIdentityKey(config);
  const started = Date.now();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DANVAN_DATA_DIR, poolSize: config.DANVAN_DB_POOL, prepare: config.DANVAN_DB_PREPARE === 'on' });
  await database.migrate();
  const seeded = await seedDemoIfEmpty(database.db, config);
  await failOrphanedJobs(database.db, database.engine === 'pglite' ? 0 : 3600_000);
  const app = await buildApp({ config, database });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  // Delivers the outbox (email, text messages) in the background; stopped by app.close().
  app.notifier.start();
  // Reminds handlers of letter cases due soon and escalates overdue ones to their superiors, hourly.
  scheduleDeadlineAlerts(app);
  // Removes stored bytes that no file record names (a refused form's files, unfinished uploads) once a day old: an hour after start, then daily.
  scheduleStrayFileSweep(app, filesDir(config.DANVAN_DATA_DIR));
  const purge = () =>
    Promise.all([purgeExpiredSessions(database.db), purgeExpiredCitizenSessions(database.db), purgeExpiredOtps(database.db)]).catch((err: unknown) =>
      app.log.warn({ err }, 'session purge failed'),
    );
  void purge();
  setInterval(() => void purge(), 3600_000).unref();
  const where = database.engine === 'pglite' ? `PGlite in ${config.DANVAN_DATA_DIR}` : 'PostgreSQL';
  app.log.info(`Dân Vận Số ready at http://${config.HOST}:${config.PORT} (${where}) in ${Date.now() - started} ms`);
  if (seeded) {
    app.log.info(
      `Demo data created. Sign in as "admin" with the password from DANVAN_DEMO_PASSWORD${config.demoPasswordIsDefault ? ' (default: danvan-demo-2026)' : ''}.`,
    );
  }
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError || err instanceof SealingKeyError || (err instanceof Error && err.message.startsWith('Cấu hình'))) {
    console.error(err.message);
  } else {
    console.error('Không khởi động được Dân Vận Số / failed to start:', err);
  }
  process.exit(1);
});
