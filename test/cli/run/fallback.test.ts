import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixture, repoRoot, tempDir } from '../../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const dir = tempDir('orchestrate-cli-fallback-');
afterAll(() => dir.cleanup());
let runs = 0;
const logDir = () => join(dir.path, `logs-${++runs}`);

describe('orchestrate fallback', () => {
  test('one prompt with one attempt per --model stops at the first success', async () => {
    const result = await runCli([
      'fallback',
      '--mock-model',
      '--model',
      'sonnet',
      '--model',
      'haiku',
      '--json',
      '--log-dir',
      logDir(),
      'Fix it',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ strategy: 'fallback', status: 'succeeded', chosen: 0 });
    expect(report.results).toHaveLength(1);
    expect(report.results[0].status).toBe('succeeded');
  });

  test('an attempt that hangs past its timeout is ended, and the next attempt answers', async () => {
    const script = join(repoRoot, 'test/cli/fixtures/scripts/slow-way-hangs.json');
    // The hung attempt's own timeout is short; --timeout stays generous for a loaded machine.
    const tasks = join(dir.path, 'slow-then-quick.jsonl');
    writeFileSync(
      tasks,
      '{"prompt": "the slow way", "timeout": "3s"}\n{"prompt": "the quick way"}\n',
    );
    const result = await runCli([
      'fallback',
      '--mock-script',
      script,
      '--timeout',
      '60s',
      '--kill-grace',
      '200ms',
      '--json',
      '--log-dir',
      logDir(),
      '--prompts-file',
      tasks,
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.results.map((r: { status: string }) => r.status)).toEqual([
      'timed_out',
      'succeeded',
    ]);
    expect(report.results[0]).toMatchObject({
      exitCode: -1,
      message: expect.stringMatching(/^timed out after 3 s/),
    });
    expect(report).toMatchObject({ status: 'succeeded', chosen: 1 });
    expect(report.results[1].output).toBe('Done the quick way.');
    // The session succeeded: a fallback is judged by the attempt that stands.
    const summary = JSON.parse(readFileSync(join(report.sessionDir, 'summary.json'), 'utf8'));
    expect(summary.status).toBe('succeeded');
  });

  test('when every attempt fails the last failure stands and the exit code is 1', async () => {
    const result = await runCli([
      'fallback',
      '--claude-bin',
      fixture('print-ok'),
      '--json',
      '--log-dir',
      logDir(),
      'first way',
      'second way',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ status: 'failed', chosen: 1 });
    expect(report.results.map((r: { status: string }) => r.status)).toEqual(['failed', 'failed']);
  });

  test('the report marks the attempt whose result stands', async () => {
    const result = await runCli([
      'fallback',
      '--claude-bin',
      fixture('print-ok'),
      '--log-dir',
      logDir(),
      'first way',
      'second way',
    ]);
    expect(result.stdout).toMatch(/── process-002 · claude · failed · .* · chosen ──/);
  });

  test('each attempt is labelled with its model in the report and in --json', async () => {
    const run = (extra: string[]) =>
      runCli([
        'fallback',
        '--claude-bin',
        fixture('print-ok'),
        '--model',
        'alpha',
        '--model',
        'beta',
        '--log-dir',
        logDir(),
        ...extra,
        'Fix it',
      ]);
    const json = await run(['--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { results: { processId: string; label: string }[] };
    expect(report.results.map((r) => [r.processId, r.label])).toEqual([
      ['process-001', 'alpha'],
      ['process-002', 'beta'],
    ]);
    const human = await run([]);
    expect(human.stdout).toMatch(/── process-001 · alpha · claude · failed/);
    expect(human.stdout).toMatch(/── process-002 · beta · claude · failed · .* · chosen ──/);
  });
});
