/**
 * `:::` and `::::` among a run command's arguments, as in GNU parallel: the
 * arguments before the first marker are the prompt template, each `::: a b`
 * a group of inputs, each `:::: FILE` a group read from a file (one input a
 * line). Several groups combine every input of one with every input of the
 * next (parallel's default); each combination is one task.
 */
import { readFileSync } from 'node:fs';
import { CLIError, usageError } from '../errors.js';
import { fillTemplate } from './replacement.js';

export const MARKERS = [':::', '::::'] as const;

export interface Expanded {
  prompt: string;
  /** The inputs this prompt was made from, one per group. */
  args: string[];
}

/** True when the arguments hold a `:::` or `::::` group. */
export function hasInputGroups(args: string[]): boolean {
  return args.some((a) => a === ':::' || a === '::::');
}

function readLines(path: string, command: string): string[] {
  let text: string;
  try {
    text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError(`:::: ${path}: no such file`, command);
    throw new CLIError(`:::: cannot read ${path}: ${(error as Error).message}`, 'E_IO', command);
  }
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** Splits the arguments into the template and the groups, and makes one prompt per combination. */
export function expandInputGroups(args: string[], command: string): Expanded[] {
  const first = args.findIndex((a) => a === ':::' || a === '::::');
  const templates = args.slice(0, first);
  if (templates.length !== 1) {
    throw usageError(
      templates.length === 0
        ? '::: needs a prompt template before it, e.g. orchestrate parallel "Review {}" ::: src/a.ts src/b.ts'
        : `::: takes one prompt template before it, got ${templates.length}: quote the template as one argument`,
      command,
    );
  }
  const groups: string[][] = [];
  let marker = '';
  for (const arg of args.slice(first)) {
    if (arg === ':::' || arg === '::::') {
      marker = arg;
      groups.push([]);
    } else if (marker === ':::') groups.at(-1)!.push(arg);
    else groups.at(-1)!.push(...readLines(arg, command));
  }
  const empty = groups.findIndex((g) => g.length === 0);
  if (empty !== -1)
    throw usageError(`input group ${empty + 1} (after ::: or ::::) is empty`, command);
  let combos: string[][] = [[]];
  for (const group of groups) combos = combos.flatMap((c) => group.map((value) => [...c, value]));
  return combos.map((combo, i) => ({
    prompt: fillTemplate(templates[0]!, combo, i + 1),
    args: combo,
  }));
}
