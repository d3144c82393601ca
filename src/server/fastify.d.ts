// Request decorations added by the platform plugins.
import 'fastify';
import type { Actor } from './platform/auth/actor';
import type { Database } from './db/client';
import type { Config } from './config';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionTokenHash: string | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
}
