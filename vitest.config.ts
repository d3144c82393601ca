// Unit and HTTP-level tests. Each test file reuses one database (PGlite by default, PostgreSQL with DATABASE_URL).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CI asks for a JSON report too, to print one closing line of counts over every suite.
    reporters: process.env.DANVAN_TEST_REPORT ? ['default', ['json', { outputFile: process.env.DANVAN_TEST_REPORT }]] : ['default'],
  },
});
