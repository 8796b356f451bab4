import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDir } from '../../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const dir = tempDir('orchestrate-cli-agents-');
afterAll(() => dir.cleanup());
let runs = 0;
const logDir = () => join(dir.path, `logs-${++runs}`);

describe('--agent codex|gemini', () => {
  test('--agent codex --mock-model runs the real codex, priced from --prices for the --model', async () => {
    const prices = join(dir.path, 'prices.json');
    writeFileSync(prices, JSON.stringify({ 'gpt-5.5': { input: 2, output: 10 } }));
    const result = await runCli([
      'parallel',
      '--agent',
      'codex',
      '--mock-model',
      '--model',
      'gpt-5.5',
      '--prices',
      prices,
      '--json',
      '--log-dir',
      logDir(),
      'Say hello',
      'Say bye',
    ]);
    expect(result.code).toBe(0);
    const results = JSON.parse(result.stdout).results as Record<string, unknown>[];
    expect(results.map((r) => r.output).sort()).toEqual([
      'Mock reply: Say bye',
      'Mock reply: Say hello',
    ]);
    for (const r of results) {
      expect(r.model).toBe('gpt-5.5');
      expect(r.costUsd).toBeGreaterThan(0);
      expect(r.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  test('--agent gemini --mock-model runs the real gemini; with no price its cost stays null', async () => {
    const result = await runCli([
      'parallel',
      '--agent',
      'gemini',
      '--mock-model',
      '--json',
      '--log-dir',
      logDir(),
      'Say hello',
    ]);
    expect(result.code).toBe(0);
    const [only] = JSON.parse(result.stdout).results;
    expect(only).toMatchObject({
      status: 'succeeded',
      output: 'Mock reply: Say hello',
      costUsd: null,
    });
    expect(only.usage.inputTokens).toBeGreaterThan(0);
  });

  test('an unknown --agent, a bad --prices file and --claude-bin for codex are usage errors', async () => {
    const unknown = await runCli(['parallel', '--agent', 'clod', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--agent: expected a registered agent: claude, codex, gemini, command, got "clod"',
    );
    const bad = join(dir.path, 'bad-prices.json');
    writeFileSync(bad, JSON.stringify({ 'gpt-5.5': { input: -1, output: 1 } }));
    const prices = await runCli(['parallel', '--agent', 'codex', '--prices', bad, 'x']);
    expect(prices.code).toBe(2);
    expect(prices.stderr).toContain('--prices: ');
    expect(prices.stderr).toContain('`gpt-5.5.input` is `-1` (number)');
    const bin = await runCli(['parallel', '--agent', 'codex', '--claude-bin', '/bin/true', 'x']);
    expect(bin.code).toBe(2);
    expect(bin.stderr).toContain('--claude-bin is for claude; use --agent-bin for codex');
  });
});
