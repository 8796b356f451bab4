import { defineConfig } from 'vitest/config';

// Tests spawn real processes (the real `claude` binary among them), so they get
// generous timeouts and a small worker pool: the CI machine has 2 cores.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
