import { describe, expect, test } from 'vitest';
import { renderBoard } from '../../../src/cli/render/board.js';
import { NO_COLORS, stripColor, paletteFor } from '../../../src/cli/render/color.js';
import { RunState } from '../../../src/cli/render/run-state.js';
import { endEvent, startEvent, usage } from './run-events.js';

const now = 1_700_000_010_000;
/** Event time of `now - ms` (the events' clock starts at 1_700_000_000_000). */
const before = (ms: number) => now - 1_700_000_000_000 - ms;

function state(n: number): RunState {
  const s = new RunState(
    'parallel',
    Array.from({ length: n }, (_, i) => ({
      processId: `process-${String(i + 1).padStart(3, '0')}`,
      prompt: `prompt number ${i + 1}`,
    })),
  );
  s.startedAt = now - 4200;
  s.sessionId = 'parallel_20240101_000000_000';
  return s;
}

const options = { now, palette: NO_COLORS, width: 100, height: 24, frame: 0 };

describe('renderBoard', () => {
  test('shows a title, one row per process and a totals line', () => {
    const s = state(2);
    s.apply(startEvent('process-001', before(4000)));
    s.apply(
      endEvent('process-001', 1, 'succeeded', 0.0123, usage(12_000, 450, 300), {
        durationMs: 3200,
        message: 'succeeded in 3.2 s',
      }),
    );
    s.apply(startEvent('process-002', before(2100)));
    const lines = renderBoard(s, options).split('\n');
    expect(lines[0]).toBe('orchestrate parallel · 2 processes · parallel_20240101_000000_000');
    expect(lines[1]).toMatch(
      /✔ process-001 +succeeded +3\.2s +12k\/450 +\$0\.0123 +succeeded in 3\.2 s/,
    );
    expect(lines[2]).toMatch(/⠋ process-002 +running +2\.1s +prompt number 2/);
    expect(lines[3]).toBe(
      '  1 succeeded · 1 running   elapsed 4.2s   tokens 12k in / 450 out   cost $0.0123',
    );
  });

  test("a task's label stands beside its process id, and a mock run's cost says simulated", () => {
    const s = state(2);
    s.add('process-001', 'prompt number 1', 'claude', 'review the authentication module');
    s.simulatedCost = true;
    const lines = renderBoard(s, options).split('\n');
    expect(lines[1]).toMatch(/ process-001 review the authenticati… +claude +pending/);
    // The id column is as wide as the widest id with its label, so the rows stay aligned.
    expect(lines[2]).toMatch(/ process-002 +pending/);
    expect(lines[2]!.indexOf('pending')).toBe(lines[1]!.indexOf('pending'));
    expect(lines.at(-1)).toMatch(/cost n\/a \(simulated\)$/);
  });

  test('a retrying process shows which try comes and when', () => {
    const s = state(1);
    s.apply(endEvent('process-001', 1, 'failed', null, null));
    s.apply({
      kind: 'retry',
      at: new Date(now).toISOString(),
      sessionId: 's',
      seq: 1,
      processId: 'process-001',
      attempt: 2,
      delayMs: 1500,
      reason: 'overloaded (529)',
      previousStatus: 'failed',
      previousApiErrorStatus: 529,
    });
    expect(renderBoard(s, options)).toMatch(/↻ process-001 +retry 2 in 1\.5s .*overloaded \(529\)/);
  });

  test("an agent's own API retry shows on its row, and the totals count them", () => {
    const s = state(1);
    s.apply(startEvent('process-001', before(1000)));
    s.apply({
      kind: 'agent-retry',
      at: new Date(now).toISOString(),
      sessionId: 's',
      seq: 1,
      processId: 'process-001',
      attempt: 1,
      agentAttempt: 3,
      maxRetries: 10,
      delayMs: 8000,
      errorStatus: 429,
      error: 'rate_limit',
    });
    const lines = renderBoard(s, { ...options, width: 120 }).split('\n');
    expect(lines[1]).toMatch(/process-001 +running .*429 rate limit — retry 3\/10 in 8 s$/);
    expect(lines[2]).toMatch(/^ {2}1 running · 1 agent API retry {3}elapsed/);
  });

  test('rows never run past the terminal width', () => {
    const s = state(1);
    s.add('process-001', 'x'.repeat(500));
    for (const line of renderBoard(s, { ...options, width: 60 })
      .split('\n')
      .slice(1, 2)) {
      expect(line.length).toBeLessThanOrEqual(60);
    }
  });

  test('with more processes than rows, the busy ones are shown and the rest counted', () => {
    const s = state(30);
    s.apply(startEvent('process-020', before(1000)));
    const text = renderBoard(s, { ...options, height: 10 });
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(text).toContain('process-020');
    expect(text).toMatch(/… 24 more \(24 pending\)/);
  });

  test('thousands of ended processes show as a count, beside the running ones', () => {
    const s = state(5000);
    for (let i = 1; i <= 4990; i++) {
      const id = `process-${String(i).padStart(3, '0')}`;
      s.apply(startEvent(id, before(3000)));
      s.apply(endEvent(id, 1, i === 7 ? 'failed' : 'succeeded', 0.001, usage(10, 1)));
    }
    s.apply(startEvent('process-4991', before(1000)));
    const text = renderBoard(s, { ...options, height: 10 });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/ 5000 processes /);
    // The running one and the failure are shown; everything else is counted.
    expect(text).toMatch(/process-4991 +running/);
    expect(text).toMatch(/process-007 .*failed/);
    expect(text).toMatch(/… 4994 more \(5 pending, 4989 succeeded\)/);
    expect(lines.at(-1)).toMatch(/^ {2}4989 succeeded · 1 failed · 1 running · 9 pending {3}/);
    expect(lines.at(-1)).toMatch(/tokens 49,?9\d\d in|tokens 50k in/);
    expect(s.heldViews).toBeLessThanOrEqual(9 + 1 + 2 * 256);
  });

  test('colours follow NO_COLOR and the terminal', () => {
    expect(paletteFor({ isTTY: true }, { NO_COLOR: '1' }).green('x')).toBe('x');
    expect(paletteFor({ isTTY: true }, { NO_COLOR: '' }).green('x')).not.toBe('x');
    expect(paletteFor({ isTTY: false }, {}).green('x')).toBe('x');
    expect(paletteFor({ isTTY: false }, { FORCE_COLOR: '1' }).green('x')).not.toBe('x');
    expect(stripColor(paletteFor({ isTTY: true }, {}).red('x'))).toBe('x');
  });
});
