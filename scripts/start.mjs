// `npm start`: builds the web app when it is missing or older than its sources, then runs the server
// (TypeScript through tsx) in its place: stdio inherited, SIGINT/SIGTERM forwarded once, same exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const DEFAULT_WEB_DIR = './dist/web';
const webDir = path.resolve(process.env.DANVAN_WEB_DIR || DEFAULT_WEB_DIR);
const webIndex = path.join(webDir, 'index.html');
const webSources = ['src/web', 'src/common'].map((d) => path.join(root, d));
const viteConfigs = ['vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'].map((f) => path.join(root, f));

const warn = (msg) => console.error(`[start] ${msg}`);

/** Newest modification time (ms) of any file under the given paths; 0 when there are none. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) visit(path.join(p, e));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  paths.forEach(visit);
  return newest;
}

function webBuildNeeded() {
  if (!existsSync(webIndex)) return 'missing';
  const built = statSync(webIndex).mtimeMs;
  return newestMtime([...webSources, ...viteConfigs]) > built ? 'stale' : null;
}

function ensureWebBuilt() {
  const customDir = path.resolve(DEFAULT_WEB_DIR) !== webDir;
  const hasWebSource = existsSync(path.join(root, 'src/web/index.html'));
  const reason = webBuildNeeded();
  if (!reason) return;
  if (customDir) {
    if (reason === 'missing') warn(`Không thấy giao diện web tại ${webDir} / no web app at ${webDir} (DANVAN_WEB_DIR); serving the API only.`);
    return; // a custom folder is the operator's build: never overwrite it
  }
  if (!hasWebSource) {
    warn('Chưa có mã nguồn giao diện web (src/web) / the web app source (src/web) does not exist yet: starting the API only.');
    return;
  }
  const vite = path.join(root, 'node_modules/.bin/vite');
  if (!existsSync(vite)) {
    warn(`Không có vite để dựng giao diện web (cài đủ devDependencies bằng "npm ci") / vite is not installed, cannot build the web app (run "npm ci").`);
    if (reason === 'missing') warn('Starting the API only.');
    return;
  }
  console.error(
    reason === 'missing'
      ? '[start] Đang dựng giao diện web lần đầu, có thể mất đến một phút… / Building the web app for the first time (up to a minute)…'
      : '[start] Mã nguồn giao diện web đã thay đổi, đang dựng lại… / The web app sources changed, rebuilding…',
  );
  const t0 = Date.now();
  const r = spawnSync(vite, ['build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
  if (r.status === 0 && existsSync(webIndex)) {
    console.error(`[start] Đã dựng xong giao diện web / web app built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  if (r.status === 0) {
    warn(`vite build finished but ${webIndex} was not written: check build.outDir in the vite config.`);
    return;
  }
  if (reason === 'stale') {
    warn('Dựng giao diện web thất bại; dùng bản dựng cũ / web build failed; serving the previous build.');
    return;
  }
  warn('Dựng giao diện web thất bại (xem ở trên); chỉ chạy API / the web app build failed (see above): starting the API only.');
}

ensureWebBuilt();

// The server runs in its own process group so that a Ctrl-C in the terminal reaches it once, through us:
// a second SIGINT during its shutdown would kill it before the database is closed.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  detached: true,
});

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
let forwardedAt = 0;
for (const sig of Object.keys(SIGNALS)) {
  process.on(sig, () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const now = Date.now();
    // Duplicates (terminal + npm) arrive together: forward the first; a repeat a second later forces the stop.
    if (forwardedAt && now - forwardedAt < 1000) return;
    const toSend = forwardedAt ? 'SIGKILL' : sig === 'SIGHUP' ? 'SIGTERM' : sig;
    forwardedAt = now;
    try {
      server.kill(toSend);
    } catch {
      /* already gone */
    }
  });
}
// If we exit for another reason, do not leave the server behind.
process.on('exit', () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
});

server.on('error', (err) => {
  console.error(`Không chạy được máy chủ / could not run the server: ${err.message}`);
  process.exit(1);
});
server.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (SIGNALS[signal] ?? (signal === 'SIGKILL' ? 9 : 1)));
});
