/**
 * A fallback cascade: tiers (models or agents) tried in order, each with its
 * own timeout. A tier is accepted when it succeeds and, with an accept
 * command, that command (given the tier's output on stdin, run in the tier's
 * worktree when there is one) exits 0. Later tiers never start once one is
 * accepted.
 */
import type { ProcessResult } from '../process/result.js';
import { patternContext, type PatternOptions, type TaskDefaults } from './context.js';
import { runStep, type StepResult } from './run-step.js';
import { shellTask } from './shell-step.js';
import { roleOf } from './n-version.js';

export interface CascadeOptions extends PatternOptions {
  prompt: string;
  /** The tiers in order: task fields over the pattern's, e.g. [{ model: 'haiku' }, { model: 'opus' }]. */
  tiers: TaskDefaults[];
  /** A shell command that judges a tier's output (on its stdin); exit 0 accepts. */
  accept?: string;
}

export interface CascadeTier {
  tier: number;
  role: string;
  result: StepResult;
  /** The accept command's run, when there is one and the tier succeeded. */
  acceptance: ProcessResult | null;
  accepted: boolean;
}

export interface CascadeResult {
  pattern: 'cascade';
  /** The 1-based tier accepted, or null when none was. */
  accepted: number | null;
  /** The accepted tier's result (else the last tier's). */
  final: StepResult | null;
  /** Every tier that ran, in order (tiers after the accepted one never start). */
  tiers: CascadeTier[];
}

export async function cascade(options: CascadeOptions): Promise<CascadeResult> {
  const ctx = patternContext(options);
  if (!Array.isArray(options.tiers) || options.tiers.length === 0)
    throw new TypeError(
      'Expected `tiers` to be a non-empty list, e.g. [{ model: "haiku" }, { model: "opus" }]',
    );
  const tiers: CascadeTier[] = [];
  for (const [i, task] of options.tiers.entries()) {
    if (ctx.signal?.aborted) break;
    const id = `tier-${i + 1}`;
    let acceptance: ProcessResult | null = null;
    const judge = async (cwd: string | undefined, result: ProcessResult) => {
      if (result.status !== 'succeeded' || !options.accept) return;
      acceptance = await runStep(ctx, {
        id: `${id}-accept`,
        prompt: result.output,
        step: 'accept',
        round: i + 1,
        role: 'accept',
        workspace: 'shared',
        task: { ...shellTask(options.accept, 'stdin'), ...(cwd ? { cwd } : {}) },
      });
    };
    const inWorktree = ctx.workspace === 'worktree';
    const result = await runStep(ctx, {
      id,
      prompt: options.prompt,
      step: 'tier',
      round: i + 1,
      role: roleOf(task, ctx.task),
      task,
      workspace: ctx.workspace,
      ...(inWorktree ? { whileLeased: judge } : {}),
    });
    if (!inWorktree) await judge(undefined, result);
    const accepted =
      result.status === 'succeeded' &&
      (!options.accept || (acceptance as ProcessResult | null)?.status === 'succeeded');
    tiers.push({ tier: i + 1, role: roleOf(task, ctx.task), result, acceptance, accepted });
    if (accepted) break;
  }
  const acceptedTier = tiers.find((t) => t.accepted) ?? null;
  ctx.session.recordVerdict(
    acceptedTier?.result.processId ?? null,
    acceptedTier
      ? `Accepted tier ${acceptedTier.tier} (${acceptedTier.role}).`
      : `No tier was accepted (${tiers.length} tried).`,
  );
  return {
    pattern: 'cascade',
    accepted: acceptedTier?.tier ?? null,
    final: (acceptedTier ?? tiers.at(-1))?.result ?? null,
    tiers,
  };
}
