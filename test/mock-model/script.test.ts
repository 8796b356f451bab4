import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadMockScript, MockScriptError, parseMockScript } from '../../src/mock-model/index.js';

function issuesOf(value: unknown): string[] {
  try {
    parseMockScript(value);
  } catch (error) {
    expect(error).toBeInstanceOf(MockScriptError);
    return (error as MockScriptError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error('expected the script to be rejected');
}

describe('parseMockScript', () => {
  test('the example script of the docs is valid and gets defaults', () => {
    const script = parseMockScript({
      rules: [
        {
          match: 'write the file',
          turns: [
            { toolUse: { name: 'Write', input: { file_path: 'out.txt', content: 'hello' } } },
            { text: 'Wrote it.' },
          ],
        },
        { match: '/slow/i', turns: [{ text: 'late answer', delayMs: 5000 }] },
        { match: 'rate', turns: [{ error: { status: 429 }, times: 2 }, { text: 'ok' }] },
        { turns: [{ hang: true }] },
      ],
      default: { text: 'Mock reply: {{prompt}}' },
    });
    expect(script.rules).toHaveLength(4);
    expect(parseMockScript({}).rules).toEqual([]);
    expect(
      parseMockScript({ rules: [{ turns: [{ toolUse: { name: 'Bash' } }] }] }).rules[0]?.turns[0]
        ?.toolUse,
    ).toEqual({ name: 'Bash', input: {} });
  });

  test('a wrong type names the field, the value and its type', () => {
    const [issue] = issuesOf({ rules: [{ turns: [{ error: { status: '429' } }] }] });
    expect(issue).toMatch(
      /^rules\[0\]\.turns\[0\]\.error\.status: .*expected number, received string, got `"429"`$/,
    );
  });

  test('an out-of-range status names the field', () => {
    expect(issuesOf({ rules: [{ turns: [{ error: { status: 200 } }] }] })[0]).toMatch(
      /^rules\[0\]\.turns\[0\]\.error\.status: .*>=400/,
    );
  });

  test('a misspelt key is reported on the object that holds it', () => {
    expect(issuesOf({ rules: [{ turns: [{ txt: 'hi' }] }] }).join('\n')).toMatch(
      /rules\[0\]\.turns\[0\]: .*"txt"/,
    );
  });

  test('a turn with two kinds is rejected', () => {
    const issues = issuesOf({ rules: [{ turns: [{ error: { status: 500 }, hang: true }] }] });
    expect(issues[0]).toMatch(/^rules\[0\]\.turns\[0\]: a turn has only one of .*got error, hang/);
  });

  test('a turn without any kind is rejected', () => {
    expect(issuesOf({ default: { delayMs: 5 } })[0]).toMatch(/^default: a turn needs one of/);
  });

  test('a field that does not apply to the kind of turn is named', () => {
    const issues = issuesOf({ rules: [{ turns: [{ error: { status: 529 }, chunkDelayMs: 5 }] }] });
    expect(issues).toEqual([
      'rules[0].turns[0].chunkDelayMs: does not apply to an error turn, got `5` (number)',
    ]);
  });

  test('text on an error turn needs midStream, and drop takes no reply fields', () => {
    expect(issuesOf({ default: { error: { status: 529 }, text: 'x' } })).toEqual([
      'default.text: an error turn has text only with `error.midStream`: the text streamed before it, got `"x"` (string)',
    ]);
    expect(issuesOf({ default: { drop: true, thinking: 'x' } })).toEqual([
      'default.thinking: does not apply to a drop turn, got `"x"` (string)',
    ]);
    expect(issuesOf({ default: { drop: true, hang: true } })[0]).toContain('got hang, drop');
    expect(issuesOf({ default: { text: 'x', stopReason: 'tool_use' } })[0]).toMatch(
      /^default\.stopReason: /,
    );
    expect(issuesOf({ default: { toolUse: [] } })[0]).toMatch(/^default\.toolUse: /);
  });

  test('an invalid or stateful regular expression is rejected', () => {
    expect(issuesOf({ rules: [{ match: '/(/', turns: [{ text: 'x' }] }] })[0]).toMatch(
      /^rules\[0\]\.match: invalid regular expression/,
    );
    expect(issuesOf({ rules: [{ match: '/a/g', turns: [{ text: 'x' }] }] })[0]).toMatch(
      /^rules\[0\]\.match: the `g` and `y` flags/,
    );
  });

  test('a rule needs at least one turn', () => {
    expect(issuesOf({ rules: [{ match: 'x', turns: [] }] })[0]).toMatch(/^rules\[0\]\.turns: /);
  });
});

describe('loadMockScript', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mock-script-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a valid file is read and validated', async () => {
    const file = join(dir, 'ok.json');
    await writeFile(file, JSON.stringify({ rules: [{ match: 'hi', turns: [{ text: 'hello' }] }] }));
    const script = await loadMockScript(file);
    expect(script.rules[0]?.turns[0]?.text).toBe('hello');
  });

  test('a bad field is reported with the file and the field', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ rules: [{ turns: [{ text: 'a', delayMs: -1 }] }] }));
    const error = await loadMockScript(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockScriptError);
    expect((error as MockScriptError).file).toBe(file);
    expect((error as Error).message).toContain(
      `Invalid mock script ${file}: rules[0].turns[0].delayMs:`,
    );
  });

  test('a file that is not JSON is reported with the file', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "rules": [');
    await expect(loadMockScript(file)).rejects.toThrow(
      `Invalid mock script ${file}: (root): not valid JSON`,
    );
  });

  test('a missing file is reported with the file', async () => {
    const file = join(dir, 'missing.json');
    await expect(loadMockScript(file)).rejects.toThrow(`Cannot read mock script ${file}`);
  });
});
