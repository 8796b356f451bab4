/**
 * A run command records each task as data (a 'task' record with its TaskSpec)
 * before it starts, and the recorded specs run again the same.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { OrchestrateEvent } from '../../../src/events/types.js';
import { runParallel } from '../../../src/strategies/run-parallel.js';
import { fixture, tempDir } from '../../helpers/fixtures.js';
import { onlySession, runCli, sessionEvents } from '../helpers/run-cli.js';

const dir = tempDir('orchestrate-cli-task-records-');
afterAll(() => dir.cleanup());

test('every task of a run is recorded as a spec that runs again the same', async () => {
  const logs = join(dir.path, 'logs');
  const result = await runCli([
    'parallel',
    '--json',
    '--log-dir',
    logs,
    '--cwd',
    dir.path,
    '--timeout',
    '30s',
    '--kill-grace',
    '1s',
    '--command',
    fixture('print-argv'),
    'first',
    'second',
    '--',
    '--flag',
  ]);
  expect(result.code).toBe(0);
  const records = sessionEvents(onlySession(logs)).filter(
    (e) => e.kind === 'task',
  ) as unknown as Extract<OrchestrateEvent, { kind: 'task' }>[];
  expect(records.map((r) => r.spec).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
    {
      id: 'process-001',
      agent: 'command',
      command: fixture('print-argv'),
      prompt: 'first',
      cwd: dir.path,
      args: ['--flag'],
      timeoutMs: 30_000,
      killGraceMs: 1000,
    },
    {
      id: 'process-002',
      agent: 'command',
      command: fixture('print-argv'),
      prompt: 'second',
      cwd: dir.path,
      args: ['--flag'],
      timeoutMs: 30_000,
      killGraceMs: 1000,
    },
  ]);
  const again = await runParallel(
    records.map((r) => r.spec),
    { logDir: join(dir.path, 'again') },
  );
  const report = JSON.parse(result.stdout) as { results: { processId: string; output: string }[] };
  const outputs = (list: { processId: string; output: string }[]) =>
    Object.fromEntries(list.map((r) => [r.processId, r.output]));
  expect(outputs(again)).toEqual(outputs(report.results));
});

test('every task is recorded as queued, with its label, before the first one starts', async () => {
  const logs = join(dir.path, 'queued');
  const prompts = join(dir.path, 'queued.jsonl');
  writeFileSync(prompts, '{"prompt":"one","label":"first"}\n{"prompt":"two"}\n');
  const result = await runCli([
    'parallel',
    '-q',
    '-j',
    '1',
    '--log-dir',
    logs,
    '--command',
    fixture('print-argv'),
    '--prompts-file',
    prompts,
  ]);
  expect(result.code).toBe(0);
  const kinds = sessionEvents(onlySession(logs)).map((e) =>
    e.kind === 'queued' ? { ...e, at: undefined, seq: undefined, sessionId: undefined } : e.kind,
  );
  expect(kinds.slice(0, 3)).toEqual([
    'session-start',
    { kind: 'queued', processId: 'process-001', agent: 'command', label: 'first' },
    { kind: 'queued', processId: 'process-002', agent: 'command' },
  ]);
});
