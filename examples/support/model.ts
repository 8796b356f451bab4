/**
 * Shared by the examples: with `--mock-model` on the command line they run the
 * real claude against orchestrate's built-in fake model (no account, no cost);
 * without it, against your real account.
 *
 *   npx tsx examples/parallel.ts --mock-model
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MockScriptInput } from '../../src/mock-model/index.js';

export interface ModelSetup {
  /** Environment for every claude process (empty for the real model). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** `mockScript` says what the fake model answers (see docs/mock-model.md); the real model ignores it. */
export async function modelSetup(
  mockScript?: MockScriptInput,
  argv: string[] = process.argv.slice(2),
): Promise<ModelSetup> {
  if (!argv.includes('--mock-model')) return { env: {}, close: async () => {} };
  const { startMockModel, mockModelEnv } = await import('../../src/mock-model/index.js');
  const server = await startMockModel({ script: mockScript, host: '127.0.0.1', port: 0 });
  const home = mkdtempSync(join(tmpdir(), 'orchestrate-example-home-'));
  return {
    env: mockModelEnv(server.url, home),
    async close() {
      rmSync(home, { recursive: true, force: true });
      await server.close();
    },
  };
}

/**
 * A scratch folder for the agents to work in, so the examples never touch your
 * files: under $ORCHESTRATE_EXAMPLE_DIR if set, else the system's temp folder.
 */
export function scratchDir(name: string): string {
  return mkdtempSync(
    join(process.env.ORCHESTRATE_EXAMPLE_DIR ?? tmpdir(), `orchestrate-example-${name}-`),
  );
}
