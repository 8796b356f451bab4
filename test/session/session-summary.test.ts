import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSessionSummary } from '../../src/session/read-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';
import { quietSession } from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('closing a session and summarizing it', () => {
  it('says cancelled when a process was cancelled, and lists processes that never ran', async () => {
    const session = quietSession(dir.path);
    const processes = [session.createProcess('a'), session.createProcess('b')];
    await runParallel(processes, { signal: AbortSignal.abort() });
    session.createProcess('never run');
    const summary = await session.close();
    expect(summary.status).toBe('cancelled');
    expect(summary.processes.map((p) => p.status)).toEqual(['cancelled', 'cancelled', 'not_run']);
    expect(summary.totals).toMatchObject({ cancelled: 2, notRun: 1 });
  });

  it('says failed when a process that ran did not succeed, unless told otherwise', async () => {
    const failing = quietSession(dir.path);
    const a = failing.track(
      fixtureProcess(dir.path, 'exit-with', {
        logDir: failing.processLogDir,
        env: { EXIT_CODE: '2' },
      }),
    );
    await runSequential([a]);
    expect((await failing.close()).status).toBe('failed');
    const told = quietSession(dir.path);
    expect((await told.close('cancelled')).status).toBe('cancelled');
  });

  it('writes summary.json on close, and close() again returns the same summary', async () => {
    const session = quietSession(dir.path);
    await runParallel([session.createProcess('x')]);
    const first = session.close();
    expect(session.close()).toBe(first);
    const summary = await first;
    expect(JSON.parse(readFileSync(join(session.sessionDir, 'summary.json'), 'utf8'))).toEqual(
      summary,
    );
    expect(summary.endedAt).not.toBeNull();
    expect(() => session.createProcess('late')).toThrow('is closed');
  });

  it('marks the costs simulated when told the model spends nothing, in the records and the summary', async () => {
    const simulated = quietSession(dir.path, { simulatedCost: true });
    await runParallel([simulated.createProcess('x')]);
    const summary = await simulated.close();
    expect(summary.simulatedCost).toBe(true);
    expect(simulated.events()[0]).toMatchObject({ kind: 'session-start', simulatedCost: true });
    // Rebuilt from events.jsonl alone, as the dashboard reads a running session.
    rmSync(join(simulated.sessionDir, 'summary.json'));
    expect((await readSessionSummary(simulated.sessionDir)).simulatedCost).toBe(true);
    const real = quietSession(dir.path);
    expect('simulatedCost' in (await real.close())).toBe(false);
    expect(() => quietSession(dir.path, { simulatedCost: 'yes' as unknown as boolean })).toThrow(
      'Expected `simulatedCost` to be true or false, got `"yes"` (string)',
    );
  });

  it('summarize() gives the session as human text with a line per process', async () => {
    const session = quietSession(dir.path);
    await runParallel([session.createProcess('a'), session.createProcess('b')]);
    await session.close();
    const text = session.summarize();
    expect(text).toContain(`Session: ${session.sessionId}`);
    expect(text).toContain('Status: succeeded');
    expect(text).toContain('Processes: 2 (2 succeeded)');
    expect(text).toContain('Total cost: $0.0250');
    expect(text).toMatch(/process-001 +succeeded +exit 0/);
  });
});
