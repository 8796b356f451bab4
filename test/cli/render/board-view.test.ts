import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { boardView } from '../../../src/cli/render/board-view.js';
import { NO_COLORS } from '../../../src/cli/render/color.js';
import { RunState } from '../../../src/cli/render/run-state.js';
import { endEvent, startEvent } from './run-events.js';

/** A terminal-shaped stream that records what is written to it. */
function terminal(): { out: NodeJS.WriteStream; writes: string[] } {
  const stream = new PassThrough();
  const writes: string[] = [];
  stream.on('data', (chunk: Buffer) => writes.push(chunk.toString()));
  Object.assign(stream, { isTTY: true, columns: 100, rows: 20 });
  return { out: stream as unknown as NodeJS.WriteStream, writes };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('boardView', () => {
  test('repaints on its timer only, at most 10 times a second, whatever the event rate', async () => {
    const runs = 2000;
    const state = new RunState(
      'parallel',
      Array.from({ length: runs }, (_, i) => ({ processId: `p${i}`, prompt: `task ${i}` })),
    );
    const { out, writes } = terminal();
    const view = boardView(out, state, NO_COLORS);
    // 2,000 processes start and end (4,000 events) within one second of the clock.
    for (let i = 0; i < runs; i++) {
      const events = [startEvent(`p${i}`, i), endEvent(`p${i}`, 1, 'succeeded', null)];
      for (const event of events) {
        state.apply(event);
        view.event(event);
      }
      if (i % 200 === 0) await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(100);
    // log-update writes each repaint at once: one at the start and one per 100 ms frame.
    expect(writes.length).toBeLessThanOrEqual(12);
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.at(-1)).toContain(`${runs} succeeded`);
    view.stop();
  });
});
