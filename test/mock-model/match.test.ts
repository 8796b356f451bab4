import { describe, expect, test } from 'vitest';
import { parseMockScript } from '../../src/mock-model/index.js';
import { compileMatch, createResolver } from '../../src/mock-model/match.js';

function resolver(value: unknown) {
  const resolve = createResolver(parseMockScript(value));
  return (prompt: string, turn = 0) => {
    const { turn: chosen, matchedBy, turnIndex } = resolve(prompt, turn);
    return { text: chosen.text ?? chosen.error?.status ?? null, rule: matchedBy.rule, turnIndex };
  };
}

describe('compileMatch', () => {
  test('a plain string matches as a case-insensitive substring', () => {
    const matches = compileMatch('Write The File');
    expect(matches('please write the file now')).toBe(true);
    expect(matches('please write a file')).toBe(false);
  });

  test('a /regex/flags string matches as a regular expression', () => {
    expect(compileMatch('/^slow\\b/i')('SLOW please')).toBe(true);
    expect(compileMatch('/^slow\\b/')('SLOW please')).toBe(false);
    expect(compileMatch('/a.c/')('xabcx')).toBe(true);
  });

  test('a missing match matches every prompt, the empty one too', () => {
    expect(compileMatch(undefined)('')).toBe(true);
  });
});

describe('createResolver', () => {
  const script = {
    rules: [
      { match: 'tool', name: 'tools', turns: [{ text: 't0' }, { text: 't1' }, { text: 't2' }] },
      { match: '/^exact$/', turns: [{ text: 'exact' }] },
    ],
    default: { text: 'fallback {{prompt}}' },
  };

  test('the first matching rule answers, and the turn number picks the entry', () => {
    const resolve = resolver(script);
    expect(resolve('use a tool', 0)).toEqual({ text: 't0', rule: 0, turnIndex: 0 });
    expect(resolve('use a tool', 1)).toEqual({ text: 't1', rule: 0, turnIndex: 1 });
    expect(resolve('exact', 0)).toEqual({ text: 'exact', rule: 1, turnIndex: 0 });
  });

  test('past the end of the turns the last one repeats', () => {
    expect(resolver(script)('use a tool', 7)).toEqual({ text: 't2', rule: 0, turnIndex: 2 });
  });

  test('an unmatched prompt gets the default at every turn', () => {
    const resolve = resolver(script);
    expect(resolve('nothing', 0)).toEqual({
      text: 'fallback {{prompt}}',
      rule: 'default',
      turnIndex: 0,
    });
    expect(resolve('nothing', 3)).toEqual({
      text: 'fallback {{prompt}}',
      rule: 'default',
      turnIndex: 0,
    });
  });

  test('without a default the built-in reply echoes the prompt', () => {
    expect(resolver({})('hi')).toEqual({
      text: 'Mock reply: {{prompt}}',
      rule: 'default',
      turnIndex: 0,
    });
  });

  test('a turn with times answers that many requests, then the next entry takes its place', () => {
    const resolve = resolver({
      rules: [
        {
          match: 'x',
          turns: [{ error: { status: 529 }, times: 2 }, { text: 'write' }, { text: 'done' }],
        },
      ],
    });
    expect(resolve('x', 0).text).toBe(529);
    expect(resolve('x', 0).text).toBe(529);
    expect(resolve('x', 0)).toEqual({ text: 'write', rule: 0, turnIndex: 1 });
    expect(resolve('x', 1)).toEqual({ text: 'done', rule: 0, turnIndex: 2 });
  });

  test('times counts every request of the server instance, whichever conversation sends it', () => {
    const resolve = resolver({
      rules: [{ turns: [{ error: { status: 500 }, times: 1 }, { text: 'ok' }] }],
    });
    expect(resolve('first process').text).toBe(500);
    expect(resolve('second process').text).toBe('ok');
    expect(
      resolver({ rules: [{ turns: [{ error: { status: 500 }, times: 1 }, { text: 'ok' }] }] })(
        'again',
      ).text,
    ).toBe(500);
  });

  test('a rule whose turns are all used up falls through to the next rule', () => {
    const resolve = resolver({
      rules: [
        { match: 'x', turns: [{ error: { status: 429 }, times: 1 }] },
        { match: 'x', turns: [{ text: 'second rule' }] },
      ],
    });
    expect(resolve('x').rule).toBe(0);
    expect(resolve('x')).toEqual({ text: 'second rule', rule: 1, turnIndex: 0 });
  });

  test('a default with times gives way to the built-in reply', () => {
    const resolve = resolver({ default: { error: { status: 401 }, times: 1 } });
    expect(resolve('a').text).toBe(401);
    expect(resolve('a').text).toBe('Mock reply: {{prompt}}');
  });
});
