/**
 * nVersion: two agents do the same task, each in its own git worktree on its
 * own branch; a check runs in each worktree; a reviewer compares the diffs
 * and returns a verdict held to a JSON schema (claude's --json-schema); the
 * winner is merged. With --mock-model the fake model plays every agent: each
 * version writes greeting.txt naming its model, and the reviewer picks beta.
 *
 *   npx tsx examples/n-version.ts --mock-model
 */
// In your own project: import { ... } from 'orchestrate-agents';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nVersion, OrchestratorSession } from '../src/index.js';
import { modelSetup, scratchDir } from './support/model.js';

const model = await modelSetup({
  rules: [
    {
      match: 'You are the reviewer',
      turns: [
        {
          text: '{"winner": "version-2", "scores": {"version-1": 6, "version-2": 9}, "reasons": "beta names itself."}',
        },
      ],
    },
    {
      match: 'greeting',
      turns: [
        {
          toolUse: {
            name: 'Write',
            input: { file_path: 'greeting.txt', content: 'hello from {{model}}\n' },
          },
        },
        { text: 'Added greeting.txt.' },
      ],
    },
  ],
});

// A repository of its own, so the example never touches yours.
const repo = scratchDir('n-version');
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
git('init', '--quiet', '--initial-branch', 'main');
git('config', 'user.name', 'Example');
git('config', 'user.email', 'example@example.test');
writeFileSync(join(repo, 'README.md'), '# demo\n');
git('add', '--all');
git('commit', '--quiet', '-m', 'init');

const session = new OrchestratorSession({
  patternName: 'n-version-example',
  workingDir: repo,
  processDefaults: { env: model.env, timeoutMs: 120_000 },
});

try {
  const result = await nVersion({
    session,
    prompt: 'Add a greeting in greeting.txt',
    // The agents may write files; each version's writes land on its own branch.
    task: { args: ['--allowedTools', 'Write'] },
    variants: [{ model: 'alpha' }, { model: 'beta' }],
    check: 'test -s greeting.txt',
    merge: true,
  });
  for (const c of result.candidates) {
    const files = c.result.artifacts?.filesChanged.map((f) => f.path).join(', ') || 'none';
    console.log(
      `${c.processId}: ${c.result.status}, check ${c.check?.passed ? 'passed' : 'failed'}, score ${c.score ?? '-'}, files ${files}`,
    );
  }
  console.log(`Winner: ${result.winner ?? 'none'} (${result.reasons})`);
  console.log(`Merge: ${result.merge?.status ?? 'not merged'}`);
  console.log(
    `greeting.txt in the checkout: ${readFileSync(join(repo, 'greeting.txt'), 'utf8').trim()}`,
  );
  await session.close();
  console.log(`\n${session.summarize()}`);
  process.exitCode = result.winner !== null && result.merge?.status === 'merged' ? 0 : 1;
} finally {
  await model.close();
}
