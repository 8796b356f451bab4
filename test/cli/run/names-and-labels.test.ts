import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, tempDir } from '../../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

// Two tasks from a JSON-lines file, one with a label, run by a quick fixture
// agent under a --name; then the same run's records read back by `sessions`.
const dir = tempDir('orchestrate-cli-names-');
const logDir = join(dir.path, 'logs');
const tasks = join(dir.path, 'tasks.jsonl');
writeFileSync(
  tasks,
  [
    JSON.stringify({ prompt: 'Review the auth module', label: 'review-auth' }),
    JSON.stringify({ prompt: 'List three risks\nin the parser' }),
  ].join('\n'),
);
const run = (extra: string[]) =>
  runCli([
    'parallel',
    '--command',
    fixture('print-ok'),
    '--log-dir',
    logDir,
    '--prompts-file',
    tasks,
    ...extra,
  ]);
let human = '';
let sessionId = '';
beforeAll(async () => {
  human = (await run(['--name', 'nightly review', '--results', join(dir.path, 'answers')])).stdout;
  const sessions = JSON.parse((await runCli(['sessions', '--log-dir', logDir, '--json'])).stdout);
  sessionId = sessions[0].sessionId;
  expect(sessions[0].name).toBe('nightly review');
});
afterAll(() => dir.cleanup());

describe('--name and task labels', () => {
  test('the report heads each answer with its label and names the run', () => {
    expect(human).toMatch(/── process-001 · review-auth · print-ok · succeeded/);
    expect(human).toMatch(/── process-002 · print-ok · succeeded/);
    expect(human).toMatch(/Session folder: .* \(nightly review\)\n$/);
  });

  test('--results names the labelled answer by its label', () => {
    expect(readdirSync(join(dir.path, 'answers')).sort()).toEqual([
      'process-002.txt',
      'review-auth.txt',
    ]);
  });

  test('--json carries the name and each label', async () => {
    const doc = JSON.parse((await run(['--name', 'second', '--json'])).stdout);
    expect(doc.name).toBe('second');
    expect(doc.results.map((r: { label?: string }) => r.label)).toEqual(['review-auth', undefined]);
  });

  test('sessions shows the name, or the first task; sessions show a label or prompt per process', async () => {
    await run([]);
    const list = (await runCli(['sessions', '--log-dir', logDir])).stdout.split('\n');
    expect(list[0]).toMatch(/ COST +RUN$/);
    // The id followed by a space: a later run in the same second is `<id>-2`.
    expect(list.find((line) => line.startsWith(`${sessionId} `))).toMatch(/ nightly review$/);
    expect(list[1]).toMatch(/ review-auth \+1$/);
    const shown = (await runCli(['sessions', 'show', sessionId, '--log-dir', logDir])).stdout;
    expect(shown).toContain('Name: nightly review');
    expect(shown).toMatch(/process-001 +succeeded .* review-auth\n/);
    expect(shown).toMatch(/process-002 +succeeded .* "List three risks …"\n/);
  });

  test('a name of more than one line is refused', async () => {
    const result = await run(['--name', 'two\nlines']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--name: expected one line of text, 1 to 200 characters');
  });
});

describe('a mock run', () => {
  test('labels its cost simulated in the report and the JSON', async () => {
    const human = await runCli(['parallel', '--mock-model', '--log-dir', logDir, 'Say hi']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/cost \$\d+\.\d{4} \(simulated: --mock-model spends nothing\)/);
    const json = JSON.parse(
      (await runCli(['parallel', '--mock-model', '--log-dir', logDir, '--json', 'Say hi'])).stdout,
    );
    expect(json.costSimulated).toBe(true);
  });
});
