/**
 * runBatched: batches of `batchSize`, each batch fully parallel, one batch
 * after another; with `passOutput` a batch sees the previous batch's outputs.
 *
 *   npx tsx examples/batched.ts --mock-model
 */
// In your own project: import { ... } from 'orchestrate-agents';
import { OrchestratorSession, runBatched } from '../src/index.js';
import { modelSetup, scratchDir } from './support/model.js';

const model = await modelSetup();
const session = new OrchestratorSession({
  patternName: 'batched-example',
  workingDir: scratchDir('batched'),
  processDefaults: { env: model.env, streamOutput: false, timeoutMs: 120_000 },
});

const files = ['parse.ts', 'format.ts', 'cli.ts', 'pool.ts', 'retry.ts'];
const processes = files.map((file) =>
  session.createProcess(`Suggest one unit test for src/${file}, in one sentence.`),
);

try {
  const results = await runBatched(processes, { batchSize: 2 });
  for (const result of [...results].sort((a, b) => a.index - b.index)) {
    console.log(`${files[result.index]}: ${result.status} — ${result.output.split('\n')[0]}`);
  }
  const summary = await session.close();
  console.log(
    `\n${summary.totals.succeeded} of ${summary.totals.processes} succeeded; cost $${summary.totals.costUsd.toFixed(4)}`,
  );
  process.exitCode = results.every((r) => r.status === 'succeeded') ? 0 : 1;
} finally {
  await model.close();
}
