/**
 * runParallel: several agents at once, at most `maxWorkers` at a time.
 * Results come back in completion order; `index` says where each stood.
 *
 *   npx tsx examples/parallel.ts --mock-model
 */
// In your own project: import { ... } from 'orchestrate-agents';
import { OrchestratorSession, runParallel } from '../src/index.js';
import { modelSetup, scratchDir } from './support/model.js';

const model = await modelSetup();
const session = new OrchestratorSession({
  patternName: 'parallel-example',
  workingDir: scratchDir('parallel'),
  processDefaults: { env: model.env, streamOutput: false, timeoutMs: 120_000 },
});

const processes = [
  session.createProcess('Summarise what a process pool is in two sentences.'),
  session.createProcess('List three risks of running many agents at once.'),
  session.createProcess('Propose a test plan for a CLI tool, as five bullets.'),
];

try {
  const results = await runParallel(processes, { maxWorkers: 2 });
  for (const result of results) {
    console.log(
      `${result.processId} (input #${result.index}): ${result.status}, ${result.message}`,
    );
    console.log(`  ${result.output.split('\n')[0]}`);
  }
  await session.close();
  console.log(`\n${session.summarize()}`);
  process.exitCode = results.every((r) => r.status === 'succeeded') ? 0 : 1;
} finally {
  await model.close();
}
