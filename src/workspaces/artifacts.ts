/**
 * What a worktree run produced, read from git: the files its branch changed
 * against the base (lines added and removed) and the patch, saved in the
 * session folder so it outlives the branch.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileChange, WorkspaceArtifacts } from '../process/result.js';
import { git } from './git.js';

/** Files changed between two commits; binary files count 0 lines. */
export async function filesChanged(dir: string, from: string, to: string): Promise<FileChange[]> {
  const out = await git(dir, ['diff', '--numstat', '-z', '--no-renames', from, to]);
  const changes: FileChange[] = [];
  for (const entry of out.split('\0')) {
    if (!entry) continue;
    const [added, removed, ...path] = entry.split('\t');
    changes.push({
      path: path.join('\t'),
      added: added === '-' ? 0 : Number(added),
      removed: removed === '-' ? 0 : Number(removed),
    });
  }
  return changes;
}

/** Writes `git diff --binary from to` to `<patchDir>/<name>.patch` and returns its path. */
export async function savePatch(
  dir: string,
  from: string,
  to: string,
  patchDir: string,
  name: string,
): Promise<string> {
  const patch = await git(dir, ['diff', '--binary', '--no-renames', from, to]);
  await mkdir(patchDir, { recursive: true });
  const file = join(patchDir, `${name}.patch`);
  await writeFile(file, patch);
  return file;
}

export async function collectArtifacts(input: {
  dir: string;
  branch: string;
  baseCommit: string;
  commit: string;
  patchDir: string;
  name: string;
}): Promise<WorkspaceArtifacts> {
  const { dir, branch, baseCommit, commit, patchDir, name } = input;
  const [files, patchFile] = await Promise.all([
    filesChanged(dir, baseCommit, commit),
    savePatch(dir, baseCommit, commit, patchDir, name),
  ]);
  return { branch, baseCommit, commit, filesChanged: files, patchFile };
}
