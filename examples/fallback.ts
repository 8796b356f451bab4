/**
 * runWithFallback: try each process in order until one succeeds, each with a
 * time limit. The result is the success (or the last failure) with every
 * attempt in `attempts`.
 *
 *   npx tsx examples/fallback.ts --mock-model
 */
// In your own project: import { ... } from 'orchestrate-agents';
import { OrchestratorSession, runWithFallback } from '../src/index.js';
import { modelSetup, scratchDir } from './support/model.js';

// With --mock-model, the fake model is overloaded for the first attempt only, so the fallback shows.
const model = await modelSetup({
  rules: [
    {
      name: 'overloaded once',
      turns: [
        { error: { status: 529, shouldRetry: false }, times: 1 },
        { text: 'A backoff spreads retries out so a struggling service can recover.' },
      ],
    },
  ],
});
const session = new OrchestratorSession({
  patternName: 'fallback-example',
  workingDir: scratchDir('fallback'),
  processDefaults: { env: model.env, streamOutput: false },
});

const prompt = 'Explain in one paragraph why a retry needs a backoff.';
const attempts = [
  session.createProcess(prompt, 'with-opus', { model: 'opus' }),
  session.createProcess(prompt, 'with-sonnet', { model: 'sonnet' }),
  session.createProcess(prompt, 'with-haiku', { model: 'haiku' }),
];

try {
  const result = await runWithFallback(attempts, { timeoutMs: 120_000 });
  for (const attempt of result.attempts)
    console.log(`attempt ${attempt.index + 1} (${attempt.processId}): ${attempt.message}`);
  console.log(
    `\n${result.status === 'succeeded' ? 'Answer' : 'Every attempt failed; last'} from ${result.processId}:\n${result.output}`,
  );
  // A fallback succeeds when its last attempt does, however many failed before it.
  await session.close(result.status === 'succeeded' ? 'succeeded' : 'failed');
  process.exitCode = result.status === 'succeeded' ? 0 : 1;
} finally {
  await model.close();
}
