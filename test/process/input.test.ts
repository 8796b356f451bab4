import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandProcess } from '../../src/agents/command/command-process.js';
import { ClaudeProcess } from '../../src/agents/claude/claude-process.js';
import { silentLogger } from '../../src/logging/logger.js';
import { processIdProblem } from '../../src/process/process-id.js';
import { fixture, fixtureProcess, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('bad input', () => {
  it.each(['', '.', '..', 'a/b', 'a\\b', '../escape', 'tab\there', 'nl\n'])(
    'the processId %j is rejected with an error naming it, before anything is written',
    (processId) => {
      const logDir = join(dir.path, 'logs');
      expect(() => fixtureProcess(dir.path, 'print-ok', { processId, logDir })).toThrow(
        `Invalid processId ${JSON.stringify(processId)}`,
      );
      expect(readdirSync(dir.path)).toEqual([]);
    },
  );

  it('every id made of safe file-name characters is accepted', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,40}$/), (id) => {
        expect(processIdProblem(id)).toBeNull();
      }),
    );
  });

  it('a workingDir that does not exist is an error naming the path, with nothing spawned', () => {
    const missing = join(dir.path, 'no-such-dir');
    expect(() => fixtureProcess(dir.path, 'print-ok', { workingDir: missing })).toThrow(
      `\`workingDir\` does not exist: ${missing}`,
    );
  });

  it('a logDir that cannot be created is an error naming the path', () => {
    const file = join(dir.path, 'a-file');
    writeFileSync(file, '');
    expect(() => fixtureProcess(dir.path, 'print-ok', { logDir: join(file, 'logs') })).toThrow(
      `Cannot create \`logDir\` ${join(file, 'logs')}`,
    );
  });

  it('a negative timeout is rejected with the option, the value and its type', () => {
    expect(() => fixtureProcess(dir.path, 'print-ok', { timeoutMs: -5 })).toThrow(
      'Expected `timeoutMs` to be a non-negative integer (milliseconds or bytes), got `-5` (number)',
    );
  });

  it('a binary that does not exist gives spawn_error naming the path and how to fix it', async () => {
    const missing = join(dir.path, 'bin', 'claude');
    mkdirSync(join(dir.path, 'bin'));
    const result = await new ClaudeProcess({
      prompt: 'hello',
      processId: 'missing-bin',
      workingDir: dir.path,
      logDir: join(dir.path, 'logs'),
      command: missing,
      logger: silentLogger,
      streamOutput: false,
    }).run();
    expect(result.status).toBe('spawn_error');
    expect(result.exitCode).toBe(-1);
    expect(result.message).toContain(`Could not start ${missing}: no such file`);
    expect(result.message).toContain('ORCHESTRATE_CLAUDE_BIN');
  });

  it('a file that is not executable gives spawn_error saying permission denied', async () => {
    const file = join(dir.path, 'not-executable');
    writeFileSync(file, 'echo hi\n');
    const result = await new CommandProcess({
      command: file,
      processId: 'noexec',
      workingDir: dir.path,
      logDir: join(dir.path, 'logs'),
      logger: silentLogger,
    }).run();
    expect(result.status).toBe('spawn_error');
    expect(result.message).toContain('permission denied');
  });

  it('the fixture path helper points at real executables', () => {
    expect(readdirSync(join(fixture('print-ok'), '..'))).toContain('print-ok');
  });
});
