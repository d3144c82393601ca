#!/usr/bin/env node
// Browser journeys: build the web app, start the server on a free port with a fresh data folder,
// run every tests/e2e/*.test.ts (one file after another) with node's test runner in Debian Chromium, always stop the server and clean up.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const PASSWORD = 'e2e-demo-password-2026';
// Where the web app is built for the journeys: dist/web, or E2E_WEB_DIR so that parallel runs do not share one build.
const webDir = path.resolve(root, process.env.E2E_WEB_DIR ?? 'dist/web');

function freePort(from = 3400, to = 3499) {
  return new Promise((resolve, reject) => {
    const tryPort = (port) => {
      if (port > to) return reject(new Error(`no free port in ${from}-${to}`));
      const srv = createServer();
      srv.once('error', () => tryPort(port + 1));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(port)));
    };
    tryPort(from + Math.floor(Math.random() * 40));
  });
}

async function waitHealthy(url, child, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms`);
}

function stop(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** tests/e2e/*.test.ts, the foundation journeys first, then the others by name. */
function allJourneyFiles() {
  const names = readdirSync(path.join(root, 'tests/e2e')).filter((n) => n.endsWith('.test.ts'));
  names.sort((a, b) => (a === 'journeys.test.ts' ? -1 : b === 'journeys.test.ts' ? 1 : a.localeCompare(b)));
  return names.map((n) => `tests/e2e/${n}`);
}

/**
 * A real SMTP server outside the product (src/server/testing/smtp-sink.server.ts) that writes what it receives to
 * `file`, so that a journey can read a sign-in code; null (with a warning) when it cannot start.
 */
async function startMailSink(dir) {
  const port = await freePort(2540, 2599);
  const file = path.join(dir, 'mail.jsonl');
  const [user, password] = ['e2e', 'e2e-mail-password'];
  const child = spawn(bin('tsx'), ['src/server/testing/smtp-sink.server.ts', String(port), file, user, password], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (b) => {
      out += b.toString();
      if (out.includes(`ready ${port}`)) resolve(true);
    });
    child.once('exit', () => resolve(false));
    setTimeout(() => resolve(false), 30_000);
  });
  if (!ready) {
    console.warn('» no SMTP sink: emails go to the server log, journeys that read them fail');
    await stop(child);
    return null;
  }
  return { child, file, url: `smtp://${user}:${password}@127.0.0.1:${port}` };
}

let server;
let mail;
let dataDir;
let passed = 0;
let failed = 0;
let exitCode = 1;
try {
  if (!process.argv.includes('--no-build')) {
    console.log('» building the web app');
    const build = spawnSync(bin('vite'), ['build', '--logLevel', 'warn', '--outDir', webDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }

  dataDir = mkdtempSync(path.join(tmpdir(), 'danvan-e2e-'));
  mail = await startMailSink(dataDir);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  console.log(`» starting the server on ${baseUrl} (data in ${dataDir})`);
  server = spawn(bin('tsx'), ['src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DANVAN_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DANVAN_DEMO_PASSWORD: PASSWORD,
      // The journeys sign in many times a minute from one address; the limit has its own API test.
      DANVAN_LOGIN_RATE_PER_MIN: '1000',
      DANVAN_LOG_LEVEL: process.env.DANVAN_LOG_LEVEL ?? 'warn',
      DANVAN_WEB_DIR: webDir,
      ...(mail ? { DANVAN_SMTP_URL: mail.url } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitHealthy(`${baseUrl}/api/health`, server);

  mkdirSync(path.join(root, 'test-results/e2e'), { recursive: true });
  const tapFile = path.join(dataDir, 'results.tap');
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      // journeys.test.ts first: the later files build on the data it creates.
      ...(files.length ? files : allJourneyFiles()),
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_PASSWORD: PASSWORD, ...(mail ? { E2E_MAIL_FILE: mail.file } : {}) },
    },
  );
  if (existsSync(tapFile)) {
    const tap = readFileSync(tapFile, 'utf8');
    passed = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
    failed = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
  }
  if (run.status !== 0 && failed === 0) failed = 1;
  exitCode = run.status === 0 && failed === 0 ? 0 : 1;
} catch (err) {
  console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  await stop(server);
  await stop(mail?.child);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
