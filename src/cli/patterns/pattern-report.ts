/** A pattern's result as a few readable lines and a table, for the console. */
import type { CascadeResult } from '../../patterns/cascade.js';
import type { DebateResult } from '../../patterns/debate.js';
import type { NVersionResult } from '../../patterns/n-version.js';
import type { PanelResult } from '../../patterns/panel.js';
import { scoreTable } from '../../patterns/aggregate.js';

interface Document {
  pattern: string;
  ok: boolean;
  sessionId: string;
  sessionDir: string;
  durationMs: number;
  modelTurns?: number;
  result: unknown;
}

export function patternReport(doc: Document): string {
  const lines = [...body(doc.pattern, doc.result), ''];
  const turns = doc.modelTurns === undefined ? '' : `, ${doc.modelTurns} model turns`;
  lines.push(
    `${doc.pattern} ${doc.ok ? 'succeeded' : 'failed'} in ${(doc.durationMs / 1000).toFixed(1)} s${turns}`,
  );
  lines.push(`Session folder: ${doc.sessionDir}`);
  return lines.join('\n');
}

function body(pattern: string, result: unknown): string[] {
  switch (pattern) {
    case 'n-version': {
      const r = result as NVersionResult;
      const rows = r.candidates.map((c) => [
        c.processId,
        c.result.status,
        c.check === null ? '-' : c.check.passed ? 'passed' : `failed (exit ${c.check.exitCode})`,
        c.score === null ? '-' : String(c.score),
        String(c.result.artifacts?.filesChanged.length ?? 0),
        c.result.artifacts?.branch ?? '-',
      ]);
      return [
        scoreTable(['VERSION', 'STATUS', 'CHECK', 'SCORE', 'FILES', 'BRANCH'], rows),
        '',
        `Winner: ${r.winner ?? 'none'}. ${r.reasons}`,
        ...(r.merge ? [`Merge: ${r.merge.message}`] : []),
      ];
    }
    case 'cascade': {
      const r = result as CascadeResult;
      const rows = r.tiers.map((t) => [
        String(t.tier),
        t.role,
        t.result.status,
        t.accepted ? 'accepted' : 'rejected',
      ]);
      return [
        scoreTable(['TIER', 'AGENT', 'STATUS', 'VERDICT'], rows),
        '',
        r.accepted === null ? 'No tier was accepted.' : `Accepted tier ${r.accepted}:`,
        ...(r.final && r.accepted !== null ? [r.final.output.trim()] : []),
      ];
    }
    case 'debate': {
      const r = result as DebateResult;
      return [
        `${r.rounds.length} rounds, ${r.rounds[0]?.length ?? 0} perspectives.`,
        '',
        'Synthesis:',
        r.synthesis.output.trim(),
      ];
    }
    default: {
      const r = result as PanelResult;
      const rows = r.experts.map((e) => [
        e.expert,
        e.result.status,
        e.vote ?? (e.voteError ? 'invalid' : '-'),
      ]);
      const tally = r.votes
        ? [
            `Votes: ${r.votes.counts.map((c) => `${c.option} ${c.votes}`).join(', ')}; agreement ${Math.round(r.votes.agreement * 100)}%${r.votes.winner ? `; majority: ${r.votes.winner}` : ''}`,
          ]
        : [];
      return [
        scoreTable(['EXPERT', 'STATUS', 'VOTE'], rows),
        ...tally,
        '',
        'Aggregate:',
        r.aggregate.output.trim(),
      ];
    }
  }
}
