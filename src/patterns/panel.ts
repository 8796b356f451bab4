/**
 * An expert panel: experts answer in parallel, one aggregator combines them.
 * With `options` (a question with choices), each expert returns a structured
 * vote (validated with zod) and the result carries the tally and agreement;
 * otherwise the aggregator writes a merged review.
 */
import { z } from 'zod';
import { collectOutputs, majorityVote, outputsText, type VoteTally } from './aggregate.js';
import {
  nameList,
  patternContext,
  variantOf,
  type PatternOptions,
  type TaskDefaults,
} from './context.js';
import { renderPrompt } from './prompts.js';
import { runStep, type StepResult } from './run-step.js';
import { jsonSchemaOf, readStructured } from './structured-reply.js';

export interface PanelOptions extends PatternOptions {
  prompt: string;
  experts: string[];
  /** The choices, when the task asks a question with options. */
  options?: string[];
  /** The aggregator's task fields (default: the pattern's). */
  aggregator?: TaskDefaults;
}

export interface PanelExpert {
  expert: string;
  result: StepResult;
  /** The expert's vote, when there are options and the reply is valid. */
  vote: string | null;
  /** Why the vote is missing (an invalid reply), else null. */
  voteError: string | null;
}

export interface PanelResult {
  pattern: 'panel';
  experts: PanelExpert[];
  /** The tally, when there are options. */
  votes: VoteTally | null;
  aggregate: StepResult;
}

export async function expertPanel(options: PanelOptions): Promise<PanelResult> {
  const ctx = patternContext(options);
  const experts = nameList('experts', options.experts, 1);
  const choices = options.options === undefined ? null : nameList('options', options.options, 2);
  const task = String(options.prompt ?? '');
  const voteSchema =
    choices && z.object({ vote: z.enum(choices as [string, ...string[]]), reasons: z.string() });
  const answers = await Promise.all(
    experts.map(async (expert, i): Promise<PanelExpert> => {
      const prompt = choices
        ? renderPrompt('panel-expert-vote', ctx.promptsDir, {
            expert,
            task,
            options: choices.join(', '),
          })
        : renderPrompt('panel-expert', ctx.promptsDir, { expert, task });
      const result = await runStep(ctx, {
        id: `expert-${i + 1}`,
        prompt,
        step: 'answer',
        round: null,
        role: expert,
        task: variantOf(ctx, i),
        ...(voteSchema ? { outputSchema: jsonSchemaOf(voteSchema) } : {}),
      });
      if (!voteSchema) return { expert, result, vote: null, voteError: null };
      if (result.status !== 'succeeded')
        return { expert, result, vote: null, voteError: result.message };
      const parsed = readStructured(result, voteSchema);
      return parsed.ok
        ? { expert, result, vote: parsed.value.vote, voteError: null }
        : { expert, result, vote: null, voteError: parsed.error };
    }),
  );
  const votes = choices ? majorityVote(answers.map((a) => a.vote)) : null;
  const tally = votes
    ? `The votes: ${votes.counts.map((c) => `${c.option} ${c.votes}`).join(', ') || 'none valid'}; agreement ${Math.round(votes.agreement * 100)}%${votes.tie ? ' (a tie)' : ''}.`
    : '';
  const aggregate = await runStep(ctx, {
    id: 'aggregate',
    prompt: renderPrompt('panel-aggregator', ctx.promptsDir, {
      task,
      tally,
      answers: outputsText(
        collectOutputs(answers.map((a) => ({ role: a.expert, result: a.result }))),
      ),
    }),
    step: 'aggregate',
    round: null,
    role: 'aggregator',
    ...(options.aggregator ? { task: options.aggregator } : {}),
  });
  ctx.session.recordVerdict(
    aggregate.processId,
    `${tally ? `${tally} ` : ''}Aggregate: ${aggregate.status}.`,
  );
  return { pattern: 'panel', experts: answers, votes, aggregate };
}
