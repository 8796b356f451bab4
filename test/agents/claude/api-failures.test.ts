/**
 * The real claude, through orchestrate, against a mock model that fails the
 * way the API does: each failure ends in the result the retry policy needs.
 * claude's own retries are off (maxRetries 0), so every retry seen is ours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrchestrateEvent } from '../../../src/events/types.js';
import { silentLogger } from '../../../src/logging/logger.js';
import type { MockScriptInput } from '../../../src/mock-model/index.js';
import { OrchestratorSession } from '../../../src/session/orchestrator-session.js';
import { runParallel } from '../../../src/strategies/run-parallel.js';
import { withMockClaude, type MockClaude } from '../../helpers/mock-claude.js';

const writes = (...names: string[]) =>
  names.map((name) => ({ name: 'Write', input: { file_path: name, content: `${name}\n` } }));

const script: MockScriptInput = {
  rules: [
    {
      match: 'overloaded mid-stream once',
      // The stream breaks with overloaded_error; claude asks again without
      // streaming and gets the 529; the retry gets the answer.
      turns: [
        { error: { status: 529, midStream: true }, text: 'Half an ans', times: 2 },
        { text: 'The whole answer.' },
      ],
    },
    { match: 'server error mid-stream', turns: [{ error: { status: 500, midStream: true } }] },
    {
      match: 'rate limited once',
      turns: [{ error: { status: 429, retryAfter: 1 }, times: 1 }, { text: 'After the wait.' }],
    },
    {
      match: 'too long',
      turns: [{ text: 'This answer is cut off in the mid', stopReason: 'max_tokens' }],
    },
    {
      match: 'think first',
      turns: [{ thinking: 'Two files, one turn.', text: 'Thought it through.' }],
    },
    {
      match: 'write both files',
      turns: [
        { text: 'Writing both.', toolUse: writes('a.txt', 'b.txt') },
        { text: 'Wrote both.' },
      ],
    },
    { match: 'slow to start', turns: [{ text: 'Worth the wait.', delayMs: 2000 }] },
    {
      match: 'connection drops once',
      turns: [{ drop: true, text: 'Half', times: 1 }, { text: 'Back.' }],
    },
    { match: 'connection always drops', turns: [{ drop: true }] },
  ],
};

let mock: MockClaude;
let session: OrchestratorSession;
const events: OrchestrateEvent[] = [];

beforeAll(async () => {
  mock = await withMockClaude(script, { maxRetries: 0 });
  session = new OrchestratorSession({
    patternName: 'api-failures',
    workingDir: mock.cwd,
    logger: silentLogger,
    processDefaults: { command: mock.claudeBin, env: mock.env, streamOutput: false },
  });
  session.on('event', (event) => events.push(event));
});

afterAll(async () => {
  await session.close();
  await mock.cleanup();
});

/** One process through runParallel with the default retry policy and `attempts` tries. */
async function run(prompt: string, id: string, attempts = 2, extraArgs: string[] = []) {
  const process = session.createProcess(prompt, id, { extraArgs });
  const [result] = await runParallel([process], {
    retry: { attempts, minDelayMs: 10, maxDelayMs: 20 },
  });
  const retries = events.filter((e) => e.kind === 'retry' && e.processId === id);
  const requests = mock.model.requests.filter((r) => r.prompt === prompt);
  return { result: result!, retries, requests };
}

describe('API failures, end to end', () => {
  it('an overloaded_error inside the stream is a 529, so the default policy retries it', async () => {
    const { result, retries, requests } = await run('overloaded mid-stream once', 'mid-529');
    expect(result).toMatchObject({ status: 'succeeded', tries: 2, output: 'The whole answer.' });
    expect(retries).toEqual([
      expect.objectContaining({
        previousApiErrorStatus: 529,
        reason: 'API error 529 (overloaded)',
      }),
    ]);
    expect(requests.map((r) => [r.stream, r.answer, r.status])).toEqual([
      [true, 'stream_error', 200],
      [false, 'error', 529],
      [true, 'text', 200],
    ]);
  });

  it('an api_error inside the stream is a 500: retried, then reported with its status', async () => {
    const { result, retries } = await run('server error mid-stream', 'mid-500');
    expect(result).toMatchObject({
      status: 'failed',
      tries: 2,
      apiErrorStatus: 500,
      isError: true,
    });
    expect(result.message).toContain('API error 500 (server error)');
    expect(retries).toHaveLength(1);
  });

  it('a 429 with retry-after and rate-limit headers is retried, and the retry succeeds', async () => {
    const { result, retries, requests } = await run('rate limited once', 'rate-limited');
    expect(result).toMatchObject({ status: 'succeeded', tries: 2, output: 'After the wait.' });
    expect(retries).toEqual([
      expect.objectContaining({
        previousApiErrorStatus: 429,
        reason: 'API error 429 (rate limited)',
      }),
    ]);
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('a reply cut off at max_tokens fails as the agent reports it, and is not retried', async () => {
    const { result, retries } = await run('too long', 'max-tokens', 3);
    expect(result).toMatchObject({
      status: 'failed',
      tries: 1,
      apiErrorStatus: null,
      isError: true,
    });
    expect(result.message).toContain('(max_output_tokens)');
    expect(retries).toEqual([]);
  });

  it('a thinking block reaches the event log and the text after it is the output', async () => {
    const { result } = await run('think first', 'thinking');
    expect(result).toMatchObject({ status: 'succeeded', output: 'Thought it through.' });
    const raw = readFileSync(join(session.sessionDir, 'processes', 'thinking.jsonl'), 'utf8');
    expect(raw).toContain('"thinking":"Two files, one turn."');
  });

  it('two tool uses in one turn both run before the next turn', async () => {
    const { result, requests } = await run('write both files', 'two-tools', 1, [
      '--allowedTools',
      'Write',
    ]);
    expect(result).toMatchObject({ status: 'succeeded', output: 'Wrote both.' });
    expect(readFileSync(join(mock.cwd, 'a.txt'), 'utf8')).toBe('a.txt\n');
    expect(readFileSync(join(mock.cwd, 'b.txt'), 'utf8')).toBe('b.txt\n');
    expect(requests.map((r) => [r.turn, r.answer])).toEqual([
      [0, 'toolUse'],
      [1, 'text'],
    ]);
  });

  it('a slow first byte is waited for', async () => {
    const { result, requests } = await run('slow to start', 'slow-first-byte');
    expect(result).toMatchObject({ status: 'succeeded', output: 'Worth the wait.' });
    expect(requests).toHaveLength(1);
    expect(result.durationMs).toBeGreaterThanOrEqual(2000);
  });

  it('a dropped connection is asked again by claude itself, without streaming', async () => {
    const { result, retries, requests } = await run('connection drops once', 'drop-once');
    expect(result).toMatchObject({ status: 'succeeded', tries: 1, output: 'Back.' });
    expect(retries).toEqual([]);
    expect(requests.map((r) => [r.stream, r.answer])).toEqual([
      [true, 'drop'],
      [false, 'text'],
    ]);
  });

  it('a connection that always drops fails without an API status, and is not retried', async () => {
    const { result, retries } = await run('connection always drops', 'drop-always');
    expect(result).toMatchObject({
      status: 'failed',
      tries: 1,
      apiErrorStatus: null,
      isError: true,
    });
    expect(result.message).toContain('(connection_failed)');
    expect(retries).toEqual([]);
  });
});
