import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaudeProcess } from '../../src/agents/claude/claude-process.js';
import { silentLogger } from '../../src/logging/logger.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

// A stand-in for `claude -p --output-format stream-json` (a canned stream, no
// model): the lifecycle under any agent that speaks in events, run quickly.
describe("an agent's events", () => {
  it('each event reaches the listeners and the events file, and the result comes from them', async () => {
    const made = new ClaudeProcess({
      command: fixture('print-claude-stream'),
      prompt: 'say hi',
      processId: 'events',
      workingDir: dir.path,
      logDir: join(dir.path, 'logs'),
      streamOutput: false,
      logger: silentLogger,
    });
    const seen: string[] = [];
    made.on('agent-event', (event) => seen.push(String(event.type)));
    const result = await made.run();
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('SAY HI');
    expect(result.outputTruncated).toBe(false);
    expect(seen[0]).toBe('system');
    expect(seen.at(-1)).toBe('result');
    const lines = readFileSync(join(dir.path, 'logs', 'events.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.map((line) => String((JSON.parse(line) as { type: unknown }).type))).toEqual(seen);
  });
});
