/**
 * N-version programming: N agents do the same task, each in its own worktree
 * (agents and models cycle over the versions); a check command runs in each
 * worktree; among the versions that pass, a reviewer agent compares the diffs
 * and returns a structured verdict (validated, never matched by substring);
 * optionally the winner is merged.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ProcessResult } from '../process/result.js';
import { mergeArtifact, type MergeOutcome } from '../workspaces/merge.js';
import {
  countOption,
  patternContext,
  variantOf,
  type PatternOptions,
  type TaskDefaults,
} from './context.js';
import { renderPrompt } from './prompts.js';
import { runStep, type StepResult } from './run-step.js';
import { shellTask } from './shell-step.js';
import { jsonSchemaOf, readStructured } from './structured-reply.js';

export interface NVersionOptions extends PatternOptions {
  /** The task every version does. */
  prompt: string;
  /** How many versions (default: the number of `variants`, else 2). */
  n?: number;
  /** A shell command run in each version's worktree; exit 0 passes. */
  check?: string;
  /** The reviewer's task fields (default: the pattern's). */
  reviewer?: TaskDefaults;
  /** Merge the winner into the checkout's current branch. */
  merge?: boolean | { squash?: boolean };
}

export interface CheckResult {
  passed: boolean;
  exitCode: number;
  output: string;
  processId: string;
}

export interface Candidate {
  processId: string;
  result: StepResult;
  check: CheckResult | null;
  /** The reviewer's score (0-10), or null when there was no review. */
  score: number | null;
}

export interface NVersionResult {
  pattern: 'n-version';
  /** The winning version's process id, or null when none passed or the review failed. */
  winner: string | null;
  candidates: Candidate[];
  /** Why the reviewer chose (or why there is no winner). */
  reasons: string;
  /** The reviewer's step, when one ran. */
  review: ProcessResult | null;
  merge: MergeOutcome | null;
}

const PATCH_CHARS = 20_000;

/** The reviewer's verdict, built for the candidate ids it was shown. */
export function verdictSchema(ids: string[]) {
  return z.object({
    winner: z.enum(ids as [string, ...string[]]),
    scores: z.record(z.string(), z.number().min(0).max(10)),
    reasons: z.string(),
  });
}

export async function nVersion(options: NVersionOptions): Promise<NVersionResult> {
  // Versions ask for their worktrees; checks and the reviewer run in the shared folder.
  const ctx = patternContext({ ...options, workspace: 'shared' });
  if (typeof options.prompt !== 'string' || options.prompt.trim() === '')
    throw new TypeError('Expected `prompt` to be the task every version does (a non-empty string)');
  const n = countOption('n', options.n, options.variants?.length ? ctx.variants.length : 2);
  const checks = new Map<string, CheckResult>();
  const versions = await Promise.all(
    Array.from({ length: n }, (_, i) => {
      const id = `version-${i + 1}`;
      return runStep(ctx, {
        id,
        prompt: options.prompt,
        step: 'version',
        round: i + 1,
        role: roleOf(variantOf(ctx, i), ctx.task),
        task: variantOf(ctx, i),
        workspace: 'worktree',
        whileLeased: options.check
          ? async (folder, result) => {
              if (result.status !== 'succeeded') return;
              const check = await runStep(ctx, {
                id: `${id}-check`,
                prompt: '',
                step: 'check',
                round: i + 1,
                role: 'check',
                workspace: 'shared',
                task: { ...shellTask(options.check!, 'none'), cwd: folder },
              });
              checks.set(id, {
                passed: check.status === 'succeeded',
                exitCode: check.exitCode,
                output: check.output,
                processId: check.processId,
              });
            }
          : undefined,
      });
    }),
  );
  const candidates: Candidate[] = versions.map((result) => ({
    processId: result.processId,
    result,
    check: checks.get(result.processId) ?? null,
    score: null,
  }));
  const passing = candidates.filter(
    (c) => c.result.status === 'succeeded' && (c.check === null || c.check.passed),
  );
  const outcome = await choose(ctx, options, passing);
  for (const c of candidates) c.score = outcome.scores[c.processId] ?? null;
  let merge: MergeOutcome | null = null;
  if (options.merge && outcome.winner) {
    const winner = candidates.find((c) => c.processId === outcome.winner)!;
    const squash = typeof options.merge === 'object' && options.merge.squash === true;
    merge = await mergeArtifact(winner.result, { cwd: ctx.session.workingDir, squash });
  }
  ctx.session.recordVerdict(
    outcome.winner,
    `${outcome.winner ? `Winner: ${outcome.winner}.` : 'No winner.'} ${outcome.reasons}${merge ? ` Merge: ${merge.message}` : ''}`,
  );
  return {
    pattern: 'n-version',
    winner: outcome.winner,
    candidates,
    reasons: outcome.reasons,
    review: outcome.review,
    merge,
  };
}

async function choose(
  ctx: ReturnType<typeof patternContext>,
  options: NVersionOptions,
  passing: Candidate[],
): Promise<{
  winner: string | null;
  reasons: string;
  scores: Record<string, number>;
  review: ProcessResult | null;
}> {
  if (passing.length === 0)
    return {
      winner: null,
      reasons: 'No version succeeded and passed the check.',
      scores: {},
      review: null,
    };
  if (passing.length === 1) {
    const only = passing[0]!.processId;
    return {
      winner: only,
      reasons: `Only ${only} succeeded and passed the check; no review needed.`,
      scores: {},
      review: null,
    };
  }
  const ids = passing.map((c) => c.processId);
  const prompt = renderPrompt('n-version-reviewer', ctx.promptsDir, {
    task: options.prompt,
    ids: ids.join(', '),
    candidates: passing.map(candidateText).join('\n\n'),
  });
  const schema = verdictSchema(ids);
  const review = await runStep(ctx, {
    id: 'review',
    prompt,
    outputSchema: jsonSchemaOf(schema),
    step: 'review',
    round: null,
    role: 'reviewer',
    ...(options.reviewer ? { task: options.reviewer } : {}),
  });
  if (review.status !== 'succeeded')
    return {
      winner: null,
      reasons: `The reviewer gave no verdict: ${review.message}`,
      scores: {},
      review,
    };
  const verdict = readStructured(review, schema);
  if (!verdict.ok)
    return {
      winner: null,
      reasons: `The reviewer's verdict is not valid: ${verdict.error}`,
      scores: {},
      review,
    };
  return { ...verdict.value, review };
}

function candidateText(c: Candidate): string {
  const patch = c.result.artifacts ? readFileSync(c.result.artifacts.patchFile, 'utf8') : '';
  const shown =
    patch.length > PATCH_CHARS
      ? `${patch.slice(0, PATCH_CHARS)}\n... (patch cut at ${PATCH_CHARS} characters)`
      : patch;
  const check = c.check ? `Check: passed (exit ${c.check.exitCode})` : 'Check: none';
  return `## ${c.processId}\n${check}\nAgent's summary: ${c.result.output.trim().slice(0, 2000)}\n\`\`\`diff\n${shown || '(no changes)'}\n\`\`\``;
}

/** A version's role: its agent and model, e.g. "claude/sonnet". */
export function roleOf(variant: TaskDefaults, base: TaskDefaults): string {
  const agent = variant.agent ?? base.agent ?? 'claude';
  const model = variant.model ?? base.model;
  return model ? `${agent}/${model}` : agent;
}
