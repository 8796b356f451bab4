import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixture, tempDir } from '../../helpers/fixtures.js';
import { runCli, sessionEvents } from '../helpers/run-cli.js';

const dir = tempDir('orchestrate-cli-sequential-');
afterAll(() => dir.cleanup());
let runs = 0;
const logDir = () => join(dir.path, `logs-${++runs}`);

describe('orchestrate sequential', () => {
  test('runs the prompts in order, one at a time', async () => {
    const result = await runCli([
      'sequential',
      '--mock-model',
      '--json',
      '--log-dir',
      logDir(),
      'one',
      'two',
      'three',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const order = sessionEvents(report.sessionDir)
      .filter((e) => e.kind === 'process-start' || e.kind === 'process-end')
      .map((e) => `${e.kind === 'process-start' ? 'start' : 'end'} ${e.processId}`);
    expect(order).toEqual([
      'start process-001',
      'end process-001',
      'start process-002',
      'end process-002',
      'start process-003',
      'end process-003',
    ]);
  });

  test('--pass-output gives the third prompt the outputs of the first two, and the joblog shows that prompt', async () => {
    const joblog = join(dir.path, 'pass-output-jobs.tsv');
    const result = await runCli([
      'sequential',
      '--mock-model',
      '--pass-output',
      '--joblog',
      joblog,
      '--json',
      '--log-dir',
      logDir(),
      'one',
      'two',
      'three',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const starts = sessionEvents(report.sessionDir).filter((e) => e.kind === 'process-start');
    expect(Number(starts[2]!.promptChars)).toBeGreaterThan(
      'three'.length + report.results[0].output.length + report.results[1].output.length,
    );
    expect(readFileSync(report.results[2].logFile, 'utf8')).toMatch(
      /Prompt: --- Previous output ---/,
    );
    // The mock model echoes the prompt it got: the third one holds both earlier outputs, in order.
    const [first, second] = report.results.map((r: { output: string }) => r.output);
    expect(first).toBe('Mock reply: one');
    expect(report.results[2].output).toBe(
      `Mock reply: --- Previous output ---\n${first}\n\n${second}\n--- New task ---\nthree`,
    ); // The joblog's Command is the prompt as passed, on one line, not the planned "three".
    const rows = readFileSync(joblog, 'utf8').trimEnd().split('\n').slice(1);
    const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(rows.map((row) => row.split('\t')[8])).toEqual([
      'one',
      `--- Previous output --- ${first} --- New task --- two`,
      oneLine(`--- Previous output --- ${first} ${second} --- New task --- three`),
    ]);
  });

  test('--stop-on-failure stops after the first failure: the rest are not run, exit 1', async () => {
    // print-ok exits without claude's result event: claude's verdict is "failed".
    const result = await runCli([
      'sequential',
      '--claude-bin',
      fixture('print-ok'),
      '--stop-on-failure',
      '--log-dir',
      logDir(),
      'one',
      'two',
      'three',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Not run: process-002, process-003');
    expect(result.stdout).toMatch(/Failed: 1 failed, 2 not run in/);
  });
});
