import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logging/logger.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { silentLogger } from '../../src/logging/logger.js';
import { announcedPids, fixtureProcess, pidAlive, tempDir } from '../helpers/fixtures.js';

// User code (listeners, loggers) runs inside the lifecycle: whatever it throws,
// the host keeps running, the tree is ended and the result says what happened.
let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('a listener or logger that throws', () => {
  it("an 'output' listener that throws ends the tree, and the result names its error", async () => {
    const made = fixtureProcess(dir.path, 'spawn-grandchildren', {
      env: { KEEP_PARENT: '1' },
      killGraceMs: 200,
    });
    let pids: number[] = [];
    made.on('output', (chunk) => {
      pids = [...pids, ...announcedPids(chunk.toString())];
      if (pids.length >= 2) throw new Error('listener broke');
    });
    const result = await made.run();
    expect(result.status).toBe('failed');
    expect(result.message).toContain("an 'output' listener threw: listener broke");
    expect(pids.length).toBeGreaterThanOrEqual(2);
    for (const pid of pids) expect(pidAlive(pid)).toBe(false);
  });

  it("a 'log' listener that throws at the timeout does not stop the kill", async () => {
    const made = fixtureProcess(dir.path, 'sleep-forever', { timeoutMs: 300, killGraceMs: 200 });
    made.on('log', (level) => {
      if (level === 'WARNING') throw new Error('log listener broke');
    });
    const result = await made.run();
    expect(result.status).toBe('timed_out');
    expect(result.message).toContain("a 'log' listener threw: log listener broke");
  });

  it("a 'start' listener that throws ends the tree it was told about", async () => {
    const made = fixtureProcess(dir.path, 'sleep-forever', { killGraceMs: 200 });
    let pid = 0;
    made.on('start', (info) => {
      pid = info.pid;
      throw new Error('start listener broke');
    });
    const result = await made.run();
    expect(result.status).toBe('failed');
    expect(result.message).toContain("a 'start' listener threw: start listener broke");
    expect(pidAlive(pid)).toBe(false);
  });

  it("an 'end' listener that throws leaves a success a success, recorded once", async () => {
    const session = new OrchestratorSession({
      patternName: 'listeners',
      workingDir: dir.path,
      baseLogDir: dir.path,
      logger: silentLogger,
    });
    const made = session.track(fixtureProcess(dir.path, 'print-ok'));
    made.on('end', () => {
      throw new Error('end listener broke');
    });
    let later = 0;
    made.on('end', () => (later += 1));
    const result = await made.run();
    const summary = await session.close();
    expect(result.status).toBe('succeeded');
    expect(later).toBe(1);
    expect(summary.status).toBe('succeeded');
    // The session keeps only running records in memory: read the file.
    const ends = readFileSync(session.getEventsPath(), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"kind":"process-end"'));
    expect(ends).toHaveLength(1);
  });

  it('a logger that throws ends the run with a result that names its error', async () => {
    const broken: Logger = {
      log() {
        throw new Error('logger broke');
      },
    };
    const result = await fixtureProcess(dir.path, 'print-ok', { logger: broken }).run();
    expect(result.status).toBe('failed');
    expect(result.message).toContain('the logger threw: logger broke');
  });

  it('a once() listener stays a once() listener on a clone', async () => {
    const made = fixtureProcess(dir.path, 'print-ok');
    let calls = 0;
    made.once('end', () => (calls += 1));
    const copy = made.clone();
    await copy.run();
    expect(calls).toBe(1);
    expect(copy.listenerCount('end')).toBe(0);
  });

  it('a clone of a CommandProcess is a CommandProcess with the same command', async () => {
    const made = fixtureProcess(dir.path, 'print-ok');
    const copy = made.clone({ attempt: 2 });
    expect(copy.constructor.name).toBe('CommandProcess');
    const result = await copy.run();
    expect(result.output).toBe('ok\n');
    expect(result.logFile).toMatch(/print-ok\.attempt-2\.log$/);
  });
});

describe('a strategy callback that throws', () => {
  it('a shouldRetry that throws stops the retries and the result names its error', async () => {
    const { runParallel } = await import('../../src/strategies/run-parallel.js');
    const made = fixtureProcess(dir.path, 'exit-with', { env: { EXIT_CODE: '3' } });
    const [result] = await runParallel([made], {
      retry: {
        attempts: 3,
        shouldRetry: () => {
          throw new Error('policy broke');
        },
      },
    });
    expect(result!.status).toBe('failed');
    expect(result!.tries).toBe(1);
    expect(result!.message).toContain('retry.shouldRetry threw: policy broke');
  });
});
