import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDriver } from '../../src/agents/command/command-driver.js';
import { agentNames, getAgent, registerAgent } from '../../src/agents/registry.js';
import { silentLogger } from '../../src/logging/logger.js';
import { runTask } from '../../src/tasks/run-task.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('the agent registry', () => {
  it('has claude, codex, gemini and command built in', () => {
    expect(agentNames().slice(0, 4)).toEqual(['claude', 'codex', 'gemini', 'command']);
    expect(getAgent('claude').description).toContain('claude -p');
  });

  it('a registered agent runs tasks by its name', async () => {
    registerAgent({
      name: 'argv-printer',
      description: 'prints its argv (a test agent)',
      driver: (task) =>
        commandDriver({
          command: fixture('print-argv'),
          args: ['--model', task.model ?? 'none', ...task.args],
        }),
    });
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const result = await runTask(
      { id: 'custom', agent: 'argv-printer', prompt: 'hi', model: 'm1' },
      { logDir: join(dir.path, 'logs'), logger: silentLogger },
    );
    expect(JSON.parse(result.output)).toEqual(['--model', 'm1', 'hi']);
  });

  it('refuses a second agent of the same name and a bad name', () => {
    const driver = () => commandDriver({ command: 'true' });
    expect(() => registerAgent({ name: 'claude', description: '', driver })).toThrow(
      'An agent named "claude" is already registered',
    );
    expect(() => registerAgent({ name: 'Bad Name', description: '', driver })).toThrow(
      'lowercase letters, digits and dashes',
    );
  });

  it('names the registered agents when asked for an unknown one', () => {
    expect(() => getAgent('nope')).toThrow(
      'Unknown agent `"nope"` (string); registered agents: claude, codex, gemini, command',
    );
  });
});
