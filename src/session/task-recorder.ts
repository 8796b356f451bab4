/**
 * Session records from a try's TaskEvents, for tries that run elsewhere (on a
 * queue's worker): the same records recorder.ts makes from a local process's
 * events, read through the agent's driver from the registry.
 */
import { processEndDraft } from '../events/process-end.js';
import type { ActivityReader } from '../process/agent-driver.js';
import type { TaskEvent } from '../tasks/executor.js';
import { specDriver } from '../tasks/spec-driver.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import type { RecordSink } from './recorder.js';

/** A listener that records one try of `spec` (already checked) into `sink`. */
export function taskEventRecorder(
  spec: TaskSpec,
  attempt: number,
  sink: RecordSink,
  /** Where the submitter keeps its copy of the try's log ('' for none). */
  logFile = '',
): (event: TaskEvent) => void {
  const driver = specDriver(spec);
  const processId = spec.id;
  let tally: ActivityReader | null = null;
  return (event) => {
    switch (event.kind) {
      case 'start':
        // A run that starts again (its worker died) reads its activity afresh.
        tally = driver.activity?.() ?? null;
        sink({
          kind: 'process-start',
          processId,
          agent: driver.name,
          attempt,
          pid: event.info.pid,
          command: event.info.command,
          args: event.info.args,
          promptChars: spec.prompt.length,
          logFile,
        });
        return;
      case 'agent-event': {
        const retry = driver.agentRetry?.(event.event) ?? null;
        if (retry) return sink({ kind: 'agent-retry', processId, attempt, ...retry });
        const progress = tally?.read(event.event);
        if (progress) sink({ kind: 'process-activity', processId, attempt, ...progress });
        return;
      }
      case 'log':
        return sink({ kind: 'log', level: event.level, source: processId, message: event.message });
      case 'end':
        return sink(processEndDraft(event.result, attempt));
      default:
        return; // 'retry' is recorded by the session executor's retrying()
    }
  };
}
