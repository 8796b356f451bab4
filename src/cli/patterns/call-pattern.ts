/** Calls the pattern a command names with its flags' options; the exit code follows its result. */
import type { PatternOptions } from '../../patterns/context.js';
import { positiveIntegerFlag } from '../options/integers.js';
import { badFlag } from '../errors.js';
import { listFlag, type RawPatternFlags } from './pattern-flags.js';
import type { PatternConfig } from './pattern-config.js';

export interface PatternRun {
  /** The pattern's typed result. */
  result: unknown;
  ok: boolean;
}

export async function callPattern(
  config: PatternConfig,
  raw: RawPatternFlags,
  prompt: string,
  base: PatternOptions,
): Promise<PatternRun> {
  const p = config.pattern;
  switch (p) {
    case 'n-version': {
      const { nVersion } = await import('../../patterns/n-version.js');
      const result = await nVersion({
        ...base,
        prompt,
        ...(raw.n === undefined ? {} : { n: positiveIntegerFlag('-n', raw.n, p) }),
        variants: config.variants,
        ...(raw.check === undefined ? {} : { check: raw.check }),
        ...(raw.merge ? { merge: { squash: raw.squash === true } } : {}),
      });
      const merged = result.merge === null || result.merge.status !== 'conflict';
      return { result, ok: result.winner !== null && merged };
    }
    case 'cascade': {
      const { cascade } = await import('../../patterns/cascade.js');
      const tiers = config.variants.length > 0 ? config.variants : [{}];
      const result = await cascade({
        ...base,
        prompt,
        tiers,
        ...(raw.accept === undefined ? {} : { accept: raw.accept }),
      });
      return { result, ok: result.accepted !== null };
    }
    case 'debate': {
      const { debate } = await import('../../patterns/debate.js');
      const perspectives = listFlag(raw.perspectives);
      if (!perspectives || perspectives.length < 2)
        throw badFlag('--perspectives', raw.perspectives ?? '', 'two or more names: a,b,c', p);
      const result = await debate({
        ...base,
        question: prompt,
        perspectives,
        variants: config.variants,
        ...(raw.rounds === undefined
          ? {}
          : { rounds: positiveIntegerFlag('--rounds', raw.rounds, p) }),
      });
      return { result, ok: result.synthesis.status === 'succeeded' };
    }
    case 'panel': {
      const { expertPanel } = await import('../../patterns/panel.js');
      const experts = listFlag(raw.experts);
      if (!experts || experts.length === 0)
        throw badFlag('--experts', raw.experts ?? '', 'one or more names: a,b,c', p);
      const options = listFlag(raw.options);
      const result = await expertPanel({
        ...base,
        prompt,
        experts,
        variants: config.variants,
        ...(options ? { options } : {}),
      });
      return { result, ok: result.aggregate.status === 'succeeded' };
    }
  }
}
