/**
 * `--metrics-port` on a run command: the real CLI serves its run's Prometheus
 * metrics while the run lasts, read from its session's records.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/fixtures.js';
import { freePort } from '../../helpers/redis-server.js';
import { startCli } from '../helpers/run-cli.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

async function scrapeUntil(url: string, wanted: RegExp[]): Promise<string> {
  let text = '';
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    text = await fetch(url).then(
      (response) => response.text(),
      () => '',
    );
    if (wanted.every((pattern) => pattern.test(text))) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The metrics never showed ${wanted.join(', ')}:\n${text}`);
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
