import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixture, tempDir } from '../../helpers/fixtures.js';
import { runCli, startCli, waitForFirstStart } from '../helpers/run-cli.js';

// The session folder under faults of the disk: full, removed mid-run, contended.
const dir = tempDir('orchestrate-cli-disk-');
afterAll(() => dir.cleanup());

/** A 64 KiB tmpfs, where the machine allows mounting one (root in a container that permits it). */
function tinyDisk(): string | null {
  const path = join(dir.path, 'tiny');
  mkdirSync(path);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', path], { stdio: 'ignore' });
    return path;
  } catch {
    return null;
  }
}

function allFiles(path: string): string[] {
  return readdirSync(path, { recursive: true, encoding: 'utf8' });
}

describe('disk faults', () => {
  const disk = tinyDisk();
  afterAll(() => {
    if (disk) execFileSync('umount', [disk]);
  });

  test.runIf(disk)(
    'a full disk still prints the results on stdout, names the lost files and leaves no temp files',
    async () => {
      const logDir = join(disk!, 'logs');
      const result = await runCli(
        ['parallel', '--claude-bin', fixture('flood-stdout'), '--log-dir', logDir, '--json', 'a'],
        { env: { FLOOD_BYTES: '200000' } },
      );
      const report = JSON.parse(result.stdout);
      expect(report.results).toHaveLength(1);
      expect(report.results[0].output.length).toBeGreaterThanOrEqual(200000);
      expect(result.stderr).toContain('ENOSPC');
      expect(result.stderr).not.toContain('    at ');
      expect(allFiles(logDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    },
  );

  test('a session folder removed mid-run still gives the results and names the lost summary', async () => {
    const logDir = join(dir.path, 'vanish');
    const run = startCli([
      'parallel',
      '--claude-bin',
      fixture('tick-forever'),
      '--log-dir',
      logDir,
      '--timeout',
      '2s',
      '--kill-grace',
      '300ms',
      '--json',
      'one',
    ]);
    const sessionDir = await waitForFirstStart(logDir);
    rmSync(sessionDir, { recursive: true, force: true });
    const result = await run.done;
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.results.map((r: { status: string }) => r.status)).toEqual(['timed_out']);
    expect(result.stderr).toContain('summary.json');
    expect(existsSync(sessionDir)).toBe(false);
  });

  test('two runs started in the same second get two session folders', async () => {
    const logDir = join(dir.path, 'same-second');
    const args = ['parallel', '--claude-bin', fixture('print-ok'), '--log-dir', logDir, '--json'];
    const [a, b] = await Promise.all([runCli([...args, 'a']), runCli([...args, 'b'])]);
    const ids = [JSON.parse(a.stdout).sessionId, JSON.parse(b.stdout).sessionId];
    expect(new Set(ids).size).toBe(2);
    expect(readdirSync(logDir).sort()).toEqual([...ids].sort());
  });
});
