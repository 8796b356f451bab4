import { describe, expect, test } from 'vitest';
import { fillTemplate } from '../../../src/cli/inputs/replacement.js';

describe("GNU parallel's replacement strings", () => {
  const path = 'src/lib/parse.test.ts';

  test.each([
    ['{}', 'src/lib/parse.test.ts'],
    ['{.}', 'src/lib/parse.test'],
    ['{/}', 'parse.test.ts'],
    ['{//}', 'src/lib'],
    ['{/.}', 'parse.test'],
    ['{#}', '7'],
  ])('%s becomes %s', (token, expected) => {
    expect(fillTemplate(`Review ${token}`, [path], 7)).toBe(`Review ${expected}`);
  });

  test('a template with no replacement string gets the input appended, as in parallel', () => {
    expect(fillTemplate('Review', ['a.ts'], 1)).toBe('Review a.ts');
  });

  test('{1} and {2} pick the input of each group, with the same modifiers', () => {
    expect(fillTemplate('Port {1/} to {2}', ['lib/x.py', 'rust'], 1)).toBe('Port x.py to rust');
    expect(fillTemplate('{} and {#}', ['a', 'b'], 3)).toBe('a b and 3');
  });

  test('a dot that starts a name is not an extension, and a name with no folder has dirname "."', () => {
    expect(fillTemplate('{.}|{//}', ['.env'], 1)).toBe('.env|.');
  });
});
