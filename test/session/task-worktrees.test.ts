/**
 * Tasks with `workspace: 'worktree'` on a session's executor, in real git
 * repositories: each task gets its own worktree when its first try starts,
 * keeps it across its tries, and leaves its work committed on its branch.
 * Real fixture executables as the agents.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrchestrateEvent } from '../../src/events/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import { runTask } from '../../src/tasks/run-task.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { fixture } from '../helpers/fixtures.js';
import { checkoutState, gitIn, makeRepo, type TempRepo } from '../workspaces/support.js';
import { eventsFile, quietSession } from './support.js';

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

const session = () => quietSession(repo.root, { baseLogDir: join(repo.sessionDir, 'logs') });

/** A task that appends `line` to notes.md in its folder. */
function writer(id: string, line: string, fields: Partial<TaskSpec> = {}): TaskSpec {
  return {
    id,
    agent: 'command',
    command: fixture('append-line-to-file'),
    args: ['notes.md', line],
    promptVia: 'none',
    prompt: `write ${line}`,
    workspace: 'worktree',
    ...fields,
  };
}

/** A task that counts its runs in runs.txt in its folder and fails until its second. */
function counter(id: string): TaskSpec {
  return {
    id,
    agent: 'command',
    command: fixture('fail-until'),
    promptVia: 'none',
    prompt: 'count the runs',
    env: { COUNTER_FILE: 'runs.txt', SUCCEED_ON: '2' },
    workspace: 'worktree',
  };
}

