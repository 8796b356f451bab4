import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collector, fixtureProcess, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

function logBody(logFile: string): Buffer {
  const log = readFileSync(logFile);
  const rule = Buffer.from('-'.repeat(80) + '\n');
  const start = log.indexOf(rule) + rule.length;
  const end = log.lastIndexOf(Buffer.from('-'.repeat(80)));
  return log.subarray(start, end);
}

describe('output capture and logging', () => {
  it('invalid UTF-8 and binary bytes reach the log byte for byte', async () => {
    const result = await fixtureProcess(dir.path, 'write-invalid-utf8').run();
    const expected = Buffer.from('before\n\xff\xfe\x00\xc0\xafbinary\nafter\n', 'latin1');
    expect(logBody(result.logFile).equals(expected)).toBe(true);
  });

  it('a last line without a newline is kept in the result and the log', async () => {
    const result = await fixtureProcess(dir.path, 'print-partial-line').run();
    expect(result.output).toBe('first line\nlast words without newline');
    const log = readFileSync(result.logFile, 'utf8');
    expect(log).toContain('last words without newline\n' + '-'.repeat(80));
  });

  it('the partial line written before a kill is kept', async () => {
    // Time enough for the fixture to print before the timeout, however loaded the machine.
    const result = await fixtureProcess(dir.path, 'print-partial-line-then-hang', {
      timeoutMs: 2000,
    }).run();
    expect(result.status).toBe('timed_out');
    expect(result.output).toBe('partial output before the kill');
    expect(readFileSync(result.logFile, 'utf8')).toContain('partial output before the kill');
  });

  it('output past the memory cap is truncated in the result but whole in the log', async () => {
    const bytes = 3 * 1024 * 1024;
    const result = await fixtureProcess(dir.path, 'flood-stdout', {
      outputCapBytes: 1024 * 1024,
      env: { FLOOD_BYTES: String(bytes) },
    }).run();
    expect(result.status).toBe('succeeded');
    expect(result.outputTruncated).toBe(true);
    expect(Buffer.byteLength(result.output)).toBe(1024 * 1024);
    expect(logBody(result.logFile).length).toBe(bytes);
  });

  it('the log has a header with the command and a footer with the outcome', async () => {
    const result = await fixtureProcess(dir.path, 'exit-with', {
      env: { EXIT_CODE: '3' },
      prompt: 'a prompt that is logged as an excerpt',
      processId: 'header-check',
    }).run();
    const log = readFileSync(result.logFile, 'utf8');
    expect(log).toMatch(/^Process: header-check\nStarted: \d{4}-\d\d-\d\dT/);
    expect(log).toMatch(/\nCommand: \S+\/exit-with <prompt: 37 characters>\n/);
    expect(log).toContain('<prompt: 37 characters>');
    expect(log).toContain('Prompt: a prompt that is logged as an excerpt');
    expect(log).toContain('Status: failed (failed after');
    expect(log).toContain('Exit code: 3');
    expect(log).toMatch(
      /--- stderr \(12 bytes; all of it in header-check.stderr.log\) ---\nstderr line\n$/,
    );
  });

  it('streamed output is mirrored to the console, each line prefixed with the process id', async () => {
    const out = collector();
    await fixtureProcess(dir.path, 'print-partial-line', {
      streamOutput: true,
      console: out.stream,
    }).run();
    expect(out.text()).toBe(
      '[print-partial-line] first line\n[print-partial-line] last words without newline\n',
    );
  });

  it('a log file that cannot be opened fails the run, says why, and keeps the output in the result', async () => {
    const lines: string[] = [];
    const process = fixtureProcess(dir.path, 'print-partial-line', {
      logger: { log: (level, _source, message) => lines.push(`${level} ${message}`) },
    });
    mkdirSync(process.logFile); // a directory where the log file should be
    const result = await process.run();
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      new RegExp(
        `^failed after .+: could not open its log ${process.logFile}: EISDIR.* \\(the output is in the result only\\)$`,
      ),
    );
    expect(result.output).toBe('first line\nlast words without newline');
    expect(
      lines.some((line) => line.startsWith(`ERROR Could not write the log ${process.logFile}`)),
    ).toBe(true);
  });

  it('a stderr file that cannot be opened is named in an error, and stderr stays in the result', async () => {
    const lines: string[] = [];
    const made = fixtureProcess(dir.path, 'exit-with', {
      logger: { log: (level, _source, message) => lines.push(`${level} ${message}`) },
    });
    const stderrFile = join(dir.path, 'logs', 'exit-with.stderr.log');
    mkdirSync(stderrFile); // a directory where the stderr file should be
    const result = await made.run();
    expect(result.status).toBe('succeeded');
    expect(result.stderr).toBe('stderr line\n');
    expect(lines.filter((line) => line.startsWith('ERROR'))).toEqual([
      expect.stringMatching(new RegExp(`^ERROR Could not write stderr to ${stderrFile}: EISDIR`)),
    ]);
  });

  it('nothing is mirrored when streamOutput is false', async () => {
    const out = collector();
    await fixtureProcess(dir.path, 'print-partial-line', {
      streamOutput: false,
      console: out.stream,
    }).run();
    expect(out.text()).toBe('');
  });
});
