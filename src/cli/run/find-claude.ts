/**
 * Finds the claude binary before anything starts, so a machine without Claude
 * Code gets one sentence naming how to install it instead of a failed session.
 * Order: --claude-bin, $ORCHESTRATE_CLAUDE_BIN, `claude` on PATH, a copy
 * installed beside orchestrate (Claude Code is an optional peer dependency).
 */
import { CLAUDE_BIN_ENV, resolveClaudeBinary } from '../../agents/claude/binary.js';
import { findExecutable } from '../../process/spawn/spawn-child.js';
import { CLIError } from '../errors.js';
import type { PlannedProcess } from './plan.js';

export const CLAUDE_INSTALL =
  'Install it with `npm install -g @anthropic-ai/claude-code`, or point --claude-bin at the binary.';

/** The claude to run: the --claude-bin path (already checked), else the one found, else an error. */
export function findClaude(claudeBin: string | undefined): string {
  if (claudeBin !== undefined) return claudeBin;
  const fromEnv = process.env[CLAUDE_BIN_ENV];
  const found = findExecutable(resolveClaudeBinary());
  if (found !== null) return found;
  const why = fromEnv
    ? `$${CLAUDE_BIN_ENV} is ${JSON.stringify(fromEnv)}, which is not an executable file`
    : 'it is not on PATH and no copy is installed beside orchestrate';
  throw new CLIError(
    `claude (Claude Code) was not found: ${why}. ${CLAUDE_INSTALL}`,
    'E_NOT_FOUND',
  );
}

/** Every claude task without its own binary gets the one found (or a clear error when none is). */
export function withClaudeFound(planned: PlannedProcess[]): void {
  const needing = planned.filter((p) => p.agent === 'claude' && p.command === undefined);
  if (needing.length === 0) return;
  const claude = findClaude(undefined);
  for (const p of needing) p.command = claude;
}
