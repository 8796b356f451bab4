/**
 * Choosing the turn that answers a request. Stateless across requests except
 * for `times`: each server instance counts how many requests each limited
 * turn has answered, so a turn with `times: N` answers the first N requests
 * that reach it and is then skipped as if it were not in the list.
 */
import { BUILTIN_DEFAULT_TURN, REGEX_MATCH, type MockScript, type MockTurn } from './script.js';

/** Which entry of the script answered: a rule's index, or the default reply. */
export type MatchedBy = { rule: number; name: string | null } | { rule: 'default'; name: null };

export interface Resolution {
  turn: MockTurn;
  matchedBy: MatchedBy;
  /** The index of the chosen turn in its rule's `turns` (0 for the default reply). */
  turnIndex: number;
}

export type Resolver = (prompt: string, turn: number) => Resolution;

type Matcher = (prompt: string) => boolean;

/** A substring matches case-insensitively; `/pattern/flags` is a regular expression. */
export function compileMatch(match: string | undefined): Matcher {
  if (match === undefined) return () => true;
  const regex = REGEX_MATCH.exec(match);
  if (regex) {
    const compiled = new RegExp(regex[1] ?? '', regex[2] ?? '');
    return (prompt) => compiled.test(prompt);
  }
  const needle = match.toLowerCase();
  return (prompt) => prompt.toLowerCase().includes(needle);
}

interface Candidate {
  turns: readonly MockTurn[];
  matches: Matcher;
  matchedBy: MatchedBy;
  /** Rules pick by turn number; the default reply always takes its first available turn. */
  byTurn: boolean;
}

export function createResolver(script: MockScript): Resolver {
  const used = new Map<string, number>();
  const keyOf = (c: Candidate, index: number): string => `${String(c.matchedBy.rule)}:${index}`;
  const isAvailable = (c: Candidate, index: number): boolean => {
    const times = c.turns[index]?.times;
    return times === undefined || (used.get(keyOf(c, index)) ?? 0) < times;
  };

  const candidates: Candidate[] = script.rules.map((rule, index) => ({
    turns: rule.turns,
    matches: compileMatch(rule.match),
    matchedBy: { rule: index, name: rule.name ?? null },
    byTurn: true,
  }));
  candidates.push({
    turns: script.default ? [script.default, BUILTIN_DEFAULT_TURN] : [BUILTIN_DEFAULT_TURN],
    matches: () => true,
    matchedBy: { rule: 'default', name: null },
    byTurn: false,
  });

  return (prompt, turn) => {
    for (const candidate of candidates) {
      if (!candidate.matches(prompt)) continue;
      const available = candidate.turns
        .map((_, index) => index)
        .filter((index) => isAvailable(candidate, index));
      if (available.length === 0) continue;
      const position = candidate.byTurn ? Math.min(turn, available.length - 1) : 0;
      const turnIndex = available[position] ?? 0;
      const chosen = candidate.turns[turnIndex] ?? BUILTIN_DEFAULT_TURN;
      if (chosen.times !== undefined) {
        used.set(keyOf(candidate, turnIndex), (used.get(keyOf(candidate, turnIndex)) ?? 0) + 1);
      }
      return { turn: chosen, matchedBy: candidate.matchedBy, turnIndex };
    }
    return { turn: BUILTIN_DEFAULT_TURN, matchedBy: { rule: 'default', name: null }, turnIndex: 0 };
  };
}
