import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nVersion } from '../../src/patterns/n-version.js';
import { readSessionEvents } from '../../src/session/read-session.js';
import { fixture } from '../helpers/fixtures.js';
import { checkoutState, gitIn } from '../workspaces/support.js';
import { patternBench, type PatternBench } from './support.js';

// Each version writes greeting.txt naming its model; the reviewer answers with a verdict.
const script = {
  rules: [
    {
      name: 'reviewer',
      match: 'You are the reviewer',
      turns: [
        {
          text: '{"winner": "version-2", "scores": {"version-1": 6, "version-2": 9}, "reasons": "beta is clearer."}',
        },
      ],
    },
    {
      name: 'version',
      match: 'Add a greeting',
      turns: [
        {
          toolUse: {
            name: 'Write',
            input: { file_path: 'greeting.txt', content: 'hello from {{model}}\n' },
          },
        },
        { text: 'Added greeting.txt.' },
      ],
    },
  ],
};

let bench: PatternBench;
afterEach(async () => bench.cleanup());

describe('nVersion', () => {
  it('runs N versions in worktrees, checks each, lets the reviewer pick, and merges the winner', async () => {
    bench = await patternBench('n-version', script);
    const before = checkoutState(bench.repo.root);
    const result = await nVersion({
      session: bench.session,
      task: bench.task,
      prompt: 'Add a greeting in greeting.txt',
      variants: [{ model: 'alpha' }, { model: 'beta' }],
      check: 'test -s greeting.txt',
      merge: true,
    });
    expect(result.winner).toBe('version-2');
    expect(result.reasons).toBe('beta is clearer.');
    // The verdict came through claude's --json-schema, not from the reply's text.
    expect(result.review!.structuredOutput).toMatchObject({ winner: 'version-2' });
    expect(result.candidates.map((c) => [c.processId, c.check?.passed, c.score])).toEqual([
      ['version-1', true, 6],
      ['version-2', true, 9],
    ]);
    expect(
      gitIn(
        bench.repo.root,
        'show',
        `${result.candidates[0]!.result.artifacts!.branch}:greeting.txt`,
      ),
    ).toBe('hello from alpha');
    expect(result.merge).toMatchObject({ status: 'merged' });
    expect(readFileSync(join(bench.repo.root, 'greeting.txt'), 'utf8')).toBe('hello from beta\n');
    expect(before.status).toBe('');
    // Two versions and one review: three agent runs; each version took two model turns.
    expect(bench.modelTurns()).toBe(5);
    const steps = (await readSessionEvents(bench.session.sessionDir)).filter(
      (e) => e.kind === 'step',
    );
    expect(steps.map((e) => `${e.processId}:${e.step}:${e.role}`)).toEqual(
      expect.arrayContaining([
        'version-1:version:claude/alpha',
        'version-2:version:claude/beta',
        'version-1-check:check:check',
        'review:review:reviewer',
      ]),
    );
  });

  it('skips the review when only one version passes its check', async () => {
    bench = await patternBench('n-version', script);
    const result = await nVersion({
      session: bench.session,
      task: bench.task,
      prompt: 'Add a greeting in greeting.txt',
      variants: [{ model: 'alpha' }, { model: 'beta' }],
      check: 'grep -q beta greeting.txt',
    });
    expect(result.winner).toBe('version-2');
    expect(result.review).toBeNull();
    expect(result.candidates[0]!.check).toMatchObject({ passed: false, exitCode: 1 });
    expect(bench.modelTurns()).toBe(4);
  });

  it('names no winner when claude cannot give a verdict that follows the schema, and says why', async () => {
    bench = await patternBench('n-version', {
      rules: [
        {
          match: 'You are the reviewer',
          turns: [{ text: '{"winner": "version-9", "scores": {}, "reasons": "?"}' }],
        },
        ...script.rules.slice(1),
      ],
    });
    const result = await nVersion({
      session: bench.session,
      task: bench.task,
      prompt: 'Add a greeting in greeting.txt',
      n: 2,
    });
    expect(result.winner).toBeNull();
    // claude itself refuses the StructuredOutput call (--json-schema) and, after its retries, gives up.
    expect(result.reasons).toMatch(
      /^The reviewer gave no verdict: failed after .*structured output/,
    );
    expect(result.review!.status).toBe('failed');
  });

  it('validates the JSON verdict of an agent without structured output, and says why it is invalid', async () => {
    bench = await patternBench('n-version', { rules: script.rules.slice(1) });
    const verdict = '{"winner": "version-9", "scores": {}, "reasons": "?"}';
    const result = await nVersion({
      session: bench.session,
      task: bench.task,
      prompt: 'Add a greeting in greeting.txt',
      n: 2,
      reviewer: {
        agent: 'command',
        command: fixture('print-first-argument'),
        args: [verdict],
        promptVia: 'none',
      },
    });
    expect(result.winner).toBeNull();
    expect(result.reasons).toMatch(/^The reviewer's verdict is not valid: winner: /);
  });
});
