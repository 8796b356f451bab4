import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { processStartTime, sessionLiveness } from '../../src/session/liveness.js';
import { tempDir } from '../helpers/fixtures.js';

const dir = tempDir('orchestrate-liveness-');
afterAll(() => dir.cleanup());

// This test process stands in for an orchestrator: it is alive and started
// before "now", and after a moment an hour ago.
const here = { hostname: hostname(), pid: process.pid };

describe('sessionLiveness', () => {
  test('a folder with no summary whose orchestrator is alive here is running', () => {
    expect(sessionLiveness(dir.path, { ...here, startedAt: new Date().toISOString() })).toBe(
      'running',
    );
  });

  test('a pid that started after the session did is a reused pid: the session is abandoned', () => {
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    expect(sessionLiveness(dir.path, { ...here, startedAt: anHourAgo })).toBe('abandoned');
  });

  test('a dead pid leaves the session abandoned; another host cannot be told', () => {
    const now = new Date().toISOString();
    expect(sessionLiveness(dir.path, { ...here, pid: 2 ** 22 + 1, startedAt: now })).toBe(
      'abandoned',
    );
    expect(sessionLiveness(dir.path, { ...here, hostname: 'elsewhere', startedAt: now })).toBe(
      'unknown',
    );
    expect(sessionLiveness(dir.path, null)).toBe('unknown');
  });

  test('summary.json makes it closed whatever the pid', () => {
    const closed = join(dir.path, 'closed');
    mkdirSync(closed);
    writeFileSync(join(closed, 'summary.json'), '{}');
    expect(sessionLiveness(closed, { ...here, startedAt: new Date().toISOString() })).toBe(
      'closed',
    );
  });
});

describe('processStartTime', () => {
  test('reads when a living process started, within the second of the boot clock', () => {
    const started = processStartTime(process.pid)!;
    const uptimeStart = Date.now() - process.uptime() * 1000;
    expect(Math.abs(started - uptimeStart)).toBeLessThan(2500);
  });
});
