import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBatched } from '../../src/strategies/run-batched.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import { runWithFallback } from '../../src/strategies/run-with-fallback.js';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

/** Each strategy, called with the tasks and options given (batched gets a batchSize when it has none). */
const strategies = {
  runSequential: (tasks: unknown, options?: unknown) =>
    runSequential(tasks as never, options as never),
  runWithFallback: (tasks: unknown, options?: unknown) =>
    runWithFallback(tasks as never, options as never),
  runBatched: (tasks: unknown, options?: unknown) =>
    runBatched(tasks as never, (options ?? { batchSize: 1 }) as never),
  runParallel: (tasks: unknown, options?: unknown) => runParallel(tasks as never, options as never),
};

describe('a strategy called wrongly', () => {
  it.each(Object.entries(strategies))(
    '%s names itself when its options are not an object',
    async (name, run) => {
      await expect(run([fixtureProcess(dir.path, 'print-ok')], 'fast')).rejects.toThrow(
        `Expected the ${name} options to be an object, got \`"fast"\` (string)`,
      );
    },
  );

  it.each(Object.entries(strategies))(
    '%s names itself when its tasks are not an array',
    async (name, run) => {
      await expect(run('task one', name === 'runBatched' ? { batchSize: 1 } : {})).rejects.toThrow(
        `Expected ${name}'s tasks to be an array of task specs or processes, got \`"task one"\` (string)`,
      );
    },
  );

  it.each([
    ['runSequential', 'stopOnFailure'],
    ['runSequential', 'passOutput'],
    ['runBatched', 'passOutput'],
  ] as const)('%s names %s when it is not a boolean', async (name, option) => {
    const options = { [option]: 1, ...(name === 'runBatched' ? { batchSize: 1 } : {}) };
    const process = fixtureProcess(dir.path, 'print-ok');
    await expect(strategies[name]([process], options)).rejects.toThrow(
      `Expected \`${option}\` to be true or false, got \`1\` (number)`,
    );
    expect(process.state).toBe('pending');
  });
});
