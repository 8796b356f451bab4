/**
 * `--dashboard` on a pattern command: a real `orchestrate panel` whose
 * experts wait for a file serves its live session (steps included) while it
 * runs, asks for the token, and stops serving once the run has ended.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { startCli, waitFor } from '../cli/helpers/run-cli.js';

let dir: { path: string; cleanup(): void };
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir?.cleanup());

interface Detail {
  summary: {
    patternName: string;
    status: string;
    processes: { processId: string; status: string }[];
  };
}

describe('--dashboard on a pattern command', () => {
  it('serves the running panel with its experts, then stops serving once the run has ended', async () => {
    const go = join(dir.path, 'go');
    const run = startCli(
      [
        'panel',
        '--experts',
        'security,speed',
        '--command',
        fixture('wait-for-file-named-in-env'),
        '--dashboard',
        '--log-dir',
        join(dir.path, 'logs'),
        'Is this change safe to ship?',
      ],
      { env: { WAIT_FOR_FILE: go } },
    );
    let stderr = '';
    run.child.stderr!.on('data', (s: string) => (stderr += s));
    const url = new URL(
      await waitFor(() => /Dashboard: (\S+)/.exec(stderr)?.[1], 60_000, 'the dashboard URL'),
    );
    const sessionId = decodeURIComponent(url.hash.replace('#/sessions/', ''));
    const cookie = `orchestrate-dashboard-${url.port}=${url.searchParams.get('token')}`;
    const api = `${url.origin}/api/sessions/${encodeURIComponent(sessionId)}`;
    try {
      expect((await fetch(api)).status).toBe(401);
      let last: Detail | null = null;
      const running = await waitFor(
        async () => {
          last = (await (await fetch(api, { headers: { cookie } })).json()) as Detail;
          return last.summary.processes.filter((p) => p.status === 'running').length === 2 && last;
        },
        60_000,
        () => `both experts running; last: ${JSON.stringify(last)}`,
      );
      expect(running.summary.patternName).toBe('panel');
      writeFileSync(go, '');
      const ended = await run.done;
      expect(ended.code, ended.stderr).toBe(0);
    } finally {
      writeFileSync(go, '');
      await run.done;
    }
    // Closed with the run: nothing listens on its port any more.
    await expect(fetch(api, { headers: { cookie } })).rejects.toThrow();
  });

  it('refuses a dashboard companion flag without --dashboard, naming the fix', async () => {
    const refused = await startCli(['debate', '--allow-cancel', 'Tabs or spaces?']).done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--allow-cancel needs --dashboard');
  });
});
