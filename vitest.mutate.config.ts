import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (npm run mutate): the unit tests of
// the mutated modules and the quick fixture tests that drive them through a real
// process, so a mutant is judged in seconds. `npm test` runs these and the rest.
export default defineConfig({
  test: {
    include: [
      'test/agents/claude/verdict.test.ts',
      'test/process/build-result.test.ts',
      'test/process/result-shape.test.ts',
      'test/process/ending-message.test.ts',
      'test/process/lifecycle.test.ts',
      'test/process/output.test.ts',
      'test/process/output-faults.test.ts',
      'test/process/listeners.test.ts',
      'test/process/stdin.test.ts',
      'test/process/spawn-errors.test.ts',
      'test/process/watch/idle-timeout.test.ts',
      'test/process/watch/resource-limits.test.ts',
      'test/strategies/retry-policy.test.ts',
      'test/strategies/backoff.test.ts',
      'test/strategies/run-tracked.test.ts',
      'test/strategies/never-reject.test.ts',
      'test/strategies/limiter.test.ts',
      'test/strategies/run-sequential.test.ts',
      'test/strategies/run-with-fallback.test.ts',
      'test/strategies/run-batched.test.ts',
      'test/strategies/run-parallel.test.ts',
      'test/strategies/cancellation.test.ts',
      'test/strategies/task-specs.test.ts',
      'test/strategies/misuse.test.ts',
      'test/process/termination.test.ts',
      'test/process/terminate/*.test.ts',
      'test/session/record-writer.test.ts',
      'test/session/line-file.test.ts',
      'test/admission/aimd.test.ts',
      'test/admission/local-admission.test.ts',
      'test/admission/local-admission-pressure.test.ts',
      'test/admission/options.test.ts',
      'test/budget/budget.test.ts',
      'test/budget/options.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
