import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  listSessions,
  readSessionEvents,
  readSessionSummary,
} from '../../src/session/read-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { tempDir } from '../helpers/fixtures.js';
import { quietSession } from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('reading sessions back', () => {
  it('reads a closed session as close() returned it', async () => {
    const session = quietSession(dir.path);
    await runParallel([session.createProcess('a')]);
    const summary = await session.close();
    await expect(readSessionSummary(session.sessionDir)).resolves.toEqual(summary);
  });

  it('rebuilds an unclosed session from its events, as incomplete', async () => {
    const session = quietSession(dir.path);
    await runParallel([session.createProcess('a'), session.createProcess('b')]);
    const summary = await readSessionSummary(session.sessionDir);
    expect(summary.status).toBe('incomplete');
    expect(summary.endedAt).toBeNull();
    expect(summary.sessionId).toBe(session.sessionId);
    expect(summary.processes.map((p) => [p.processId, p.status])).toEqual([
      ['process-001', 'succeeded'],
      ['process-002', 'succeeded'],
    ]);
    expect(summary.totals.costUsd).toBeCloseTo(0.025);
    await session.close();
  });

  it('lists the sessions of a folder newest first, skipping folders that are not sessions', async () => {
    const base = join(dir.path, 'sessions');
    const older = quietSession(dir.path, { baseLogDir: base, patternName: 'older' });
    await older.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const newer = quietSession(dir.path, { baseLogDir: base, patternName: 'newer' });
    await newer.close();
    mkdirSync(join(base, 'junk'));
    writeFileSync(join(base, 'stray.txt'), 'not a session');
    const listed = await listSessions(base);
    expect(listed.map((s) => s.patternName)).toEqual(['newer', 'older']);
  });

  it('lists nothing for a folder that does not exist', async () => {
    await expect(listSessions(join(dir.path, 'nowhere'))).resolves.toEqual([]);
  });

  it('skips a half-written last line in events.jsonl', async () => {
    const session = quietSession(dir.path);
    await session.close();
    writeFileSync(
      join(session.sessionDir, 'events.jsonl'),
      '{"kind":"session-start","at":"2025-01-01T00:00:00.000Z","sessionId":"s"}\n{"kind":"log","at":',
      { flag: 'w' },
    );
    const events = await readSessionEvents(session.sessionDir);
    expect(events.map((e) => e.kind)).toEqual(['session-start']);
  });

  it('says when a folder is not a session', async () => {
    await expect(readSessionSummary(dir.path)).rejects.toThrow('is not a session folder');
  });
});
