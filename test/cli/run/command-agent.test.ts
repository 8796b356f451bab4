/**
 * The run commands with agents beside claude: --command runs any executable,
 * a JSON-lines file mixes agents in one run, and every process learns its
 * session, id and position from the environment.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { fixture, tempDir } from '../../helpers/fixtures.js';
import { onlySession, runCli, sessionEvents } from '../helpers/run-cli.js';

const dir = tempDir('orchestrate-cli-agents-');
afterAll(() => dir.cleanup());
let runs = 0;
const logDir = () => join(dir.path, `logs-${++runs}`);

interface JsonResult {
  processId: string;
  agent: string;
  status: string;
  output: string;
}

describe('orchestrate with other agents', () => {
  test('--command runs any executable: arguments after -- come first, the prompt last', async () => {
    const logs = logDir();
    const result = await runCli([
      'parallel',
      '--json',
      '--log-dir',
      logs,
      '--command',
      fixture('print-argv'),
      'first prompt',
      'second prompt',
      '--',
      '--flag',
      'value',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { results: JsonResult[] };
    const byId = new Map(report.results.map((r) => [r.processId, r]));
    expect(JSON.parse(byId.get('process-001')!.output)).toEqual([
      '--flag',
      'value',
      'first prompt',
    ]);
    expect(byId.get('process-002')!.agent).toBe('print-argv');
    const starts = sessionEvents(onlySession(logs)).filter((e) => e.kind === 'process-start');
    expect(starts.map((e) => e.agent)).toEqual(['print-argv', 'print-argv']);
  });

  test('--command starts its whole burst at once: a plain command draws on no account, so no slow start holds it back', async () => {
    const logs = logDir();
    const record = join(dir.path, `peers-${runs}.txt`);
    writeFileSync(record, '');
    // Each peer gives up after 5 s unless all three have started: a slow start
    // (one try first, the rest after its end or 10 s) would fail the first.
    const result = await runCli(
      ['parallel', '--json', '--log-dir', logs, '--command', fixture('meet-peers'), 'a', 'b', 'c'],
      { env: { RECORD_FILE: record, PEERS: '3', MEET_PEERS_SECONDS: '5' } },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { results: JsonResult[] };
    expect(report.results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });

  test('every process gets ORCHESTRATE_SESSION_ID, ORCHESTRATE_PROCESS_ID and a 1-based ORCHESTRATE_SEQ', async () => {
    const logs = logDir();
    const result = await runCli([
      'sequential',
      '--json',
      '--log-dir',
      logs,
      '--command',
      fixture('print-env'),
      '--prompt-via',
      'none',
      'a',
      'b',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { sessionId: string; results: JsonResult[] };
    const vars = report.results.map((r) =>
      Object.fromEntries(
        r.output
          .split('\n')
          .filter((line) => line.startsWith('ORCHESTRATE_'))
          .map((line) => line.split('=', 2) as [string, string]),
      ),
    );
    expect(vars).toMatchObject([
      {
        ORCHESTRATE_SESSION_ID: report.sessionId,
        ORCHESTRATE_PROCESS_ID: 'process-001',
        ORCHESTRATE_SEQ: '1',
      },
      {
        ORCHESTRATE_SESSION_ID: report.sessionId,
        ORCHESTRATE_PROCESS_ID: 'process-002',
        ORCHESTRATE_SEQ: '2',
      },
    ]);
  });

  test('a JSON-lines prompts file mixes claude and a command in one run', async () => {
    const logs = logDir();
    const file = join(dir.path, 'mixed.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'ask-claude', prompt: 'Say hello' }),
        JSON.stringify({
          id: 'run-script',
          agent: 'command',
          command: fixture('read-stdin-until-eof'),
          prompt: 'ignored',
          label: 'a script',
        }),
      ].join('\n') + '\n',
    );
    const result = await runCli([
      'parallel',
      '--mock-model',
      '--json',
      '--log-dir',
      logs,
      '--prompts-file',
      file,
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { results: JsonResult[] };
    const byId = new Map(report.results.map((r) => [r.processId, r]));
    expect(byId.get('ask-claude')).toMatchObject({
      agent: 'claude',
      status: 'succeeded',
      output: 'Mock reply: Say hello',
    });
    expect(byId.get('run-script')).toMatchObject({ agent: 'read-stdin-until-eof' });
    // The prompt went as an argument, so stdin was empty.
    expect(JSON.parse(byId.get('run-script')!.output).bytes).toBe(0);
  });

  test('bad agent flags are refused with a sentence that says what to do', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--agent', 'nope', 'x'],
        /--agent: expected a registered agent: claude, codex, gemini, command, got "nope"/,
      ],
      [['--agent', 'command', 'x'], /agent "command" needs the executable to run: give --command/],
      [['--prompt-via', 'stdin', 'x'], /--prompt-via applies to --command/],
      [
        ['--command', fixture('print-ok'), '--prompt-via', 'pipe', 'x'],
        /--prompt-via: expected argument, stdin or none, got "pipe"/,
      ],
      [['--command', fixture('print-ok'), '--agent', 'claude', 'x'], /drop --agent claude/],
      [
        ['--agent-bin', fixture('print-ok'), '--claude-bin', fixture('print-ok'), 'x'],
        /--claude-bin and --agent-bin name the same binary; give one/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['parallel', '--log-dir', logDir(), ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});
