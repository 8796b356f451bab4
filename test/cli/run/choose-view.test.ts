import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { announcedPids, pidAlive, repoRoot, tempDir } from '../../helpers/fixtures.js';
import { onlySession, runCli, sessionEvents, waitFor } from '../helpers/run-cli.js';
import { plain, runInTerminal } from '../helpers/run-in-terminal.js';

const dir = tempDir('orchestrate-cli-view-');
afterAll(() => dir.cleanup());
let runs = 0;
const logDir = () => join(dir.path, `logs-${++runs}`);

/** Cursor up by one line or by several at once: log-update writes either. */
// eslint-disable-next-line no-control-regex
const CURSOR_UP = /\u001B\[\d*A/;
const ERASE_LINE = '\u001B[2K';
const GREEN = '\u001B[32m';
// eslint-disable-next-line no-control-regex
const COLOR_CODE = /\u001B\[(3\d|1|2)m/;

describe('the view a run gets', () => {
  test('on a terminal, a live board is redrawn in place and the report ends with the session folder', async () => {
    const run = await runInTerminal([
      'parallel',
      '--mock-model',
      '--log-dir',
      logDir(),
      'Summarise the README',
      'List three risks',
    ]);
    const { exitCode, screen } = await run.done;
    expect(exitCode).toBe(0);
    expect(screen).toMatch(CURSOR_UP);
    expect(screen).toContain(ERASE_LINE);
    const text = plain(screen);
    expect(text).toMatch(/orchestrate parallel · 2 processes · parallel_/);
    expect(text).toMatch(/✔ process-001 +claude +succeeded/);
    expect(text).toMatch(/2 succeeded +elapsed \S+ +tokens \S+ in \/ \S+ out +cost \$\d/);
    expect(text).toMatch(/Session folder: \S+\n*$/);
    expect(screen).toContain(GREEN);
  });

  test('NO_COLOR keeps colours out, on a terminal too', async () => {
    const run = await runInTerminal(['parallel', '--mock-model', '--log-dir', logDir(), 'one'], {
      NO_COLOR: '1',
    });
    const { exitCode, screen } = await run.done;
    expect(exitCode).toBe(0);
    expect(screen).not.toMatch(COLOR_CODE);
    expect(plain(screen)).toMatch(/✔ process-001 +claude +succeeded/);
  });

  test('without a terminal, progress is plain lines with no escape codes', async () => {
    const result = await runCli(['parallel', '--mock-model', '--log-dir', logDir(), 'one'], {
      env: { NO_COLOR: undefined },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('\u001B[');
    expect(result.stdout).not.toContain('\u001B[');
    expect(
      result.stderr
        .trimEnd()
        .split('\n')
        .every((line) => /^\[\d\d:\d\d:\d\d\] \[(INFO|WARNING|ERROR)\] \[[\w-]+\] /.test(line)),
    ).toBe(true);
  });

  test('Ctrl-C at the terminal cancels every tree, leaves nothing alive and exits 130', async () => {
    const base = logDir();
    const agentTree = join(repoRoot, 'test/cli/fixtures/bin/agent-tree');
    const run = await runInTerminal([
      'parallel',
      '--claude-bin',
      agentTree,
      '--kill-grace',
      '300ms',
      '--log-dir',
      base,
      'one',
      'two',
    ]);
    const pids = await waitFor(
      () => {
        try {
          const starts = sessionEvents(onlySession(base)).filter((e) => e.kind === 'process-start');
          const grandchildren = starts.flatMap((e) =>
            announcedPids(readFileSync(String(e.logFile), 'utf8')),
          );
          return starts.length === 2 && grandchildren.length === 4
            ? [...starts.map((e) => Number(e.pid)), ...grandchildren]
            : undefined;
        } catch {
          return undefined;
        }
      },
      20_000,
      'both trees to start',
    );
    run.write('\u0003');
    const { exitCode, screen } = await run.done;
    expect(exitCode).toBe(130);
    await waitFor(() => pids.every((pid) => !pidAlive(pid)), 10_000, 'every tree to end');
    expect(plain(screen)).toContain('Ctrl-C: cancelling every process');
    expect(plain(screen)).toMatch(/Cancelled: 2 cancelled in/);
    expect(JSON.parse(readFileSync(join(onlySession(base), 'summary.json'), 'utf8')).status).toBe(
      'cancelled',
    );
  });
});
