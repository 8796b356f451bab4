/** `orchestrate worktrees list`: one row per worktree a run made, or JSON. */
import { resolve } from 'node:path';
import { listWorktrees, type WorktreeEntry } from '../../workspaces/list.js';
import type { WorktreesFlags } from '../commands/worktrees-command.js';
import { EXIT, type ExitCode } from '../errors.js';
import { workspaceCall } from './workspace-call.js';

export async function runWorktreesList(flags: WorktreesFlags): Promise<ExitCode> {
  const cwd = resolve(flags.cwd ?? process.cwd());
  const entries = await workspaceCall(() => listWorktrees(cwd));
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    return EXIT.ok;
  }
  if (entries.length === 0) {
    process.stdout.write('No orchestrate worktrees in this repository.\n');
    return EXIT.ok;
  }
  process.stdout.write(`${worktreesTable(entries)}\n`);
  return EXIT.ok;
}

export function worktreesTable(entries: WorktreeEntry[]): string {
  const header = ['STATE', 'BRANCH', 'OWNER', 'PATH'];
  const rows = entries.map((e) => [
    e.state,
    e.branch ?? '(detached)',
    e.owner ? `pid ${e.owner.pid}` : '-',
    e.path,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
