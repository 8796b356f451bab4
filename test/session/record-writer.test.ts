import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
});
