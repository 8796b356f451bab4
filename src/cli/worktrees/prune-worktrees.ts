/** `orchestrate worktrees prune`: sweeps the worktrees of ended runs and says what it did. */
import { resolve } from 'node:path';
import { pruneWorktrees } from '../../workspaces/prune.js';
import type { WorktreesFlags } from '../commands/worktrees-command.js';
import { EXIT, type ExitCode } from '../errors.js';
import { workspaceCall } from './workspace-call.js';

export async function runWorktreesPrune(flags: WorktreesFlags): Promise<ExitCode> {
  const cwd = resolve(flags.cwd ?? process.cwd());
  const report = await workspaceCall(() => pruneWorktrees(cwd, { kept: flags.kept === true }));
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const entry of report.pruned) {
    const saved = entry.saved ? `, its leftovers committed as ${entry.commit!.slice(0, 12)}` : '';
    lines.push(`pruned ${entry.path} (${entry.state}); branch ${entry.branch ?? '-'} kept${saved}`);
  }
  for (const entry of report.skipped) {
    const why = entry.state === 'live' ? 'its run is still going' : 'kept (add --kept to remove)';
    lines.push(`left ${entry.path}: ${why}`);
  }
  if (lines.length === 0) lines.push('Nothing to prune.');
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