describe('tasks that ask for a worktree', () => {
  it('two tasks writing the same file end up on two branches; the checkout is untouched', async () => {
    const before = checkoutState(repo.root);
    const s = session();
    const results = await runParallel([writer('red', 'red'), writer('blue', 'blue')], {
      executor: s.executor,
    });
    await s.close();
    const red = results.find((r) => r.processId === 'red');
    const blue = results.find((r) => r.processId === 'blue');
    expect(red!.status).toBe('succeeded');
    expect(red!.artifacts).toMatchObject({
      branch: `orchestrate/${s.sessionId}/red`,
      filesChanged: [{ path: 'notes.md', added: 1, removed: 0 }],
      patchFile: join(s.sessionDir, 'patches', 'red.patch'),
    });
    expect(gitIn(repo.root, 'show', `${red!.artifacts!.branch}:notes.md`)).toBe('red');
    expect(gitIn(repo.root, 'show', `${blue!.artifacts!.branch}:notes.md`)).toBe('blue');
    expect(checkoutState(repo.root)).toEqual(before);
    // Released: the folders are gone and nothing is left locked.
    expect(readdirSync(join(s.sessionDir, 'worktrees'))).toEqual(['.gitignore']);
    expect(gitIn(repo.root, 'worktree', 'list')).not.toContain('orchestrate/');
    const events = eventsFile(s.sessionDir);
    const artifacts = events.filter((e) => e.kind === 'artifacts').map((e) => e.processId);
    expect(artifacts.sort()).toEqual(['blue', 'red']);
    // The task is recorded as given: it runs again in a new worktree, not in a removed folder.
    const task = events.find(
      (e): e is Extract<OrchestrateEvent, { kind: 'task' }> =>
        e.kind === 'task' && e.processId === 'red',
    )!;
    expect(task.spec).toMatchObject({ cwd: repo.root, workspace: 'worktree' });
  });

  it('a retried task keeps one worktree across its tries', async () => {
    const s = session();
    // A relative file: both tries count in the same folder only if they share the worktree.
    const flaky = counter('flaky');
    const [result] = await runParallel([flaky], {
      executor: s.executor,
      retry: { attempts: 2, minDelayMs: 0, shouldRetry: () => true },
    });
    await s.close();
    expect(result!.status).toBe('succeeded');
    expect(result!.tries).toBe(2);
    expect(result!.output).toContain('succeeded on run 2');
    expect(gitIn(repo.root, 'show', `${result!.artifacts!.branch}:runs.txt`)).toBe('2');
    const leased = eventsFile(s.sessionDir).filter((e) => e.kind === 'artifacts');
    expect(leased).toHaveLength(1);
    expect(gitIn(repo.root, 'branch', '--list', 'orchestrate/*')).toBe(
      `orchestrate/${s.sessionId}/flaky`,
    );
  });

  it("a resumed task runs again on its branch, after the earlier run's commits", async () => {
    const s = session();
    // Its count is committed on its branch: the resumed try reads it only on that branch.
    const [failed] = await runParallel([counter('counter')], { executor: s.executor });
    await s.close();
    expect(failed!.status).toBe('failed');
    const branch = `orchestrate/${s.sessionId}/counter`;
    expect(gitIn(repo.root, 'show', `${branch}:runs.txt`)).toBe('1');

    const { session: again, plan } = OrchestratorSession.resume(s.sessionDir, {
      logger: silentLogger,
    });
    const [result] = await runParallel(
      plan.tasks.map((task) => task.spec),
      { executor: again.executor },
    );
    const summary = await again.close();
    expect(result!.status).toBe('succeeded');
    expect(summary.processes).toEqual([expect.objectContaining({ status: 'succeeded', tries: 2 })]);
    expect(result!.output).toContain('succeeded on run 2');
    expect(result!.artifacts).toMatchObject({ branch });
    expect(gitIn(repo.root, 'show', `${branch}:runs.txt`)).toBe('2');
    // Both runs' commits are on the branch, from the same base.
    expect(gitIn(repo.root, 'rev-list', '--count', `HEAD..${branch}`)).toBe('2');
    expect(gitIn(repo.root, 'worktree', 'list')).not.toContain('orchestrate/');
  });

  it('leases each worktree when its task starts, not before', async () => {
    const s = session();
    const lister = (id: string): TaskSpec => ({
      id,
      agent: 'command',
      command: '/bin/sh',
      args: ['-c', 'git worktree list --porcelain | grep -c "^worktree "'],
      promptVia: 'none',
      prompt: id,
      workspace: 'worktree',
    });
    const [first, second] = await runSequential([lister('first'), lister('second')], {
      executor: s.executor,
    });
    await s.close();
    // The checkout and the running task's own worktree; the first is released before the second starts.
    expect(first!.output.trim()).toBe('2');
    expect(second!.output.trim()).toBe('2');
  });

  it('runs in the same folder of the repository as its cwd, and keeps the folder when asked', async () => {
    const s = session();
    const result = await runTask(
      writer('nested', 'deep', {
        cwd: join(repo.root, 'src'),
        workspace: { kind: 'worktree', keep: true },
      }),
      { executor: s.executor, logDir: s.processLogDir },
    );
    await s.close();
    const folder = join(s.sessionDir, 'worktrees', 'nested');
    expect(result.artifacts!.filesChanged).toEqual([
      { path: 'src/notes.md', added: 1, removed: 0 },
    ]);
    expect(existsSync(join(folder, 'src', 'notes.md'))).toBe(true);
    // Kept, and unlocked: `worktrees prune` may take it.
    expect(gitIn(repo.root, 'worktree', 'list', '--porcelain')).not.toContain('locked');
  });

  it('outside a git repository the task fails saying how to fix it', async () => {
    const s = quietSession(repo.sessionDir);
    const [result] = await runParallel([writer('lost', 'x')], { executor: s.executor });
    await s.close();
    expect(result!.status).toBe('failed');
    expect(result!.message).toMatch(/is not inside a git repository.*git init/);
  });

  it('on the local executor, without a session, is refused with the way to run it', async () => {
    await expect(
      runTask(writer('alone', 'x', { cwd: repo.root }), { logDir: repo.sessionDir }),
    ).rejects.toThrow(/worktrees belong to a session.*executor: session\.executor/);
  });
});
