import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

const LINES = 3000;
const expected = Array.from({ length: LINES }, (_, i) => `line ${String(i + 1).padStart(5, '0')}`);

/** Blocks this thread, as a busy host or a loaded machine does. */
function stall(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

function linesOf(output: string): string[] {
  return output.replace(/\r\n/g, '\n').split('\n').filter(Boolean);
}

describe("stdin: 'pty' loses nothing the child wrote", () => {
  it('every line of a burst written just before exit arrives, run after run', async () => {
    for (let run = 0; run < 5; run++) {
      const result = await fixtureProcess(dir.path, 'write-burst-then-exit', {
        stdin: 'pty',
        timeoutMs: 20_000,
      }).run();
      expect(result.status).toBe('succeeded');
      expect(linesOf(result.output)).toEqual(expected);
    }
  });

  it('every line arrives even when the host is too busy to read while the child exits', async () => {
    const agent = fixtureProcess(dir.path, 'write-burst-then-exit', {
      stdin: 'pty',
      timeoutMs: 20_000,
    });
    let chunks = 0;
    // The first reads find the host busy: the child finishes and exits meanwhile,
    // and most of its burst is still in the terminal when the host looks again.
    agent.on('output', () => {
      if (chunks++ < 3) stall(300);
    });
    const result = await agent.run();
    expect(result.status).toBe('succeeded');
    expect(linesOf(result.output)).toEqual(expected);
  });
});
