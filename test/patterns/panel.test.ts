import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expertPanel } from '../../src/patterns/panel.js';
import { patternBench, type PatternBench } from './support.js';

let bench: PatternBench;
afterEach(async () => bench.cleanup());

describe('expertPanel', () => {
  it('tallies structured votes from the experts and has one aggregator combine them', async () => {
    bench = await patternBench('panel', {
      rules: [
        { match: 'chair an expert panel', turns: [{ text: 'Combined.' }] },
        { match: 'security', turns: [{ text: '{"vote": "no", "reasons": "risky"}' }] },
      ],
      default: { text: '{"vote": "yes", "reasons": "fine"}' },
    });
    const result = await expertPanel({
      session: bench.session,
      task: bench.task,
      prompt: 'Should we ship on Friday?',
      experts: ['security', 'product', 'operations'],
      options: ['yes', 'no'],
    });
    expect(result.experts.map((e) => [e.expert, e.vote])).toEqual([
      ['security', 'no'],
      ['product', 'yes'],
      ['operations', 'yes'],
    ]);
    expect(result.votes).toMatchObject({ winner: 'yes', tie: false });
    expect(result.votes!.agreement).toBeCloseTo(2 / 3);
    expect(result.aggregate.output).toBe('Combined.');
    const aggregatorPrompt = bench.model.requests.find((r) => r.prompt?.includes('chair'))!.prompt!;
    expect(aggregatorPrompt).toContain('The votes: yes 2, no 1; agreement 67%.');
    expect(bench.modelTurns()).toBe(3 + 1);
  });

  it('reads role prompts from --prompts-dir when it has the file', async () => {
    bench = await patternBench('panel', { rules: [], default: { text: 'ok' } });
    const dir = mkdtempSync(join(tmpdir(), 'orchestrate-prompts-'));
    try {
      writeFileSync(join(dir, 'panel-expert.md'), 'CUSTOM expert {{expert}} on: {{task}}');
      await expertPanel({
        session: bench.session,
        task: bench.task,
        prompt: 'Review the plan',
        experts: ['testing'],
        promptsDir: dir,
      });
      expect(bench.model.requests.map((r) => r.prompt)).toContain(
        'CUSTOM expert testing on: Review the plan',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
