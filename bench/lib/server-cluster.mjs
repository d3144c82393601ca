// The product's server as a cluster of Node processes sharing one port (node:cluster): the server
// is stateless (sessions, idempotency keys and data are in PostgreSQL), so this is a production
// setup; only the rate limits are counted per process. Usage: node bench/lib/server-cluster.mjs N
// with the server's environment. Each worker runs src/server/main.ts through tsx.
import cluster from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const n = Number(process.argv[2] ?? 2);

if (cluster.isPrimary) {
  cluster.setupPrimary({ exec: path.join(root, 'src/server/main.ts'), execArgv: ['--import', 'tsx'] });
  for (let i = 0; i < n; i++) cluster.fork();
  let stopping = false;
  cluster.on('exit', (w, code) => {
    if (!stopping) {
      console.error(`[server-cluster] worker ${w.process.pid} exited (${code}); stopping`);
      process.exit(1);
    }
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 3000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
