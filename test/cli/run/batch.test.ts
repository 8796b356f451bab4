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
});
