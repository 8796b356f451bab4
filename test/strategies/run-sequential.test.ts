import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaudeProcess } from '../../src/agents/claude/claude-process.js';
import { silentLogger } from '../../src/logging/logger.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import { fixture, fixtureProcess, tempDir } from '../helpers/fixtures.js';
import {
  behavingProcess,
  EXPECTED_STATUS,
  recordedIntervals,
  watchRunning,
  type Behaviour,
} from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

const behaviours: Behaviour[] = ['succeed', 'succeed', 'fail', 'spawn-error', 'time-out'];

describe('runSequential', () => {
  it('runs one at a time in input order, each starting after the one before ended', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...behaviours), { maxLength: 6 }), async (plan) => {
        const run = tempDir();
        try {
          const processes = plan.map((behaviour, i) =>
            behavingProcess(run.path, i, behaviour, 0.01),
          );
          const running = watchRunning(processes);
          const results = await runSequential(processes);
          expect(running.max()).toBeLessThanOrEqual(1);
          expect(results.map((r) => r.index)).toEqual(plan.map((_, i) => i));
          results.forEach((r) => expect(r.status).toBe(EXPECTED_STATUS[plan[r.index]!]));
          const intervals = recordedIntervals(run.path);
          const labels = plan.flatMap((b, i) => (b === 'succeed' ? [`p${i}`] : []));
          expect(intervals.map((i) => i.label)).toEqual(labels);
          for (let i = 1; i < intervals.length; i++) {
            expect(intervals[i]!.start >= intervals[i - 1]!.end).toBe(true);
          }
        } finally {
          run.cleanup();
        }
      }),
      { numRuns: 20 },
    );
  });

  it('with stopOnFailure, stops at the first result that is not a success and the rest get none', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...behaviours), { maxLength: 6 }), async (plan) => {
        const run = tempDir();
        try {
          const processes = plan.map((behaviour, i) => behavingProcess(run.path, i, behaviour, 0));
          const results = await runSequential(processes, { stopOnFailure: true });
          const firstBad = plan.findIndex((b) => b !== 'succeed');
          const expected = firstBad === -1 ? plan.length : firstBad + 1;
          expect(results.map((r) => r.index)).toEqual(plan.slice(0, expected).map((_, i) => i));
          processes.slice(expected).forEach((p) => expect(p.state).toBe('pending'));
        } finally {
          run.cleanup();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('with passOutput, the third prompt gets the first two outputs with the original framing', async () => {
    const processes = ['one', 'two', 'three'].map((word) =>
      fixtureProcess(dir.path, 'print-argv', { processId: word, prompt: word }),
    );
    const results = await runSequential(processes, { passOutput: true });
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(processes[1]!.prompt).toBe('--- Previous output ---\n["one"]\n--- New task ---\ntwo');
    const third = JSON.parse(results[2]!.output) as string[];
    expect(third).toEqual([
      `--- Previous output ---\n["one"]\n\n${JSON.stringify([processes[1]!.prompt])}\n--- New task ---\nthree`,
    ]);
  });

  it('with passOutput, a failed process passes nothing on', async () => {
    const failing = fixtureProcess(dir.path, 'exit-with', {
      processId: 'failing',
      env: { EXIT_CODE: '1' },
    });
    const next = fixtureProcess(dir.path, 'print-argv', { processId: 'next', prompt: 'task' });
    await runSequential([failing, next], { passOutput: true });
    expect(next.prompt).toBe('task');
  });

  it('with passOutput, a prompt that outgrows argv travels on stdin instead of failing', async () => {
    const flood = fixtureProcess(dir.path, 'flood-stdout', {
      processId: 'flood',
      env: { FLOOD_BYTES: String(300 * 1024) },
    });
    const agent = new ClaudeProcess({
      command: fixture('report-prompt-as-claude'),
      prompt: 'summarise',
      processId: 'agent',
      workingDir: dir.path,
      logDir: join(dir.path, 'logs'),
      streamOutput: false,
      logger: silentLogger,
    });
    const results = await runSequential([flood, agent], { passOutput: true });
    expect(results[1]!.status).toBe('succeeded');
    const report = JSON.parse(results[1]!.output) as { via: string; chars: number; tail: string };
    expect(report.via).toBe('stdin');
    expect(report.chars).toBe(agent.prompt.length);
    expect(report.chars).toBeGreaterThan(300 * 1024);
    expect(report.tail.endsWith('\n--- New task ---\nsummarise')).toBe(true);
  });

  it('rejects a passOutput that is not a boolean', async () => {
    const process = fixtureProcess(dir.path, 'print-ok');
    await expect(
      runSequential([process], { passOutput: 'yes' as unknown as boolean }),
    ).rejects.toThrow('Expected `passOutput` to be true or false, got `"yes"` (string)');
  });
});
