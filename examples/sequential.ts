/**
 * runSequential: one after another, in order. With `passOutput`, each prompt
 * gets the earlier outputs (framed as `--- Previous output ---` ...
 * `--- New task ---`), so the agents build on each other's work.
 *
 *   npx tsx examples/sequential.ts --mock-model
 */
// In your own project: import { ... } from 'orchestrate-agents';
import { OrchestratorSession, runSequential } from '../src/index.js';
import { modelSetup, scratchDir } from './support/model.js';

const model = await modelSetup();
const session = new OrchestratorSession({
  patternName: 'sequential-example',
  workingDir: scratchDir('sequential'),
  processDefaults: { env: model.env, streamOutput: false, timeoutMs: 120_000 },
});

const steps = [
  session.createProcess('Write a three-step plan for a function that parses CSV lines.', 'plan'),
  session.createProcess('Review the plan above and name its weakest step.', 'review'),
  session.createProcess('Rewrite the weakest step so it handles quoted commas.', 'revise'),
];

try {
  const results = await runSequential(steps, { passOutput: true, stopOnFailure: true });
  for (const result of results)
    console.log(`${result.processId}: ${result.status} — ${result.output.split('\n')[0]}`);
  const skipped = steps.length - results.length;
  if (skipped > 0) console.log(`${skipped} step(s) not run after a failure`);
  await session.close();
  console.log(`\nSession folder: ${session.sessionDir}`);
  process.exitCode =
    results.length === steps.length && results.every((r) => r.status === 'succeeded') ? 0 : 1;
} finally {
  await model.close();
}
