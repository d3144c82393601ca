// Environment configuration, validated once at start with zod.
import { z } from 'zod';

const DEMO_PASSWORD_DEFAULT = 'danvan-demo-2026';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  // An empty value (`DATABASE_URL=`) means unset: the embedded database.
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  ),
  DANVAN_DATA_DIR: z.string().min(1).default('./data'),
  /** Connections to PostgreSQL per server process; each is a PostgreSQL backend process (keep processes × pool under max_connections). */
  DANVAN_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  /** Writes and locking reads as named statements, planned once per connection; `off` behind a pooler that cannot keep them (PgBouncer < 1.21 in transaction mode). */
  DANVAN_DB_PREPARE: z.enum(['on', 'off']).default('on'),
  DANVAN_SESSION_CACHE: z.enum(['on', 'off']).default('on'),
  DANVAN_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  DANVAN_DEMO_PASSWORD: z.string().min(8).default(DEMO_PASSWORD_DEFAULT),
  DANVAN_SESSION_HOURS: z.coerce.number().positive().default(12),
  /** Sign-in attempts allowed per client address per minute (accounts also lock after 5 failures). */
  DANVAN_LOGIN_RATE_PER_MIN: z.coerce.number().int().positive().default(20),
  DANVAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DANVAN_WEB_DIR: z.string().default('./dist/web'),
  /** Where citizens reach the web app (printed in QR codes on receipts); defaults to http://localhost:<PORT>. */
  DANVAN_PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
  /** 32 random bytes, base64 (`openssl rand -base64 32`): encrypts denouncers' identities. Required in production. */
  DANVAN_IDENTITY_KEY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'must be base64')
      .refine((v) => Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64').length === 32, 'must be 32 bytes (openssl rand -base64 32)')
      .optional(),
  ),
  /** Outgoing mail, e.g. smtp://user:pass@mail.example.vn:587 (STARTTLS when offered) or smtps://...:465; unset: emails go to the log. */
  DANVAN_SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^smtps?$/ }).optional()),
  /** The sender of notification emails. */
  DANVAN_MAIL_FROM: z.string().min(3).default('Dân Vận Số <no-reply@localhost>'),
});

export type Config = Omit<z.infer<typeof Env>, 'DANVAN_PUBLIC_URL'> & { DANVAN_PUBLIC_URL: string; demoPasswordIsDefault: boolean };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  const publicUrl = (parsed.data.DANVAN_PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, '');
  return { ...parsed.data, DANVAN_PUBLIC_URL: publicUrl, demoPasswordIsDefault: parsed.data.DANVAN_DEMO_PASSWORD === DEMO_PASSWORD_DEFAULT };
}
