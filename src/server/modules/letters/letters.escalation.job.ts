// Runs the deadline reminders and escalations of letter cases every hour as a background job (platform/jobs), on every server process (the alerts' key keeps them single).
import type { FastifyInstance } from 'fastify';
import { jobRegistryFor } from '../../platform/jobs/jobs';
import { clock } from './letters.clock';
import { runDeadlineAlerts } from './letters.escalation';

export const ALERTS_JOB = 'letter_deadline_alerts';
const EVERY_MS = 3_600_000;

/** One run as a job: its row says when it ran and how many alerts it recorded. */
export async function startDeadlineAlertsJob(app: FastifyInstance): Promise<string> {
  const db = app.database.db;
  const registry = jobRegistryFor(db, app.log);
  const job = await registry.create({ kind: ALERTS_JOB, createdBy: null, unitId: null });
  registry.start(job.id, async () => {
    const r = await runDeadlineAlerts(db, clock.now());
    return { status: 'succeeded', accepted: r.reminders + r.escalations, rejected: [], message: `${r.reminders} nhắc hạn, ${r.escalations} báo cáo quá hạn lên lãnh đạo` };
  });
  return job.id;
}

/** Called by main.ts once the server listens: a run now, then every hour; the timer does not keep the process alive. */
export function scheduleDeadlineAlerts(app: FastifyInstance): void {
  const run = () => startDeadlineAlertsJob(app).catch((err: unknown) => app.log.warn({ err }, 'letter deadline alerts failed'));
  void run();
  setInterval(() => void run(), EVERY_MS).unref();
}
