// The bootstrap command as an operator runs it: refuses bad arguments, creates the first unit and admin once, never twice.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'danvan-bootstrap-'));
const tsx = path.resolve('node_modules/.bin/tsx');
const args = ['src/server/cli/bootstrap.ts', '--unit-code', '01', '--unit-name', 'Thành phố Hà Nội', '--kind', 'central_city', '--username', 'quantri'];
// The command always uses PGlite here: it is engine-agnostic, and DATABASE_URL in the PostgreSQL suite names the shared server.
const env = (password: string) => ({ ...process.env, DATABASE_URL: '', DANVAN_DATA_DIR: dataDir, DANVAN_ADMIN_PASSWORD: password });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function exitOf(password: string) {
  try {
    const out = await run(tsx, args, { env: env(password) });
    return { code: 0, text: out.stdout + out.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, text: e.stdout + e.stderr };
  }
}

it('creates the first unit and administrator, who can then sign in; a second run is refused', { timeout: 90_000 }, async () => {
  const weak = await exitOf('short');
  expect(weak.code).toBe(2);
  expect(weak.text).toContain('DANVAN_ADMIN_PASSWORD');

  const ok = await exitOf('a-long-admin-password');
  expect(ok.code).toBe(0);
  const again = await exitOf('a-long-admin-password');
  expect(again.code).toBe(1);
  expect(again.text).toContain('already has units');

  const config = loadConfig({ NODE_ENV: 'test', DANVAN_DEMO: 'off', DANVAN_WEB_DIR: './nonexistent' });
  const database = await openDatabase({ dataDir });
  const app = await buildApp({ config, database, logger: false });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: 'a-long-admin-password' } });
    expect(login.statusCode).toBe(200);
    const user = login.json<{ user: { grants: Array<{ role: string; unitName: string }> } }>().user;
    expect(user.grants).toEqual([expect.objectContaining({ role: 'admin', unitName: 'Thành phố Hà Nội' })]);
  } finally {
    await app.close();
    await database.close();
  }
});
