import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixture, repoRoot, tempDir } from '../../helpers/fixtures.js';
import { runCli, sessionEvents } from '../helpers/run-cli.js';

// agent-tree never ends (and answers --version at once, as claude does).
const agentTree = join(repoRoot, 'test/cli/fixtures/bin/agent-tree');
const dir = tempDir('orchestrate-cli-parallel-');
afterAll(() => dir.cleanup());
let runs = 0;
const logDir = () => join(dir.path, `logs-${++runs}`);

const RESULT_FIELDS = [
  'processId',
  'agent',
  'status',
  'exitCode',
  'signal',
  'durationMs',
  'output',
  'stderr',
  'outputTruncated',
  'logFile',
  'message',
  'sessionId',
  'costUsd',
  'usage',
  'usagePartial',
  'numTurns',
  'model',
  'isError',
  'apiErrorStatus',
  'survivors',
  'permissionDenials',
  'index',
  'tries',
];

describe('orchestrate parallel', () => {
  test('--json prints exactly one JSON document with every ProcessResult field, and exits 0', async () => {
    const result = await runCli([
      'parallel',
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
    expect(report).toMatchObject({
      strategy: 'parallel',
      status: 'succeeded',
      exitCode: 0,
      notRun: [],
    });
    expect(report.results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2]);
    for (const r of report.results) {
      expect(Object.keys(r).sort()).toEqual([...RESULT_FIELDS].sort());
      expect(r).toMatchObject({
        agent: 'claude',
        status: 'succeeded',
        exitCode: 0,
        tries: 1,
        isError: false,
      });
      expect(r.output).not.toBe('');
    }
    expect(JSON.parse(readFileSync(join(report.sessionDir, 'summary.json'), 'utf8')).status).toBe(
      'succeeded',
    );
    // Progress went to stderr, one plain line per event (no terminal here).
    expect(result.stderr).toMatch(
      /^\[\d\d:\d\d:\d\d\] \[INFO\] \[session\] Session parallel_\S+ started/m,
    );
    expect(result.stderr).toMatch(/\[process-003\] Result: succeeded/);
  });

  test('without --json, stdout has each answer, the totals and the session folder', async () => {
    const result = await runCli(['parallel', '--mock-model', '--log-dir', logDir(), 'one', 'two']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^── process-001 · claude · succeeded · .* ──\n.+\n── process-002 · claude · succeeded/,
    );
    expect(result.stdout).toMatch(
      /\nSucceeded: 2 succeeded in .* · tokens .* · cost \$\d+\.\d{4} \(simulated: --mock-model spends nothing\)\n/,
    );
    const folder = /Session folder: (.+)\n$/.exec(result.stdout)?.[1];
    expect(folder && existsSync(join(folder, 'events.jsonl'))).toBe(true);
  });

  test('--quiet prints nothing at all when everything succeeds', async () => {
    const result = await runCli([
      'parallel',
      '--mock-model',
      '--quiet',
      '--log-dir',
      logDir(),
      'one',
    ]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  test('-j 1 runs one process at a time', async () => {
    const dirPath = logDir();
    const result = await runCli([
      'parallel',
      '--mock-model',
      '-j',
      '1',
      '--json',
      '--log-dir',
      dirPath,
      'one',
      'two',
      'three',
    ]);
    expect(result.code).toBe(0);
    const order = sessionEvents(JSON.parse(result.stdout).sessionDir)
      .filter((e) => e.kind === 'process-start' || e.kind === 'process-end')
      .map((e) => e.kind);
    expect(order).toEqual([
      'process-start',
      'process-end',
      'process-start',
      'process-end',
      'process-start',
      'process-end',
    ]);
  });

  test("--stream mirrors the agents' lines on stdout, each prefixed with its process id", async () => {
    const result = await runCli([
      'parallel',
      '--mock-model',
      '--stream',
      '--log-dir',
      logDir(),
      'one',
      'two',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\[process-001\] result: done in \d+ turns/m);
    expect(result.stdout).toMatch(/^\[process-002\] /m);
  });

  test('a process that fails makes the exit code 1', async () => {
    // print-ok exits 0 without claude's result event: claude's verdict is "failed".
    const result = await runCli([
      'parallel',
      '--claude-bin',
      fixture('print-ok'),
      '--json',
      '--log-dir',
      logDir(),
      'one',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(report.results[0].message).toMatch(/reported no result event/);
  });

  test('a claude that cannot start is a failed process, exit 1', async () => {
    // Executable, but its interpreter does not exist: spawn fails.
    const broken = join(dir.path, 'broken-claude');
    writeFileSync(broken, '#!/no/such/interpreter\n', { mode: 0o755 });
    const result = await runCli(['parallel', '--json', '--log-dir', logDir(), 'one'], {
      env: { ORCHESTRATE_CLAUDE_BIN: broken },
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).results[0].status).toBe('spawn_error');
  });

  test('a claude that is nowhere stops the run before it starts and says how to install one', async () => {
    const logs = logDir();
    const result = await runCli(['parallel', '--log-dir', logs, 'one'], {
      env: { ORCHESTRATE_CLAUDE_BIN: join(dir.path, 'missing-claude') },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('claude (Claude Code) was not found');
    expect(result.stderr).toContain('npm install -g @anthropic-ai/claude-code');
    expect(result.stderr).toContain('--claude-bin');
    expect(existsSync(logs)).toBe(false);
  });

  test('arguments after -- reach claude unchanged', async () => {
    const result = await runCli([
      'parallel',
      '--claude-bin',
      fixture('print-argv'),
      '--json',
      '--log-dir',
      logDir(),
      'one',
      '--',
      '--allowedTools',
      'Write',
      '--x=1',
    ]);
    const argv: string[] = JSON.parse(JSON.parse(result.stdout).results[0].output);
    expect(argv.slice(-3)).toEqual(['--allowedTools', 'Write', '--x=1']);
  });

  test('prompts come from arguments, then stdin with -, then a JSON-lines file with per-task fields', async () => {
    mkdirSync(join(dir.path, 'work', 'sub'), { recursive: true });
    const file = join(dir.path, 'tasks.jsonl');
    writeFileSync(
      file,
      '{"prompt": "from the file", "id": "filed", "cwd": "sub", "timeout": "5m"}\n',
    );
    const result = await runCli(
      [
        'parallel',
        '--mock-model',
        '--json',
        '--cwd',
        join(dir.path, 'work'),
        '--log-dir',
        logDir(),
        'from argv',
        '-',
        '--prompts-file',
        file,
      ],
      { input: 'from stdin 1\n\nfrom stdin 2\n' },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.results.map((r: { processId: string }) => r.processId)).toEqual([
      'process-001',
      'process-002',
      'process-003',
      'filed',
    ]);
    const starts = sessionEvents(report.sessionDir).filter((e) => e.kind === 'process-start');
    expect(starts).toHaveLength(4);
    const header = readFileSync(report.results[3].logFile, 'utf8');
    expect(header).toContain(`Working dir: ${join(dir.path, 'work', 'sub')}`);
    expect(readFileSync(report.results[1].logFile, 'utf8')).toContain('Prompt: from stdin 1');
  });

  test("--joblog writes GNU parallel's joblog, one line per process", async () => {
    const joblog = join(dir.path, 'jobs.tsv');
    const result = await runCli([
      'parallel',
      '--claude-bin',
      fixture('print-ok'),
      '--joblog',
      joblog,
      '--log-dir',
      logDir(),
      'first prompt',
      'second\nprompt',
    ]);
    expect(result.code).toBe(1);
    const [header, ...rows] = readFileSync(joblog, 'utf8').trimEnd().split('\n');
    expect(header).toBe(
      'Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand',
    );
    expect(rows.map((row) => row.split('\t'))).toEqual([
      [
        '1',
        ':',
        expect.stringMatching(/^\d+\.\d{3}$/),
        expect.stringMatching(/^\d+\.\d{3}$/),
        '0',
        '3',
        '1',
        '0',
        'first prompt',
      ],
      [
        '2',
        ':',
        expect.stringMatching(/^\d+\.\d{3}$/),
        expect.stringMatching(/^\d+\.\d{3}$/),
        '0',
        '3',
        '1',
        '0',
        'second prompt',
      ],
    ]);
  });

  test('--timeout ends a process that runs too long: timed_out, exit 1', async () => {
    const result = await runCli([
      'parallel',
      '--claude-bin',
      agentTree,
      '--timeout',
      '300ms',
      '--kill-grace',
      '100ms',
      '--json',
      '--log-dir',
      logDir(),
      'one',
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).results[0]).toMatchObject({ status: 'timed_out' });
  });

  test('--idle-timeout ends a process that goes silent: timed_out, and the message says so', async () => {
    const result = await runCli([
      'parallel',
      '--claude-bin',
      agentTree,
      '--idle-timeout',
      '400ms',
      '--kill-grace',
      '100ms',
      '--json',
      '--log-dir',
      logDir(),
      'one',
    ]);
    expect(result.code).toBe(1);
    const [only] = JSON.parse(result.stdout).results;
    expect(only).toMatchObject({ status: 'timed_out' });
    expect(only.message).toMatch(/^timed out: no output for 400 ms/);
  });

  test('--idle-timeout refuses a value that is not a duration', async () => {
    const result = await runCli(['parallel', '--idle-timeout', 'soon', 'one']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--idle-timeout: expected a duration such as 90s/);
  });

  test('--max-memory and --max-processes refuse values that are not a size or a count', async () => {
    const memory = await runCli(['parallel', '--max-memory', 'lots', 'one']);
    expect(memory.code).toBe(2);
    expect(memory.stderr).toMatch(/--max-memory: expected a size such as 2G, 512M/);
    const processes = await runCli(['parallel', '--max-processes', '0', 'one']);
    expect(processes.code).toBe(2);
    expect(processes.stderr).toMatch(/--max-processes: expected a whole number of at least 1/);
  });
});
