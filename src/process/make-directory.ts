/**
 * `mkdir -p` that always ends: Node's own recursive mkdir loops forever (at
 * 100% CPU, deaf to Ctrl-C) when a parent exists but refuses children, as
 * /proc and /sys do. This one creates each missing folder once, top down, and
 * throws the first real error.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

function existing(path: string): 'directory' | 'other' | null {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function makeDirectory(path: string): void {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    const found = existing(current);
    if (found === 'directory') break;
    if (found === 'other') {
      const error: NodeJS.ErrnoException = new Error(
        `ENOTDIR: not a directory, mkdir '${current}'`,
      );
      error.code = 'ENOTDIR';
      throw error;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
