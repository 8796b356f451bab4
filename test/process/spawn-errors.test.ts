import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandProcess } from '../../src/agents/command/command-process.js';
import { silentLogger } from '../../src/logging/logger.js';
import { fixture, fixtureProcess, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('what cannot be spawned is said in words', () => {
  it('a prompt with a NUL byte is refused before spawning, naming the stdin way', async () => {
    const result = await fixtureProcess(dir.path, 'print-argv', { prompt: 'a\0b' }).run();
    expect(result.status).toBe('spawn_error');
    expect(result.message).toContain('NUL byte');
    expect(result.message).toContain('character 1');
    expect(result.message).toContain("promptVia: 'stdin'");
  });

  it('a prompt too large for one argument is refused before spawning, naming the stdin way', async () => {
    const prompt = 'x'.repeat(200 * 1024);
    const result = await fixtureProcess(dir.path, 'print-argv', { prompt }).run();
    expect(result.status).toBe('spawn_error');
    expect(result.message).toContain('128 KiB');
    expect(result.message).toContain("promptVia: 'stdin'");
  });

  it('the same large prompt on stdin runs', async () => {
    const prompt = 'x'.repeat(200 * 1024);
    const result = await fixtureProcess(dir.path, 'read-stdin-until-eof', {
      prompt,
      promptVia: 'stdin',
    }).run();
    expect(result.status).toBe('succeeded');
  });

  it('a working directory removed before the start is named as the cause', async () => {
    const cwd = join(dir.path, 'gone');
    mkdirSync(cwd);
    const made = fixtureProcess(dir.path, 'print-ok', { workingDir: cwd });
    rmSync(cwd, { recursive: true });
    const result = await made.run();
    expect(result.status).toBe('spawn_error');
    expect(result.message).toContain(`the working directory ${cwd} does not exist`);
  });

  it('a missing #! interpreter is named as the cause', async () => {
    const result = await fixtureProcess(dir.path, 'needs-missing-interpreter').run();
    expect(result.status).toBe('spawn_error');
    expect(result.message).toContain('its interpreter /nonexistent/interpreter');
  });

  it('a file without the run bit is named as the cause', async () => {
    const script = join(dir.path, 'not-executable');
    writeFileSync(script, '#!/bin/sh\necho hi\n');
    chmodSync(script, 0o644);
    const result = await new CommandProcess({
      command: script,
      processId: 'no-run-bit',
      workingDir: dir.path,
      logDir: join(dir.path, 'logs'),
      streamOutput: false,
      logger: silentLogger,
    }).run();
    expect(result.status).toBe('spawn_error');
    expect(result.message).toContain('is not executable (no run bit');
  });

  it('a command that does not exist is still a missing command', async () => {
    const result = await fixtureProcess(dir.path, 'print-ok', {
      command: fixture('no-such-fixture'),
    }).run();
    expect(result.message).toContain('no such file or command on PATH');
  });
});

describe('a log folder where none can be made', () => {
  it('a logDir under /proc fails at once with the reason, instead of spinning', () => {
    expect(() =>
      fixtureProcess(dir.path, 'print-ok', { logDir: '/proc/orchestrate-test/logs' }),
    ).toThrow(/Cannot create `logDir` \/proc\/orchestrate-test\/logs: ENOENT/);
  });
});
