import { defineConfig } from 'vitest/config';

// Tests spawn real processes (the real `claude` binary among them), so they get
// generous timeouts and a small worker pool: the CI machine has 2 cores, shared
// with other test runs (one claude run can take 15 s there).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Marks every process the tests start; at the end, ends and reports any left running.
    globalSetup: ['test/setup/leaked-processes.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
