import { describe, expect, it } from 'vitest';
import { ActivityTally } from '../../../src/agents/claude/activity.js';

const assistant = (
  id: string | undefined,
  input: number,
  output: number,
  content: unknown[] = [],
) => ({
  type: 'assistant',
  message: { id, usage: { input_tokens: input, output_tokens: output }, content },
});

describe('live activity', () => {
  it('counts a message repeated per content block once, and sums distinct messages', () => {
    const tally = new ActivityTally();
    expect(tally.read(assistant('a', 10, 1, [{ type: 'text', text: 'hi' }]))).toMatchObject({
      turns: 1,
      inputTokens: 10,
      outputTokens: 1,
      activity: 'hi',
    });
    expect(tally.read(assistant('a', 10, 3))).toMatchObject({
      turns: 1,
      inputTokens: 10,
      outputTokens: 3,
      activity: null,
    });
    expect(tally.read(assistant('b', 20, 2))).toMatchObject({
      turns: 2,
      inputTokens: 30,
      outputTokens: 5,
    });
    expect(tally.read(assistant(undefined, 1, 1))).toMatchObject({ turns: 3, inputTokens: 31 });
  });

  it('ignores events that are not assistant messages', () => {
    expect(new ActivityTally().read({ type: 'system', subtype: 'init' })).toBeNull();
  });

  it('shortens what the agent did to one line', () => {
    const long = 'word '.repeat(100);
    const snapshot = new ActivityTally().read(assistant('a', 0, 0, [{ type: 'text', text: long }]));
    expect(snapshot!.activity!.length).toBeLessThanOrEqual(163);
    expect(snapshot!.activity).not.toContain('\n');
  });
});
