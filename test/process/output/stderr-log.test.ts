import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureProcess, tempDir } from '../../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

async function waitFor(check: () => boolean, boundMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

describe('stderr in the log', () => {
  it('is written to <id>.stderr.log as it arrives, while the agent still runs', async () => {
    const process = fixtureProcess(dir.path, 'go-silent-after-output');
    const file = join(dir.path, 'logs', 'go-silent-after-output.stderr.log');
    const running = process.run();
    const seen = await waitFor(
      () => existsSync(file) && readFileSync(file, 'utf8') === 'warming up\n',
    );
    expect(process.state).toBe('running');
    process.cancel('seen');
    const result = await running;
    expect(seen).toBe(true);
    expect(result.status).toBe('cancelled');
    expect(readFileSync(result.logFile, 'utf8')).toContain(
      '--- stderr (11 bytes; all of it in go-silent-after-output.stderr.log) ---\nwarming up\n',
    );
  });

  it('keeps every byte of a stderr flood past the in-memory cap', async () => {
    const result = await fixtureProcess(dir.path, 'flood-stdout', {
      outputCapBytes: 4096,
      env: { FLOOD_BYTES: String(3 * 1024 * 1024), FLOOD_STREAM: 'stderr' },
    }).run();
    expect(result.status).toBe('succeeded');
    expect(result.stderr).toHaveLength(4096);
    const file = join(dir.path, 'logs', 'flood-stdout.stderr.log');
    expect(statSync(file).size).toBe(3 * 1024 * 1024);
    expect(readFileSync(result.logFile, 'utf8')).toContain('(4096 bytes, truncated; all of it in');
  });

  it('makes no stderr file for an agent that writes nothing to stderr', async () => {
    await fixtureProcess(dir.path, 'print-ok').run();
    expect(existsSync(join(dir.path, 'logs', 'print-ok.stderr.log'))).toBe(false);
  });
});
