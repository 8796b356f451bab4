/**
 * Output passing, with the original's framing: the earlier outputs, then the
 * new task. A prompt that grows past what argv holds travels on stdin (the
 * core decides), so there is no size limit here.
 */

export const PREVIOUS_OUTPUT_HEADER = '--- Previous output ---';
export const NEW_TASK_HEADER = '--- New task ---';

/** The prompt with the earlier outputs before it; unchanged when there are none. */
export function withPreviousOutput(prompt: string, outputs: readonly string[]): string {
  const kept = outputs.map((output) => output.trimEnd()).filter((output) => output.length > 0);
  if (kept.length === 0) return prompt;
  return `${PREVIOUS_OUTPUT_HEADER}\n${kept.join('\n\n')}\n${NEW_TASK_HEADER}\n${prompt}`;
}
