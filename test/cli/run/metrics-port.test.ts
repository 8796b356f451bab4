/**
 * `--metrics-port` on a run command: the real CLI serves its run's Prometheus
 * metrics while the run lasts, read from its session's records.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../helpers/fixtures.js';
import { freePort } from '../../helpers/redis-server.js';
import { startCli, waitFor } from '../helpers/run-cli.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

/** Runs still going when a test fails are interrupted, as Ctrl-C would. */
const running: Array<ReturnType<typeof startCli>> = [];
afterEach(async () => {
  for (const run of running.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGINT');
    await run.done;
  }
});

/** The metrics text, once every pattern in `wanted` matches it. */
async function scrapeUntil(url: string, wanted: RegExp[]): Promise<string> {
  let text = '';
  return waitFor(
    async () => {
      text = await fetch(url).then(
        (response) => response.text(),
        () => '',
      );
      return wanted.every((pattern) => pattern.test(text)) && text;
    },
    90_000,
    () => `the metrics to show ${wanted.join(', ')}:\n${text}`,
  );
}

describe('--metrics-port on a run command', () => {
  it('serves the run: tasks ended by status and agent, running and queued', async () => {
    const port = await freePort();
    const go = join(dir.path, 'go');
    const { done } = startCli([
      ...['parallel', '-j', '1', '--metrics-port', String(port)],
      ...['--log-dir', join(dir.path, 'logs'), '--command', '/bin/sh', '--prompt-via', 'none'],
      ...['first', 'second', '--', '-c', 'while [ ! -e "$0" ]; do sleep 0.1; done', go],
    ]);
    const text = await scrapeUntil(`http://127.0.0.1:${port}/metrics`, [
      /^orchestrate_tasks_running\{agent="[^"]+"\} 1$/m,
      /^orchestrate_tasks_queued 1$/m,
    ]);
    expect(text).toContain('# TYPE orchestrate_tasks_total counter');
    writeFileSync(go, '');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Metrics for Prometheus at http://127.0.0.1:${port}/metrics`);
  });

  it('counts a mock-model run: tasks by status, tokens, cost and the rate-limit pause', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/metrics`;
    // Two calls per window, three tasks started at once (--no-slow-start: before any reply has
    // said how full the window is, so pacing cannot hold one back): one call is refused, the
    // session pauses, and that try runs again after the reset; "hold on" hangs on the model, so
    // the run still serves once three have ended.
    const script = join(repoRoot, 'test/cli/fixtures/scripts/two-calls-per-window-hold-hangs.json');
    const run = startCli([
      ...['parallel', '-j', '3', '--no-slow-start', '--metrics-port', String(port)],
      ...['--mock-script', script],
      ...['--log-dir', join(dir.path, 'mock-logs'), 'task 1', 'task 2', 'task 3', 'hold on'],
    ]);
    running.push(run);
    const text = await scrapeUntil(url, [
      /^orchestrate_tasks_total\{status="succeeded",agent="claude"\} 3$/m,
      /^orchestrate_tasks_running\{agent="claude"\} 1$/m,
      /^orchestrate_tasks_queued 0$/m,
      /^orchestrate_rate_limit_pauses_total [1-9]\d*$/m,
    ]);
    // The refused tries ran again: they are not ends of their tasks.
    expect(text).not.toMatch(/^orchestrate_tasks_total\{status="failed"/m);
    expect(
      Number(/^orchestrate_tokens_total\{agent="claude",kind="input"\} (\d+)$/m.exec(text)?.[1]),
    ).toBeGreaterThan(0);
    expect(
      Number(/^orchestrate_tokens_total\{agent="claude",kind="output"\} (\d+)$/m.exec(text)?.[1]),
    ).toBeGreaterThan(0);
    expect(
      Number(/^orchestrate_cost_usd_total\{agent="claude"\} ([\d.e-]+)$/m.exec(text)?.[1]),
    ).toBeGreaterThan(0);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    // The endpoint lives as long as the run.
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses a port that is not one, naming the flag', async () => {
    const { done } = startCli([
      'parallel',
      '--metrics-port',
      'nine',
      '--command',
      '/bin/true',
      'x',
    ]);
    const result = await done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--metrics-port');
  });
});
