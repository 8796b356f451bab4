/**
 * --mock-model: starts the built-in fake model on loopback, makes a throwaway
 * HOME for the agents (so the user's own config and credentials are never read),
 * and gives the environment that points the real claude, codex or gemini at it.
 * The fake simulates the model, not the CLI: claude itself runs for real.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usageError } from '../errors.js';

export interface MockBackend {
  url: string;
  /** Variables for every claude process. */
  env: Record<string, string>;
  /** Stops the server and removes the temporary HOME. */
  close(): Promise<void>;
  /** Removes the temporary HOME at once (for a hard exit). */
  removeHomeSync(): void;
  /** Model turns answered so far (text or tool use), for counting a pattern's requests. */
  modelTurns(): number;
}

export async function startMockBackend(
  scriptPath: string | undefined,
  command: string,
): Promise<MockBackend> {
  const mock = await import('../../mock-model/index.js');
  let script;
  try {
    script = scriptPath === undefined ? undefined : await mock.loadMockScript(scriptPath);
  } catch (error) {
    throw usageError(`--mock-script: ${(error as Error).message}`, command);
  }
  const server = await mock.startMockModel({ script, host: '127.0.0.1', port: 0 });
  const home = mkdtempSync(join(tmpdir(), 'orchestrate-mock-home-'));
  const removeHomeSync = () => rmSync(home, { recursive: true, force: true });
  return {
    url: server.url,
    env: mock.mockAgentsEnv(server.url, home, { auth: script?.account?.login ?? 'api-key' }),
    removeHomeSync,
    modelTurns: () =>
      server.requests.filter((r) => r.answer === 'text' || r.answer === 'toolUse').length,
    async close() {
      removeHomeSync();
      await server.close();
    },
  };
}
