import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrchestrateEvent } from '../../src/events/types.js';
import { formatLogLine, type Logger, type LogLevel } from '../../src/logging/logger.js';
import { RecordWriter } from '../../src/session/record-writer.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { tempDir } from '../helpers/fixtures.js';
import { eventsFile, quietSession } from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('the session files', () => {
  it('keeps session.log whole lines even with many processes logging at once', async () => {
    const session = quietSession(dir.path);
    const processes = Array.from({ length: 24 }, (_, i) => session.createProcess(`task ${i}`));
    await runParallel(processes);
    await session.close();
    const lines = readFileSync(session.getSessionLogPath(), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines)
      expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] \[(DEBUG|INFO|WARNING|ERROR)\] \[[^\]]+\] \S/);
    expect(lines.filter((l) => l.includes('Result: succeeded'))).toHaveLength(24);
    expect(eventsFile(session.sessionDir).filter((e) => e.kind === 'process-end')).toHaveLength(24);
  });

  it('numbers every record 1, 2, 3, ... in the order they are written, emitted the same', async () => {
    const session = quietSession(dir.path);
    const emitted: number[] = [];
    session.on('event', (event) => emitted.push(event.seq));
    await runParallel([session.createProcess('a'), session.createProcess('b')]);
    await session.close();
    const written = eventsFile(session.sessionDir).map((event) => event.seq);
    expect(written).toEqual(written.map((_, i) => i + 1));
    expect(emitted).toEqual(written.slice(1));
  });

  it('writes each record as a JSON line, and its human line, timed when it happened, to session.log and the logger', () => {
    const { logger, lines } = collectingLogger();
    const writer = new RecordWriter(dir.path, logger);
    const start = record('process-start', { processId: 'p1', attempt: 2, pid: 42 });
    const activity = record('process-activity', { processId: 'p1', attempt: 2, turns: 1 });
    writer.write(start);
    writer.write(activity);
    writer.close();
    const events = readFileSync(join(dir.path, 'events.jsonl'), 'utf8');
    expect(events).toBe(`${JSON.stringify(start)}\n${JSON.stringify(activity)}\n`);
    const log = readFileSync(join(dir.path, 'session.log'), 'utf8');
    const human = 'Started pid 42 (attempt 2)';
    expect(log).toBe(`${formatLogLine('INFO', 'p1', human, new Date(start.at))}\n`);
    expect(lines).toEqual([['INFO', 'p1', human]]);
  });

  it('writes nothing more once closed', () => {
    const writer = new RecordWriter(dir.path, collectingLogger().logger);
    writer.write(record('process-start', { processId: 'p1', attempt: 1, pid: 7 }));
    writer.close();
    writer.write(record('process-start', { processId: 'p2', attempt: 1, pid: 8 }));
    expect(readFileSync(join(dir.path, 'events.jsonl'), 'utf8').split('\n')).toHaveLength(2);
    expect(readFileSync(join(dir.path, 'session.log'), 'utf8').split('\n')).toHaveLength(2);
  });

  it('keeps writing when the logger throws, and tells of it once', () => {
    const failures: string[] = [];
    const throwing: Logger = {
      log() {
        throw new Error('the logger is broken');
      },
    };
    const writer = new RecordWriter(dir.path, throwing, (message) => failures.push(message));
    for (const processId of ['p1', 'p2'])
      expect(() =>
        writer.write(record('process-start', { processId, attempt: 1, pid: 7 })),
      ).not.toThrow();
    writer.close();
    expect(readFileSync(join(dir.path, 'events.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readFileSync(join(dir.path, 'session.log'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(failures).toEqual([
      "The session's logger threw: the logger is broken; its lines are still in session.log",
    ]);
  });

  it('tells of each file it cannot create, once, and the logger too, even one that throws', () => {
    const missing = join(dir.path, 'removed');
    const failures: string[] = [];
    const logged: string[] = [];
    const throwing: Logger = {
      log(level, source, message) {
        logged.push(`${level} ${source} ${message}`);
        throw new Error('the logger is broken');
      },
    };
    const writer = new RecordWriter(missing, throwing, (message) => failures.push(message));
    writer.close();
    expect(failures).toHaveLength(2);
    for (const message of failures) {
      expect(message).toMatch(/^Cannot write the session's files: ENOENT: .*removed/);
    }
    expect(failures[0]).toContain('events.jsonl');
    expect(failures[1]).toContain('session.log');
    expect(logged).toEqual(failures.map((message) => `ERROR session ${message}`));
    expect(existsSync(missing)).toBe(false);
  });
});

/** A record of `kind` with the fields given, at a fixed time in the past. */
function record(kind: string, fields: Record<string, unknown>): OrchestrateEvent {
  return {
    kind,
    seq: 1,
    at: '2026-01-02T03:04:05.000Z',
    sessionId: 's1',
    ...fields,
  } as unknown as OrchestrateEvent;
}

function collectingLogger(): { logger: Logger; lines: [LogLevel, string, string][] } {
  const lines: [LogLevel, string, string][] = [];
  return {
    logger: { log: (level, source, message) => lines.push([level, source, message]) },
    lines,
  };
}
