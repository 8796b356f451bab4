/**
 * expertPanel: experts answer one question in parallel, each with a JSON vote
 * (checked against the options), and an aggregator combines them. The result
 * carries the tally. With --mock-model the fake model plays the experts: the
 * security expert votes no, the others yes.
 *
 *   npx tsx examples/panel.ts --mock-model
 */
// In your own project: import { ... } from 'orchestrate-agents';
import { expertPanel, OrchestratorSession } from '../src/index.js';
import { modelSetup, scratchDir } from './support/model.js';

const model = await modelSetup({
  rules: [
    {
      match: 'expert panel as: security',
      turns: [{ text: '{"vote": "no", "reasons": "The token refresh is untested."}' }],
    },
    {
      match: 'expert panel as:',
      turns: [{ text: '{"vote": "yes", "reasons": "The change is small and reviewed."}' }],
    },
  ],
});
const session = new OrchestratorSession({
  patternName: 'panel-example',
  workingDir: scratchDir('panel'),
  processDefaults: { env: model.env, timeoutMs: 120_000 },
});

try {
  const result = await expertPanel({
    session,
    prompt: 'Should we ship the new login flow on Friday?',
    experts: ['security', 'product', 'operations'],
    options: ['yes', 'no'],
  });
  for (const expert of result.experts) {
    console.log(`${expert.expert}: ${expert.vote ?? `no vote (${expert.voteError})`}`);
  }
  const votes = result.votes!;
  console.log(
    `Tally: ${votes.counts.map((c) => `${c.option} ${c.votes}`).join(', ')}; winner ${votes.winner ?? 'none'}; agreement ${Math.round(votes.agreement * 100)}%`,
  );
  console.log(`Aggregator: ${result.aggregate.status}`);
  await session.close();
  console.log(`\n${session.summarize()}`);
  process.exitCode = result.aggregate.status === 'succeeded' ? 0 : 1;
} finally {
  await model.close();
}
