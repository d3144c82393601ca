// PostgreSQL settings of the benchmark cluster: durable (fsync, synchronous_commit and full-page
// writes on, as in production), sized for a 2-core, 24 GB machine that also runs the Node server.

/** Settings passed to the cluster; each is explained in docs/benchmarks.md. */
export const DURABLE_SETTINGS = {
  // Durability: the defaults, stated so that nobody wonders. A commit waits for its WAL flush.
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  max_connections: '100',
  // Memory: a sixth of the RAM for PostgreSQL's cache, the kernel's cache for the rest.
  shared_buffers: '4GB',
  effective_cache_size: '16GB',
  // Huge pages when the kernel has them (sysctl vm.nr_hugepages, see docs/benchmarks.md): 4 GB of
  // shared buffers in 4 KiB pages cost every new backend and parallel worker a page fault per page
  // it touches, and every process TLB misses (the province statistics: 450 → 390 ms serial).
  huge_pages: 'try',
  work_mem: '32MB',
  maintenance_work_mem: '1GB',
  // WAL: fewer checkpoints during the bulk load and the runs; LZ4 keeps full-page images small.
  wal_compression: 'lz4',
  max_wal_size: '8GB',
  checkpoint_timeout: '15min',
  checkpoint_completion_target: '0.9',
  // Local SSD.
  random_page_cost: '1.1',
  effective_io_concurrency: '200',
  // Two cores: at most one helper per query, and no JIT (compiling costs more than it saves on these short queries).
  max_parallel_workers_per_gather: '1',
  jit: 'off',
  // Autovacuum looks at each database every 15 s instead of every minute: a province's tables change
  // all day, and the statistics' index-only scans read the table for every page a vacuum has not yet
  // marked all-visible again (docs/benchmarks.md, "Eleventh round").
  autovacuum_naptime: '15s',
};

/** Adds pg_stat_statements (for profiling runs: --pg-stats). */
export function withStatements(settings) {
  return { ...settings, shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'top', 'pg_stat_statements.track_planning': 'on' };
}

/** The settings that matter to a reader, as `name = value` lines, read back from the running server. */
export const REPORTED_SETTINGS = [
  'server_version',
  'fsync',
  'synchronous_commit',
  'full_page_writes',
  'wal_sync_method',
  'shared_buffers',
  'huge_pages',
  'effective_cache_size',
  'work_mem',
  'max_wal_size',
  'wal_compression',
  'random_page_cost',
  'max_parallel_workers_per_gather',
  'jit',
  'autovacuum_naptime',
];
