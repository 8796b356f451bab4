/** Runs an example from examples/ with tsx against the mock model, in a scratch folder. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, tempDir } from '../helpers/fixtures.js';

export interface ExampleRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function runExample(name: string): Promise<ExampleRun> {
  const scratch = tempDir(`orchestrate-example-test-${name}-`);
  try {
    const tsx = join(repoRoot, 'node_modules/.bin/tsx');
    const child = spawn(tsx, [join(repoRoot, 'examples', `${name}.ts`), '--mock-model'], {
      cwd: repoRoot,
      env: { ...process.env, ORCHESTRATE_EXAMPLE_DIR: scratch.path, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stdout, stderr };
  } finally {
    scratch.cleanup();
  }
}
