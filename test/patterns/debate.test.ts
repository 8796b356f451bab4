import { afterEach, describe, expect, it } from 'vitest';
import { debate } from '../../src/patterns/debate.js';
import { patternBench, type PatternBench } from './support.js';

let bench: PatternBench;
afterEach(async () => bench.cleanup());

describe('debate', () => {
  it('makes perspectives x rounds + 1 requests, each later round seeing the others', async () => {
    bench = await patternBench('debate', {
      rules: [{ match: 'facilitate a debate', turns: [{ text: 'The synthesis.' }] }],
      default: { text: 'Round {{turn}} says: {{prompt}}' },
    });
    const result = await debate({
      session: bench.session,
      task: bench.task,
      question: 'Tabs or spaces?',
      perspectives: ['readability', 'tooling'],
      rounds: 2,
    });
    expect(bench.modelTurns()).toBe(2 * 2 + 1);
    expect(result.rounds.map((r) => r.map((a) => a.result.status))).toEqual([
      ['succeeded', 'succeeded'],
      ['succeeded', 'succeeded'],
    ]);
    const secondPrompt = bench.model.requests
      .filter((r) =>
        r.prompt?.startsWith(
          'You take part in a debate as the voice of this perspective: readability.\nThis is round 2',
        ),
      )
      .map((r) => r.prompt!)[0]!;
    expect(secondPrompt).toContain('### tooling');
    expect(result.synthesis.output).toBe('The synthesis.');
    const steps = bench.session.getSummary().processes.map((p) => p.step);
    expect(steps).toContainEqual({ step: 'answer', round: 2, role: 'tooling' });
    expect(steps).toContainEqual({ step: 'synthesis', round: null, role: 'facilitator' });
  });

  it('refuses fewer than two perspectives, naming the option', async () => {
    bench = await patternBench('debate', { rules: [] });
    await expect(
      debate({ session: bench.session, question: 'q', perspectives: ['one'] }),
    ).rejects.toThrow(/`perspectives` to be a list of at least 2 non-empty names/);
  });
});
