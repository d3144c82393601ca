// Test harness: one app on a real database per test file (in-memory PGlite, or a fresh PostgreSQL database when DATABASE_URL is set).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openDatabase, type Database, type Db } from '../db/client';
import { agencies, units } from '../db/schema';
import { seedDemo } from '../seed/demo';

export const TEST_PASSWORD = 'test-password-123';

export interface TestClient {
  request: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
  csrfToken: string | null;
  cookie: string | null;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: Database;
  /** The PostgreSQL database's URL (a second process's view of it); undefined on PGlite. */
  databaseUrl: string | undefined;
  /** The app's configuration (to build a second app on the same database). */
  config: ReturnType<typeof loadConfig>;
  /** A client signed in as the demo user `username` (see seed/demo-data.ts). */
  loginAs: (username: string) => Promise<TestClient>;
  /** A client with no session. */
  anonymous: () => TestClient;
  unitId: (code: string) => Promise<string>;
  agencyId: (code: string) => Promise<string>;
  /** Delivers the outbox: worker rounds (a batch each) until nothing is due at `now`. */
  drainOutbox: (now?: Date) => Promise<void>;
  close: () => Promise<void>;
}

async function freshPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { Client } = await import('pg');
  const name = `danvan_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function client(app: FastifyInstance, cookie: string | null, csrfToken: string | null): TestClient {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...(opts.headers ?? {}),
      },
    });
  const withBody = (method: 'POST' | 'PATCH' | 'PUT') => (url: string, body?: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
  return {
    request,
    get: (url, headers) => request({ method: 'GET', url, ...(headers ? { headers } : {}) }),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (url) => request({ method: 'DELETE', url }),
    csrfToken,
    cookie,
  };
}

/** `env` overrides configuration, e.g. a low sign-in rate limit for the test of that limit. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DANVAN_DEMO_PASSWORD: TEST_PASSWORD,
    DANVAN_WEB_DIR: './nonexistent',
    // Tests sign in many times a minute from one address; the limit itself has its own test.
    DANVAN_LOGIN_RATE_PER_MIN: '100000',
    ...env,
  });
  const pg = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined;
  const database = await openDatabase({ databaseUrl: pg?.url, dataDir: 'memory://' });
  await database.migrate();
  await seedDemo(database.db, TEST_PASSWORD);
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  const db = database.db;

  return {
    app,
    db,
    database,
    databaseUrl: pg?.url,
    config,
    anonymous: () => client(app, null, null),
    loginAs: async (username) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'dv_session');
      if (!setCookie) throw new Error('no session cookie');
      const body = res.json<{ csrfToken: string }>();
      return client(app, `dv_session=${setCookie.value}`, body.csrfToken);
    },
    unitId: async (code) => {
      const [u] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
      if (!u) throw new Error(`no unit ${code}`);
      return u.id;
    },
    agencyId: async (code) => {
      const [a] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
      if (!a) throw new Error(`no agency ${code}`);
      return a.id;
    },
    drainOutbox: async (now) => {
      while ((await app.notifier.runOnce(now)).claimed > 0);
    },
    close: async () => {
      await app.close();
      await database.close();
      await pg?.drop();
    },
  };
}
