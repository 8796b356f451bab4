/**
 * Aggregation helpers the patterns share: the outputs of a set of steps, a
 * majority vote, and a score table readable on a console.
 */
import type { ProcessResult } from '../process/result.js';

export interface CollectedOutput {
  processId: string;
  /** Who said it (a perspective, an expert, a version). */
  role: string;
  status: ProcessResult['status'];
  output: string;
}

/** The outputs of steps, labelled by role; failed steps are kept with their status. */
export function collectOutputs(
  steps: Array<{ role: string; result: ProcessResult }>,
): CollectedOutput[] {
  return steps.map(({ role, result }) => ({
    processId: result.processId,
    role,
    status: result.status,
    output: result.output.trim(),
  }));
}

/** The outputs as one text block for a prompt: `### <role>` then the output. */
export function outputsText(outputs: CollectedOutput[]): string {
  return outputs
    .map(
      (o) => `### ${o.role}\n${o.status === 'succeeded' ? o.output : `(no answer: ${o.status})`}`,
    )
    .join('\n\n');
}

export interface VoteTally {
  /** The option with the most votes, or null when none was cast or the top is tied. */
  winner: string | null;
  /** Votes per option, most first. */
  counts: Array<{ option: string; votes: number }>;
  /** The winner's share of the votes cast (0 when none). */
  agreement: number;
  tie: boolean;
}

export function majorityVote(votes: Array<string | null>): VoteTally {
  const cast = votes.filter((v): v is string => v !== null);
  const byOption = new Map<string, number>();
  for (const vote of cast) byOption.set(vote, (byOption.get(vote) ?? 0) + 1);
  const counts = [...byOption.entries()]
    .map(([option, n]) => ({ option, votes: n }))
    .sort((a, b) => b.votes - a.votes || a.option.localeCompare(b.option));
  const top = counts[0];
  const tie = counts.length > 1 && counts[1]!.votes === top!.votes;
  return {
    winner: top && !tie ? top.option : null,
    counts,
    agreement: top && cast.length > 0 ? top.votes / cast.length : 0,
    tie,
  };
}

/** A plain aligned table: a header row, then one row per entry. */
export function scoreTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (cell ?? '').padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
