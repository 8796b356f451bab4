/**
 * `orchestrate dashboard` as people start it: a real CLI process serving a
 * sessions folder, its one URL on stdout, and a warning on stderr when it
 * listens beyond loopback.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { startCli, waitFor } from '../cli/helpers/run-cli.js';

let dir: { path: string; cleanup(): void };
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir?.cleanup());

/** Starts `orchestrate dashboard` with `flags`; resolves with its URL, its stderr so far and a stop(). */
async function serve(flags: string[]) {
  const served = startCli(['dashboard', '--log-dir', join(dir.path, 'logs'), ...flags]);
  let stdout = '';
  let stderr = '';
  served.child.stdout!.on('data', (s: string) => (stdout += s));
  served.child.stderr!.on('data', (s: string) => (stderr += s));
  const url = await waitFor(() => /(http:\/\/\S+)/.exec(stdout)?.[1], 60_000);
  await waitFor(() => stderr.includes('Press Ctrl-C to stop.') || undefined, 60_000);
  return {
    url: new URL(url),
    stderr,
    stop: async () => {
      served.child.kill('SIGINT');
      return (await served.done).code;
    },
  };
}

describe('orchestrate dashboard', () => {
  it('warns when told to listen beyond this machine, and still asks every request for the token', async () => {
    const served = await serve(['--host', '0.0.0.0']);
    try {
      expect(served.stderr).toContain(
        'warning: the dashboard listens on 0.0.0.0, not only this machine',
      );
      expect(served.url.hostname).toBe('0.0.0.0');
      const local = `http://127.0.0.1:${served.url.port}`;
      expect((await fetch(`${local}/api/sessions`)).status).toBe(401);
      const token = served.url.searchParams.get('token')!;
      expect((await fetch(`${local}/api/sessions?token=${token}`)).status).toBe(200);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  }, 120_000);

  it('listens on loopback by default, without a warning', async () => {
    const served = await serve([]);
    try {
      expect(served.url.hostname).toBe('127.0.0.1');
      expect(served.stderr).not.toContain('warning');
    } finally {
      expect(await served.stop()).toBe(0);
    }
  }, 120_000);
});
