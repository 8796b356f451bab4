import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineFile } from '../../src/session/line-file.js';
import { tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

/** How many of this process's open file descriptors point at `path`. */
function openDescriptors(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false; // the descriptor readdir itself used, closed by now
    }
  }).length;
}

describe('a line file', () => {
  it('exists once made, appends whole lines, and lets go of the file when closed', () => {
    const path = join(dir.path, 'events.jsonl');
    const errors: Error[] = [];
    const file = new LineFile(path, (error) => errors.push(error));
    expect(existsSync(path)).toBe(true);
    file.write('one');
    file.write('two');
    expect(openDescriptors(path)).toBe(1);
    file.close();
    file.close();
    file.write('three');
    expect(readFileSync(path, 'utf8')).toBe('one\ntwo\n');
    expect(openDescriptors(path)).toBe(0);
    expect(errors).toEqual([]);
    expect(file.error).toBeNull();
  });

  it('a full disk is told once, kept as the error, closes the file and stops the writing', () => {
    const errors: Error[] = [];
    const file = new LineFile('/dev/full', (error) => errors.push(error));
    file.write('lost');
    file.write('lost too');
    file.close();
    expect(errors).toHaveLength(1);
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(file.error).toBe(errors[0]);
    expect(openDescriptors('/dev/full')).toBe(0);
  });

  it('a file that cannot be opened is told once, and writes are dropped without a throw', () => {
    const errors: Error[] = [];
    const file = new LineFile(join(dir.path, 'gone', 'session.log'), (error) => errors.push(error));
    file.write('lost');
    file.close();
    expect(errors).toHaveLength(1);
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(file.error).toBe(errors[0]);
  });
});
