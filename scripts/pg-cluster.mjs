// A throwaway PostgreSQL cluster for tests: initdb in a fresh temp folder, a free port on
// 127.0.0.1, trust auth, no fsync. stop() stops only this cluster and removes its folder.
// The benchmark passes its own folder (kept, reused when it already holds a cluster), a port and
// durable settings instead of the test defaults.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PG_VERSION = 15;
export const PG_BIN = process.env.DANVAN_PG_BIN ?? `/usr/lib/postgresql/${PG_VERSION}/bin`;
const EXTENSION_DIR = `/usr/share/postgresql/${PG_VERSION}/extension`;

export class PgSetupError extends Error {}

/** Throws PgSetupError with install instructions when the binaries or the contrib extensions are missing. */
export function checkPostgresInstalled() {
  const install =
    `  Debian/Ubuntu: apt-get update && apt-get install -y postgresql-${PG_VERSION} postgresql-contrib\n` +
    '  (hoặc đặt DATABASE_URL trỏ tới một PostgreSQL 15+ có sẵn / or set DATABASE_URL to an existing PostgreSQL 15+)';
  if (!existsSync(path.join(PG_BIN, 'initdb')) || !existsSync(path.join(PG_BIN, 'pg_ctl'))) {
    throw new PgSetupError(
      `Không tìm thấy PostgreSQL ${PG_VERSION} tại ${PG_BIN} / PostgreSQL ${PG_VERSION} binaries not found in ${PG_BIN}.\n${install}`,
    );
  }
  // Only check the extension folder when using the Debian layout it belongs to.
  if (!process.env.DANVAN_PG_BIN) {
    for (const ext of ['unaccent', 'pg_trgm']) {
      if (!existsSync(path.join(EXTENSION_DIR, `${ext}.control`))) {
        throw new PgSetupError(
          `Thiếu extension ${ext} (${EXTENSION_DIR}/${ext}.control) / the ${ext} extension is missing.\n${install}`,
        );
      }
    }
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary; as root it runs as the `postgres` user (initdb and postgres refuse root). */
function pgRun(bin, args) {
  const exe = path.join(PG_BIN, bin);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  return spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function postgresUser() {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) {
    throw new PgSetupError('Chạy bằng root nhưng không có người dùng "postgres" / running as root but there is no "postgres" user.');
  }
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** The tests' settings: speed over durability, a throwaway cluster loses nothing. */
export const TEST_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' };

/**
 * Starts a cluster and returns { url, socketUrl, port, dir, stop, reused }. stop() is synchronous and idempotent,
 * so that it can run from signal and exit handlers.
 * Options: `dir` keeps the cluster in that folder (created when missing, reused when it already
 * holds one, never removed); `port` instead of a free one; `settings` (postgresql.conf names and
 * values) replace TEST_SETTINGS.
 */
export async function startCluster({ log = console.error, dir: keepDir, port: fixedPort, settings = TEST_SETTINGS } = {}) {
  checkPostgresInstalled();
  const dir = keepDir ? path.resolve(keepDir) : mkdtempSync(path.join(os.tmpdir(), 'danvan-pg-'));
  if (keepDir) mkdirSync(dir, { recursive: true });
  const data = path.join(dir, 'data');
  const reused = existsSync(path.join(data, 'PG_VERSION'));
  const logFile = path.join(dir, 'postgres.log');
  let started = false;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (started) {
      const r = pgRun('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60']);
      if (r.status !== 0) log(`pg_ctl stop failed (${r.status}): ${r.stderr || r.stdout}`);
    }
    if (!keepDir) rmSync(dir, { recursive: true, force: true });
  };

  try {
    if (isRoot) {
      const { uid, gid } = postgresUser();
      chownSync(dir, uid, gid);
    }
    if (!reused) {
      const init = pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
      if (init.status !== 0) throw new Error(`initdb failed (${init.status}):\n${init.stderr}${init.stdout}`);
    }

    const port = fixedPort ?? (await freePort());
    const opts = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${dir}'`,
      ...Object.entries(settings).map(([k, v]) => `-c ${k}=${String(v).includes(' ') ? `'${v}'` : v}`),
    ].join(' ');
    started = true; // from here on, stop() must try pg_ctl stop even if start reports failure
    const start = pgRun('pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', opts]);
    if (start.status !== 0) {
      let tail = '';
      try {
        tail = readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
      } catch {
        /* no log */
      }
      throw new Error(`pg_ctl start failed (${start.status}):\n${start.stderr}${start.stdout}\n${tail}`);
    }
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    // The same database through the cluster's Unix socket (in `dir`), for a client on this machine.
    const socketUrl = `postgres://postgres@/postgres?host=${encodeURIComponent(dir)}&port=${port}`;
    return { url, socketUrl, port, dir, stop, reused };
  } catch (err) {
    stop();
    throw err;
  }
}
