/**
 * `--halt`, as in GNU parallel: `never` (the default), or `now,fail=N` /
 * `now,success=N` / `now,done=N`, where N is a count or a percentage of the
 * processes (`now,fail=20%`). When the condition is met, every running
 * process is cancelled and no other starts. (`soon`, which lets the running
 * ones finish, is not supported: the strategies cancel at once.)
 */
import { badFlag } from '../errors.js';

export interface HaltRule {
  when: 'fail' | 'success' | 'done';
  /** A count, or a fraction of the processes when `percent`. */
  count: number;
  percent: boolean;
}

const ACCEPTED =
  'never, or now,fail=N / now,success=N / now,done=N (N a count or a percentage such as 20%)';

export function parseHalt(value: string, command: string): HaltRule | null {
  const text = value.trim().toLowerCase();
  if (text === 'never') return null;
  const match = /^now,(fail|success|done)=(\d+(?:\.\d+)?)(%?)$/.exec(text);
  if (!match) {
    if (text.startsWith('soon'))
      throw badFlag('--halt', value, `${ACCEPTED}; soon is not supported, use now`, command);
    throw badFlag('--halt', value, ACCEPTED, command);
  }
  const count = Number(match[2]);
  const percent = match[3] === '%';
  if (count <= 0 || (percent && count > 100) || (!percent && !Number.isInteger(count)))
    throw badFlag('--halt', value, ACCEPTED, command);
  return { when: match[1] as HaltRule['when'], count, percent };
}

/** The number of ended processes (of the given kind) at which the run halts. */
export function haltThreshold(rule: HaltRule, processes: number): number {
  return rule.percent ? Math.max(1, Math.ceil((rule.count / 100) * processes)) : rule.count;
}
