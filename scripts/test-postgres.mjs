// `npm run test:postgres`: the vitest suite against a real PostgreSQL.
// Uses DATABASE_URL when set; otherwise starts a throwaway cluster from the local PostgreSQL 15
// binaries and always stops and removes it afterwards (also on failure or Ctrl-C).
// Extra arguments go to vitest: `npm run test:postgres -- src/server/platform/auth`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PgSetupError, startCluster } from './pg-cluster.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

let cluster = null;
let databaseUrl = process.env.DATABASE_URL;

if (databaseUrl) {
  console.error(`test:postgres: dùng DATABASE_URL có sẵn / using the given DATABASE_URL (${redact(databaseUrl)})`);
} else {
  const t0 = Date.now();
  try {
    cluster = await startCluster();
  } catch (err) {
    console.error(err instanceof PgSetupError ? err.message : `Không khởi động được PostgreSQL tạm / could not start a throwaway PostgreSQL:\n${err.message}`);
    process.exit(1);
  }
  process.on('exit', () => cluster.stop()); // last resort; stop() is idempotent and synchronous
  databaseUrl = cluster.url;
  console.error(`test:postgres: PostgreSQL tạm / throwaway cluster at 127.0.0.1:${cluster.port} (${cluster.dir}), ready in ${Date.now() - t0} ms`);
}

const args = process.argv.slice(2);
if (args[0] === '--') args.shift();
const child = spawn(vitest, ['run', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: databaseUrl },
});

let gotSignal = null;
for (const sig of Object.keys(SIGNALS)) {
  process.on(sig, () => {
    // Ctrl-C reaches vitest through the terminal too; forwarding once more is harmless for vitest.
    gotSignal ??= sig;
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
}

child.on('error', (err) => {
  console.error(`Không chạy được vitest / could not run vitest (${vitest}): ${err.message}. Run "npm ci" first.`);
  finish(1);
});
child.on('exit', (code, signal) => {
  if (gotSignal) return finish(128 + SIGNALS[gotSignal]);
  finish(code ?? 128 + (SIGNALS[signal] ?? 1));
});

function finish(code) {
  if (cluster) {
    cluster.stop();
    console.error('test:postgres: PostgreSQL tạm đã dừng và xoá / throwaway cluster stopped and removed');
  }
  process.exit(code);
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'invalid URL';
  }
}
