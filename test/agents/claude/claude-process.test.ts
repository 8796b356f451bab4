import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClaudeProcess,
  type ClaudeProcessOptions,
} from '../../../src/agents/claude/claude-process.js';
import { bundledClaudeBinary } from '../../../src/agents/claude/binary.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { mockModelEnv, startMockModel, type MockModel } from '../../../src/mock-model/index.js';
import { collector, pidAlive, tempDir } from '../../helpers/fixtures.js';

// The real `claude` binary against the scripted fake model: one server for the file.
let model: MockModel;
let home: { path: string; cleanup(): void };
let work: { path: string; cleanup(): void };

beforeAll(async () => {
  model = await startMockModel({
    script: {
      rules: [
        {
          match: 'write the greeting file',
          turns: [
            {
              toolUse: {
                name: 'Write',
                input: { file_path: 'greeting.txt', content: 'hello from the model\n' },
              },
            },
            { text: 'I wrote greeting.txt.' },
          ],
        },
        { match: 'answer slowly', turns: [{ text: 'finally', delayMs: 30_000 }] },
        { match: 'overloaded please', turns: [{ error: { status: 529 } }] },
        { match: 'rate limit me', turns: [{ error: { status: 429 } }] },
        { match: 'bad key please', turns: [{ error: { status: 401 } }] },
        { match: 'how long is this', turns: [{ text: 'counted' }] },
      ],
      default: { text: 'Mock reply: {{prompt}}', usage: { input_tokens: 1200, output_tokens: 34 } },
    },
  });
  home = tempDir('orchestrate-home-');
  work = tempDir('orchestrate-work-');
});

afterAll(async () => {
  await model.close();
  home.cleanup();
  work.cleanup();
});

function claude(prompt: string, processId: string, extra: Partial<ClaudeProcessOptions> = {}) {
  return new ClaudeProcess({
    prompt,
    processId,
    workingDir: work.path,
    logDir: join(work.path, 'logs'),
    env: mockModelEnv(model.url, home.path),
    streamOutput: false,
    logger: silentLogger,
    ...extra,
  });
}

describe('ClaudeProcess with the real claude binary', () => {
  it('the bundled claude binary is found when no command is given', () => {
    expect(bundledClaudeBinary()).toMatch(/@anthropic-ai\/claude-code\/bin\/claude\.exe$/);
  });

  it('a text reply succeeds with the result text, session, model, tokens and turns', async () => {
    const result = await claude('Say hello to the tests', 'text-reply').run();
    expect(result.status).toBe('succeeded');
    expect(result.exitCode).toBe(0);
    expect(result.output).toBe('Mock reply: Say hello to the tests');
    expect(result.isError).toBe(false);
    expect(result.apiErrorStatus).toBeNull();
    expect(result.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.model).toEqual(expect.any(String));
    expect(result.numTurns).toBe(1);
    expect(result.usage?.inputTokens).toBeGreaterThanOrEqual(1200);
    expect(result.usage?.outputTokens).toBeGreaterThanOrEqual(34);
    expect(result.costUsd).toBeGreaterThan(0);
    expect(result.message).toMatch(/^succeeded in .*, \$\d+\.\d{4}$/);
  });

  it('the raw stream events are saved one per line in the .jsonl file', async () => {
    const result = await claude('Say hello to the event log', 'events-file').run();
    const lines = readFileSync(join(work.path, 'logs', 'events-file.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const events = lines.map((line) => JSON.parse(line) as { type: string; subtype?: string });
    expect(events[0]).toMatchObject({ type: 'system', subtype: 'init' });
    expect(events.at(-1)).toMatchObject({ type: 'result', session_id: result.sessionId });
  });

  it('a Write tool call really writes the file and the second turn is the result', async () => {
    const result = await claude('Please write the greeting file', 'write-tool', {
      extraArgs: ['--allowedTools', 'Write'],
    }).run();
    expect(result.status).toBe('succeeded');
    expect(readFileSync(join(work.path, 'greeting.txt'), 'utf8')).toBe('hello from the model\n');
    expect(result.output).toBe('I wrote greeting.txt.');
    expect(result.numTurns).toBe(2);
  });

  it.each([
    [529, 'overloaded please', 'overloaded'],
    [429, 'rate limit me', 'rate limited'],
    [401, 'bad key please', 'authentication failed'],
  ])(
    'an API error %i is a failure with its status, never a success',
    async (status, prompt, words) => {
      const result = await claude(prompt, `api-error-${status}`).run();
      expect(result.status).toBe('failed');
      expect(result.exitCode).toBe(1);
      expect(result.isError).toBe(true);
      expect(result.apiErrorStatus).toBe(status);
      expect(result.message).toContain(`API error ${status} (${words})`);
    },
  );

  it('a reply slower than the timeout ends as timed_out and no claude process survives', async () => {
    const process = claude('answer slowly', 'slow-reply', { timeoutMs: 2500, killGraceMs: 1000 });
    let pid = 0;
    process.on('start', (info) => (pid = info.pid));
    const result = await process.run();
    expect(result.status).toBe('timed_out');
    // Our kill, not claude's own exit: claude exits 143 on SIGTERM, the result says -1.
    expect(result.exitCode).toBe(-1);
    // On a loaded machine claude may need the SIGKILL after the grace period too.
    expect(result.message).toMatch(/^timed out after 2\.5 s(; SIGKILL after 1 s grace)?$/);
    expect(pidAlive(pid)).toBe(false);
  });

  it('a 1 MB prompt reaches the model whole', async () => {
    const prompt = 'how long is this? ' + 'x'.repeat(1024 * 1024);
    const before = model.requests.length;
    const result = await claude(prompt, 'big-prompt').run();
    expect(result.status).toBe('succeeded');
    const seen = model.requests.slice(before).map((r) => r.prompt ?? '');
    expect(seen.some((text) => text.includes(prompt))).toBe(true);
  });

  it('streamed output shows the conversation as short human lines', async () => {
    const out = collector();
    await claude('Please write the greeting file', 'streamed', {
      streamOutput: true,
      console: out.stream,
      extraArgs: ['--allowedTools', 'Write'],
    }).run();
    const text = out.text();
    expect(text).toMatch(/^\[streamed\] session [0-9a-f-]{36} \(model .+\)$/m);
    expect(text).toMatch(/^\[streamed\] -> Write\(greeting\.txt\)$/m);
    expect(text).toMatch(/^\[streamed\] I wrote greeting\.txt\.$/m);
    expect(text).toMatch(/^\[streamed\] result: done in 2 turns, \$\d+\.\d{4}$/m);
  });

  it('the log file has the stream and a footer with the cost', async () => {
    const result = await claude('Say hello to the log', 'log-footer').run();
    expect(existsSync(result.logFile)).toBe(true);
    const log = readFileSync(result.logFile, 'utf8');
    expect(log).toContain('"type":"result"');
    expect(log).toMatch(/Cost: \$\d+\.\d{4}\n/);
  });
});
