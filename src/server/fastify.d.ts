// Request decorations added by the platform plugins.
import 'fastify';
import type { Actor } from './platform/auth/actor';
import type { Database } from './db/client';
import type { Config } from './config';
import type { CitizenRow } from './modules/citizens/citizens.sessions';
import type { NotificationWorker } from './platform/notify/worker';
import type { Forgetting } from './db/notified-cache';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionTokenHash: string | null;
    csrfToken: string | null;
    /** The signed-in citizen (cookie dv_citizen), on /api/citizen/ and /api/public/ routes only. */
    citizen: CitizenRow | null;
    citizenToken: string | null;
    citizenCsrfToken: string | null;
  }
  interface FastifyInstance {
    database: Database;
    config: Config;
    notifier: NotificationWorker;
    /** Signed-in sessions kept for a few seconds (platform/auth/session-cache.ts). */
    sessionCache: Forgetting;
  }
}
