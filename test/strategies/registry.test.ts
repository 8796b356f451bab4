/**
 * The one list of strategies (and of patterns): the docs table, the CLI's commands and each
 * definition's runner agree with it, and a registered strategy runs its tasks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { PATTERNS, patternNames } from '../../src/patterns/registry.js';
import {
  getStrategy,
  listStrategies,
  registerStrategy,
  strategyNames,
} from '../../src/strategies/registry.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { fixture, repoRoot, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('the strategy registry', () => {
  it('is the table in docs/strategies: one row per strategy with its command, function and page', () => {
    const docs = readFileSync(join(repoRoot, 'docs/strategies/README.md'), 'utf8');
    const rows = docs
      .split('\n')
      .filter((line) => /^\| `[a-z-]+` +\| `run/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(rows.map((cells) => cells[1])).toEqual(strategyNames().map((name) => `\`${name}\``));
    for (const [i, strategy] of listStrategies().entries()) {
      expect(rows[i]![2]).toMatch(new RegExp(`^\`${strategy.runner}\\(`));
      expect(rows[i]![4]).toContain(`(${strategy.page})`);
      expect(existsSync(join(repoRoot, 'docs/strategies', strategy.page))).toBe(true);
    }
  });

  it("each definition's runner is the library function it names", async () => {
    const library = (await import('../../src/index.js')) as Record<string, unknown>;
    for (const strategy of listStrategies())
      expect(typeof library[strategy.runner], strategy.runner).toBe('function');
  });

  it('runs its tasks through the definition, the fallback picking the result that stands', async () => {
    const specs: TaskSpec[] = [
      {
        id: 'fails',
        agent: 'command',
        command: fixture('exit-with'),
        prompt: '',
        env: { EXIT_CODE: '3' },
      },
      { id: 'works', agent: 'command', command: fixture('print-ok'), prompt: '' },
    ];
    for (const name of strategyNames()) {
      const run = await getStrategy(name).run(specs, {
        logDir: join(dir.path, name),
        logger: silentLogger,
        batchSize: 2,
      });
      expect(run.results.map((r) => r.processId).sort(), name).toEqual(['fails', 'works']);
      expect(run.final?.processId ?? null, name).toBe(
        getStrategy(name).alternatives ? 'works' : null,
      );
    }
  });

  it('takes a new strategy, and refuses a definition without a name or run()', async () => {
    registerStrategy({
      name: 'first-only',
      runner: 'runFirstOnly',
      summary: 'run only the first task',
      example: 'orchestrate first-only "a" "b"',
      page: 'first-only.md',
      takes: [],
      run: async (tasks, options) => getStrategy('sequential').run(tasks.slice(0, 1), options),
    });
    expect(strategyNames()).toContain('first-only');
    const run = await getStrategy('first-only').run(
      [{ id: 'only', agent: 'command', command: fixture('print-ok'), prompt: '' }],
      { logDir: dir.path, logger: silentLogger },
    );
    expect(run.results.map((r) => r.status)).toEqual(['succeeded']);
    expect(() => registerStrategy({ name: 'Bad Name' } as never)).toThrow(
      /Expected a strategy definition/,
    );
    expect(() => getStrategy('nope')).toThrow(
      /Unknown strategy "nope"; registered strategies: parallel, sequential, fallback, batch, first-only/,
    );
  });
});

describe('the pattern registry', () => {
  it('is the table in docs/patterns.md, and each runner is the library function it names', async () => {
    const docs = readFileSync(join(repoRoot, 'docs/patterns.md'), 'utf8');
    const commands = [...docs.matchAll(/^\| [^|]+\| `([a-z-]+)` +\|/gm)].map((m) => m[1]);
    expect(commands).toEqual(patternNames());
    const library = (await import('../../src/index.js')) as Record<string, unknown>;
    for (const pattern of PATTERNS) {
      expect(typeof library[pattern.runner], pattern.runner).toBe('function');
      expect(docs).toContain(`orchestrate ${pattern.name}\``);
    }
  });
});
