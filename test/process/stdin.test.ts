import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaudeProcess } from '../../src/agents/claude/claude-process.js';
import { silentLogger } from '../../src/logging/logger.js';
import { fixture, fixtureProcess, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

function claudeWith(command: string, prompt: string, extra: object = {}) {
  return new ClaudeProcess({
    prompt,
    processId: 'stdin-check',
    workingDir: dir.path,
    logDir: join(dir.path, 'logs'),
    command: fixture(command),
    streamOutput: false,
    logger: silentLogger,
    ...extra,
  });
}

describe('stdin never blocks', () => {
  it('stdin is closed, so a reader of stdin sees end of file at once', async () => {
    const result = await fixtureProcess(dir.path, 'read-stdin-until-eof', {
      timeoutMs: 10_000,
    }).run();
    expect(result.status).toBe('succeeded');
    expect(JSON.parse(result.output)).toMatchObject({ bytes: 0 });
  });

  it('a 1 MB prompt travels on stdin whole and stdin is then closed', async () => {
    const prompt = 'p'.repeat(1024 * 1024 - 3) + 'end';
    const result = await claudeWith('read-stdin-until-eof', prompt, { timeoutMs: 10_000 }).run();
    const expected = createHash('sha256').update(prompt).digest('hex');
    expect(JSON.parse(result.output)).toEqual({ bytes: 1024 * 1024, sha256: expected });
  });

  it('a small prompt goes in argv right after -p, before the stream-json flags and extra args', async () => {
    const result = await claudeWith('print-argv', 'Say hi', {
      model: 'claude-test',
      extraArgs: ['--allowedTools', 'Write'],
    }).run();
    expect(JSON.parse(result.output)).toEqual([
      '-p',
      'Say hi',
      '--output-format',
      'stream-json',
      '--verbose',
      '--model',
      'claude-test',
      '--allowedTools',
      'Write',
    ]);
  });

  it('a prompt that starts with a dash travels on stdin so it cannot read as a flag', async () => {
    const result = await claudeWith('print-argv', '--help me').run();
    expect(JSON.parse(result.output)).toEqual([
      '-p',
      '--output-format',
      'stream-json',
      '--verbose',
    ]);
  });

  it("stdin: 'pty' gives the agent a terminal fed with newlines, so a read returns", async () => {
    const result = await fixtureProcess(dir.path, 'read-line-report-tty', {
      stdin: 'pty',
      timeoutMs: 10_000,
    }).run();
    expect(result.status).toBe('succeeded');
    expect(result.output).toContain('stdin is a tty');
    expect(result.output).toContain('read: []');
  });

  it('without a pty the same reader sees a closed stdin and no terminal', async () => {
    const result = await fixtureProcess(dir.path, 'read-line-report-tty', {
      timeoutMs: 10_000,
    }).run();
    expect(result.output).toBe('stdin is not a tty\nread: []\n');
  });

  it('a missing binary in pty mode is a spawn_error, not a crash', async () => {
    const result = await fixtureProcess(dir.path, 'read-line-report-tty', {
      stdin: 'pty',
      command: join(dir.path, 'missing'),
    }).run();
    expect(result.status).toBe('spawn_error');
  });
});

describe('environment', () => {
  it('the variables that make Claude Code think it is nested are removed and env is added', async () => {
    process.env.CLAUDECODE = '1';
    try {
      const result = await fixtureProcess(dir.path, 'print-env', {
        env: { EXTRA_VAR: 'yes' },
      }).run();
      expect(result.output).not.toMatch(/^CLAUDECODE=/m);
      expect(result.output).toMatch(/^EXTRA_VAR=yes$/m);
      expect(result.output).toMatch(/^PATH=/m);
    } finally {
      delete process.env.CLAUDECODE;
    }
  });
});
