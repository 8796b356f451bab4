import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';
import { readFileSync } from 'node:fs';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('the records a session keeps in memory', () => {
  it('are those of running processes only: finished runs live in events.jsonl, not in memory', async () => {
    const session = new OrchestratorSession({
      patternName: 'many',
      workingDir: dir.path,
      baseLogDir: dir.path,
      logger: silentLogger,
    });
    const processes = Array.from({ length: 40 }, (_, i) =>
      session.track(
        fixtureProcess(dir.path, 'print-ok', {
          processId: `quick-${i}`,
          logDir: session.processLogDir,
        }),
      ),
    );
    const slow = session.track(
      fixtureProcess(dir.path, 'sleep-forever', { logDir: session.processLogDir }),
    );
    const slowRun = slow.run();
    await runParallel(processes, { maxWorkers: 8 });
    const held = session.events();
    expect(held.map((e) => e.kind)).toEqual(['session-start', 'process-start']);
    expect(held[1]).toMatchObject({ processId: 'sleep-forever' });
    slow.cancel('done');
    await slowRun;
    expect(session.events().map((e) => e.kind)).toEqual(['session-start']);
    await session.close();
    const written = readFileSync(session.getEventsPath(), 'utf8').trim().split('\n');
    expect(written.filter((line) => line.includes('"kind":"process-end"'))).toHaveLength(41);
  });
});
