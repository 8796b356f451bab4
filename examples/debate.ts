/**
 * debate: each perspective answers; in later rounds each sees the others'
 * answers and answers again; a facilitator writes the synthesis. Requests:
 * perspectives x rounds + 1 (here 2 x 2 + 1 = 5).
 *
 *   npx tsx examples/debate.ts --mock-model
 */
// In your own project: import { ... } from 'orchestrate-agents';
import { debate, OrchestratorSession } from '../src/index.js';
import { modelSetup, scratchDir } from './support/model.js';

const model = await modelSetup();
const session = new OrchestratorSession({
  patternName: 'debate-example',
  workingDir: scratchDir('debate'),
  processDefaults: { env: model.env, timeoutMs: 120_000 },
});

try {
  const result = await debate({
    session,
    question: 'Redis or Postgres for the job queue of a small team?',
    perspectives: ['operations', 'simplicity'],
    rounds: 2,
  });
  result.rounds.forEach((round, r) => {
    for (const { perspective, result: step } of round) {
      console.log(`round ${r + 1}, ${perspective}: ${step.status} (${step.processId})`);
    }
  });
  console.log(`synthesis: ${result.synthesis.status}`);
  console.log(`  ${result.synthesis.output.split('\n')[0]}`);
  await session.close();
  console.log(`\n${session.summarize()}`);
  process.exitCode = result.synthesis.status === 'succeeded' ? 0 : 1;
} finally {
  await model.close();
}
