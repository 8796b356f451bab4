/**
 * A debate: in round 1 each perspective answers the question; in each later
 * round each perspective sees the others' previous answers and answers again;
 * a facilitator writes the synthesis. Requests: perspectives x rounds + 1.
 */
import { collectOutputs, outputsText } from './aggregate.js';
import {
  countOption,
  nameList,
  patternContext,
  variantOf,
  type PatternOptions,
  type TaskDefaults,
} from './context.js';
import { renderPrompt } from './prompts.js';
import { runStep, type StepResult } from './run-step.js';

export interface DebateOptions extends PatternOptions {
  question: string;
  /** At least two perspectives, e.g. ['security', 'performance', 'simplicity']. */
  perspectives: string[];
  /** Rounds of answers (default 2). */
  rounds?: number;
  /** The facilitator's task fields (default: the pattern's). */
  facilitator?: TaskDefaults;
}

export interface DebateResult {
  pattern: 'debate';
  /** rounds[r][p]: perspective p's answer in round r+1. */
  rounds: Array<Array<{ perspective: string; result: StepResult }>>;
  synthesis: StepResult;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'p';

export async function debate(options: DebateOptions): Promise<DebateResult> {
  const ctx = patternContext(options);
  const perspectives = nameList('perspectives', options.perspectives, 2);
  const roundCount = countOption('rounds', options.rounds, 2);
  const question = String(options.question ?? '');
  const rounds: DebateResult['rounds'] = [];
  for (let round = 1; round <= roundCount; round++) {
    const previous = rounds.at(-1);
    rounds.push(
      await Promise.all(
        perspectives.map(async (perspective, p) => {
          const prompt =
            previous === undefined
              ? renderPrompt('debate-opening', ctx.promptsDir, { question, perspective })
              : renderPrompt('debate-rebuttal', ctx.promptsDir, {
                  question,
                  perspective,
                  round: String(round),
                  own: previous[p]!.result.output.trim(),
                  others: outputsText(
                    collectOutputs(
                      previous
                        .filter((_, q) => q !== p)
                        .map((a) => ({ role: a.perspective, result: a.result })),
                    ),
                  ),
                });
          const result = await runStep(ctx, {
            id: `round-${round}-${slug(perspective)}-${p + 1}`,
            prompt,
            step: 'answer',
            round,
            role: perspective,
            task: variantOf(ctx, p),
          });
          return { perspective, result };
        }),
      ),
    );
  }
  const last = rounds.at(-1)!;
  const synthesis = await runStep(ctx, {
    id: 'synthesis',
    prompt: renderPrompt('debate-synthesis', ctx.promptsDir, {
      question,
      rounds: String(roundCount),
      answers: outputsText(
        collectOutputs(last.map((a) => ({ role: a.perspective, result: a.result }))),
      ),
    }),
    step: 'synthesis',
    round: null,
    role: 'facilitator',
    ...(options.facilitator ? { task: options.facilitator } : {}),
  });
  ctx.session.recordVerdict(
    synthesis.processId,
    `Synthesis after ${rounds.length} round${rounds.length === 1 ? '' : 's'}: ${synthesis.status}.`,
  );
  return { pattern: 'debate', rounds, synthesis };
}
