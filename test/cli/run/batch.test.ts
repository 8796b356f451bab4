import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDir } from '../../helpers/fixtures.js';
import { runCli, sessionEvents } from '../helpers/run-cli.js';

const dir = tempDir('orchestrate-cli-batch-');
afterAll(() => dir.cleanup());

describe('orchestrate batch', () => {
  test('runs batches of --batch-size one after another, never overlapping', async () => {
    const result = await runCli([
      'batch',
      '--mock-model',
      '--batch-size',
      '2',
      '--json',
      '--log-dir',
      join(dir.path, 'logs'),
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.results).toHaveLength(5);
    const events = sessionEvents(report.sessionDir);
    const batchOf = (processId: unknown) =>
      Math.floor((Number(String(processId).slice(-3)) - 1) / 2);
    const position = (kind: string, processId: string) =>
      events.findIndex((e) => e.kind === kind && e.processId === processId);
    const ids = report.results.map((r: { processId: string }) => r.processId);
    // Every process has its start and end record, so the order below compares real positions.
    for (const id of ids) {
      expect(position('process-start', id)).toBeGreaterThanOrEqual(0);
      expect(position('process-end', id)).toBeGreaterThan(position('process-start', id));
    }
    for (const later of ids) {
      for (const earlier of ids) {
        if (batchOf(earlier) < batchOf(later)) {
          expect(position('process-end', earlier)).toBeLessThan(position('process-start', later));
        }
      }
    }
  });

  test("--pass-output passes on only what succeeded: a failed agent's output never reaches the next batch", async () => {
    const script = join(dir.path, 'one-fails.json');
    writeFileSync(
      script,
      JSON.stringify({
        rules: [
          { match: 'write a plan', turns: [{ text: 'THE PLAN' }] },
          { match: 'fail here', turns: [{ error: { status: 400, message: 'BROKEN-ERROR' } }] },
        ],
        default: { text: 'Mock reply: {{prompt}}' },
      }),
    );
    const result = await runCli([
      'batch',
      '--mock-script',
      script,
      '--batch-size',
      '2',
      '--pass-output',
      '--json',
      '--log-dir',
      join(dir.path, 'pass-output-logs'),
      'write a plan',
      'fail here',
      'review',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const byPrompt = (index: number) =>
      report.results.find((r: { index: number }) => r.index === index);
    expect(byPrompt(0)).toMatchObject({ status: 'succeeded', output: 'THE PLAN' });
    // The failed agent had output of its own to pass on.
    expect(byPrompt(1).status).toBe('failed');
    expect(byPrompt(1).output).toContain('BROKEN-ERROR');
    // The mock echoes the prompt the reviewer received: the success, not the failure.
    expect(byPrompt(2).status).toBe('succeeded');
    expect(byPrompt(2).output).toBe(
      'Mock reply: --- Previous output ---\nTHE PLAN\n--- New task ---\nreview',
    );
  });
});
