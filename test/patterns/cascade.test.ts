import { afterEach, describe, expect, it } from 'vitest';
import { cascade } from '../../src/patterns/cascade.js';
import { gitIn } from '../workspaces/support.js';
import { patternBench, type PatternBench } from './support.js';

const script = { rules: [], default: { text: 'answer from {{model}}' } };

let bench: PatternBench;
afterEach(async () => bench.cleanup());

describe('cascade', () => {
  it('stops at the first tier the accept command takes; later tiers never start', async () => {
    bench = await patternBench('cascade', script);
    const result = await cascade({
      session: bench.session,
      task: bench.task,
      prompt: 'Answer the question',
      tiers: [{ model: 'alpha' }, { model: 'beta' }, { model: 'gamma' }],
      accept: 'grep -q beta',
    });
    expect(result.accepted).toBe(2);
    expect(result.tiers.map((t) => [t.role, t.result.status, t.accepted])).toEqual([
      ['claude/alpha', 'succeeded', false],
      ['claude/beta', 'succeeded', true],
    ]);
    expect(result.tiers[0]!.acceptance).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(result.final!.output).toBe('answer from beta');
    expect(bench.modelTurns()).toBe(2);
    expect(bench.session.getSummary().processes.map((p) => p.processId)).not.toContain('tier-3');
  });

  it('without an accept command the first success ends it', async () => {
    bench = await patternBench('cascade', script);
    const result = await cascade({
      session: bench.session,
      task: bench.task,
      prompt: 'Answer the question',
      tiers: [{ model: 'alpha' }, { model: 'beta' }],
    });
    expect(result.accepted).toBe(1);
    expect(result.tiers).toHaveLength(1);
    expect(bench.modelTurns()).toBe(1);
  });

  it('runs the accept command in the tier worktree with --worktree, and the work stays on its branch', async () => {
    bench = await patternBench('cascade', {
      rules: [
        {
          match: 'Write the file',
          turns: [
            { toolUse: { name: 'Write', input: { file_path: 'out.txt', content: '{{model}}\n' } } },
            { text: 'wrote it' },
          ],
        },
      ],
    });
    const result = await cascade({
      session: bench.session,
      task: bench.task,
      workspace: 'worktree',
      prompt: 'Write the file out.txt',
      tiers: [{ model: 'alpha' }, { model: 'beta' }],
      accept: 'grep -q beta out.txt',
    });
    expect(result.accepted).toBe(2);
    const [first, second] = result.tiers;
    expect(gitIn(bench.repo.root, 'show', `${first!.result.artifacts!.branch}:out.txt`)).toBe(
      'alpha',
    );
    expect(gitIn(bench.repo.root, 'show', `${second!.result.artifacts!.branch}:out.txt`)).toBe(
      'beta',
    );
  });
});
