/**
 * A remote agent's output on the submitting machine: the real CLI with
 * `--backend` and `--stream`, a real worker process and redis-server. Every
 * line the agent writes comes back, in order, prefixed like a local one's, into
 * the console and the session's process log (which the dashboard serves).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDashboard } from '../../src/dashboard/server.js';
import { onlySession, runCli, sessionEvents } from '../cli/helpers/run-cli.js';
import { readSse } from '../dashboard/support.js';
import { fixture } from '../helpers/fixtures.js';
import { useQueueFixture } from '../helpers/queue-fixture.js';

const queue = useQueueFixture(1);

const LINES = 10_000;
const numbered = (text: string, pattern: RegExp) =>
  text.split('\n').flatMap((line) => {
    const match = pattern.exec(line);
    return match ? [Number(match[1])] : [];
  });
const oneTo = (n: number, step = 1) => Array.from({ length: n / step }, (_, i) => (i + 1) * step);

describe("a remote agent's output", () => {
  it('reaches --stream, the session log and the dashboard whole and in order, under a flood of 10,000 lines', async () => {
    const logs = join(queue.dir, 'sessions');
    const result = await runCli([
      ...['parallel', '--backend', queue.redis.url, '--stream', '--log-dir', logs],
      ...['--command', fixture('write-numbered-lines'), 'flood', '--', String(LINES)],
    ]);
    expect(result.code).toBe(0);
    expect(queue.worker.output()).toContain('Running command task process-001');
    // The console: each line once, in order, prefixed with its process id as a local one's.
    expect(numbered(result.stdout, /^\[process-001\] line (\d+)$/)).toEqual(oneTo(LINES));
    expect(numbered(result.stdout, /^\[process-001\] \[stderr\] err (\d+)$/)).toEqual(
      oneTo(LINES, 1000),
    );
    // The session's copy of the log: header, every line, footer, where a local try's would be.
    const session = onlySession(logs);
    const log = readFileSync(join(session, 'processes', 'process-001.log'), 'utf8');
    expect(log).toContain('Process: process-001');
    expect(numbered(log, /^line (\d+)$/)).toEqual(oneTo(LINES));
    expect(log).toContain('Status: succeeded');
    expect(log).toContain('err 10000');
    const start = sessionEvents(session).find((event) => event.kind === 'process-start');
    expect(start?.logFile).toBe(join(session, 'processes', 'process-001.log'));
    // The dashboard's process page reads it.
    const dashboard = await startDashboard({ baseLogDir: logs });
    try {
      const auth = { cookie: `orchestrate-dashboard-${dashboard.port}=${dashboard.token}` };
      const url = `${new URL(dashboard.url).origin}/api/sessions/${basename(session)}/processes/process-001/log`;
      const shown: string[] = [];
      await readSse(url, auth, (messages) => {
        shown.splice(0, shown.length, ...messages.flatMap((m) => JSON.parse(m.data) as string[]));
        return shown.some((line) => line.startsWith('Status:'));
      });
      expect(numbered(shown.join('\n'), /^line (\d+)$/)).toEqual(oneTo(LINES));
    } finally {
      await dashboard.close();
    }
  });
});
