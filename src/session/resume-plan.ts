/**
 * What resuming a session runs again, read from its records: each task's spec
 * (its `task` record), how its last try ended, the attempt its next try
 * takes (so earlier tries' logs are kept), and the agent's conversation to
 * continue. Tasks that succeeded are kept as they are.
 */
import { readFileSync } from 'node:fs';
import { parseEvents } from '../events/parse-events.js';
import type { OrchestrateEvent, SessionStartEvent } from '../events/types.js';
import type { ProcessStatus } from '../process/result.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import { sessionFile } from './files.js';
import { sessionLiveness } from './liveness.js';
import type { SessionMetadata } from './metadata.js';

/** `failed`: failed, timed out, could not start; `unfinished`: cancelled, skipped, never started or cut off. */
export type ResumeOnly = 'failed' | 'unfinished' | 'all';

const FAILED: ReadonlySet<string> = new Set(['failed', 'timed_out', 'spawn_error']);

export interface ResumeTask {
  spec: TaskSpec;
  /** How its last try ended; null: it never ended (never started, or the orchestrator died). */
  previousStatus: ProcessStatus | null;
  /** The attempt number of its next try. */
  attempt: number;
  /** The agent's own session id of its last try (claude: `--resume <id>`), when it had one. */
  agentSessionId: string | null;
  /** What that conversation already cost (the agent's cumulative figure counts it again). */
  costBaseUsd: number;
}

export interface ResumePlan {
  start: SessionStartEvent;
  /** Every record of the session so far, in order. */
  events: OrchestrateEvent[];
  /** The tasks to run again, in the order they were first recorded. */
  tasks: ResumeTask[];
  /** Task ids kept as they are (succeeded, or outside `only`). */
  kept: string[];
}

export class ResumeError extends Error {
  override readonly name = 'ResumeError';
}

interface TaskState {
  spec: TaskSpec;
  status: ProcessStatus | null;
  attempt: number;
  agentSessionId: string | null;
  costs: Map<string, number>;
}

function wanted(status: ProcessStatus | null, only: ResumeOnly): boolean {
  if (status === 'succeeded') return false;
  if (only === 'all') return true;
  const failed = status !== null && FAILED.has(status);
  return only === 'failed' ? failed : !failed;
}

export function readResumePlan(sessionDir: string, only: ResumeOnly = 'all'): ResumePlan {
  assertNotRunning(sessionDir);
  let text: string;
  try {
    text = readFileSync(sessionFile(sessionDir, 'events'), 'utf8');
  } catch (error) {
    throw new ResumeError(
      `Cannot resume ${sessionDir}: ${(error as Error).message}; give a session folder (it holds events.jsonl).`,
    );
  }
  const events = parseEvents(text);
  const start = events.find((e): e is SessionStartEvent => e.kind === 'session-start');
  if (!start)
    throw new ResumeError(
      `Cannot resume ${sessionDir}: its events.jsonl has no session-start record.`,
    );
  const tasks = new Map<string, TaskState>();
  for (const event of events) {
    if (event.kind === 'task') {
      tasks.set(event.processId, {
        spec: event.spec,
        status: null,
        attempt: 0,
        agentSessionId: null,
        costs: new Map(),
      });
      continue;
    }
    if (event.kind !== 'process-start' && event.kind !== 'process-end') continue;
    const task = tasks.get(event.processId);
    if (!task) continue;
    task.attempt = Math.max(task.attempt, event.attempt);
    if (event.kind === 'process-start') task.status = null;
    else {
      task.status = event.status;
      task.agentSessionId = event.agentSessionId ?? task.agentSessionId;
      if (event.agentSessionId && event.costUsd !== null)
        task.costs.set(
          event.agentSessionId,
          (task.costs.get(event.agentSessionId) ?? 0) + event.costUsd,
        );
    }
  }
  if (tasks.size === 0)
    throw new ResumeError(
      `Cannot resume ${sessionDir}: it records no tasks (sessions record the tasks they run as specs: run it again instead).`,
    );
  const plan: ResumePlan = { start, events, tasks: [], kept: [] };
  for (const [id, task] of tasks) {
    if (!wanted(task.status, only)) {
      plan.kept.push(id);
      continue;
    }
    plan.tasks.push({
      spec: task.spec,
      previousStatus: task.status,
      attempt: task.attempt + 1,
      agentSessionId: task.agentSessionId,
      costBaseUsd: task.agentSessionId ? (task.costs.get(task.agentSessionId) ?? 0) : 0,
    });
  }
  return plan;
}

/** A session whose orchestrator is alive on this host is not resumed under it. */
function assertNotRunning(sessionDir: string): void {
  let metadata: SessionMetadata | null = null;
  try {
    metadata = JSON.parse(readFileSync(sessionFile(sessionDir, 'metadata'), 'utf8'));
  } catch {
    return;
  }
  if (metadata && sessionLiveness(sessionDir, metadata) === 'running')
    throw new ResumeError(
      `Cannot resume ${sessionDir}: it is still running (pid ${metadata.pid}); wait for it to end, or stop it first.`,
    );
}
