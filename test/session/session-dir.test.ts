import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionDir, sessionTimestamp } from '../../src/session/session-dir.js';
import { repoRoot, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('session ids and folders', () => {
  it('stamps the local time as YYYYMMDD_HHMMSS, as the original did', () => {
    expect(sessionTimestamp(new Date(2025, 0, 2, 3, 4, 5))).toBe('20250102_030405');
  });

  it('adds -2, -3, ... when sessions of one pattern start in the same second', () => {
    const at = new Date(2025, 10, 24, 12, 0, 0);
    const ids = [1, 2, 3].map(() => createSessionDir(dir.path, 'review', at).sessionId);
    expect(ids).toEqual([
      'review_20251124_120000',
      'review_20251124_120000-2',
      'review_20251124_120000-3',
    ]);
  });

  it('stays unique across processes starting sessions at the same instant', async () => {
    const script = join(repoRoot, 'src/session/session-dir.ts');
    const code = `const { createSessionDir } = await import(${JSON.stringify(script)});
      process.stdout.write(createSessionDir(${JSON.stringify(dir.path)}, 'race', new Date(2025, 0, 1)).sessionId);`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = execFile(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', code],
          { cwd: repoRoot, timeout: 20_000 },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        );
        child.stdin?.end();
      });
    const ids = await Promise.all([1, 2, 3, 4].map(run));
    expect(new Set(ids).size).toBe(4);
    expect(readdirSync(dir.path).sort()).toEqual([...ids].sort());
  });

  it('says which folder it could not create', () => {
    const file = join(dir.path, 'a-file');
    writeFileSync(file, '');
    expect(() => createSessionDir(join(file, 'sessions'), 'x', new Date())).toThrow(
      `Cannot create \`baseLogDir\` ${join(file, 'sessions')}`,
    );
  });
});
