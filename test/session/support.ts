/** Helpers for the session tests: a quiet session whose processes run the fake claude stream. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrchestrateEvent } from '../../src/events/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import type { OrchestratorSessionOptions } from '../../src/session/options.js';
import { fixture } from '../helpers/fixtures.js';

export function quietSession(
  workingDir: string,
  options: Partial<OrchestratorSessionOptions> = {},
): OrchestratorSession {
  return new OrchestratorSession({
    patternName: 'test',
    workingDir,
    logger: silentLogger,
    ...options,
    processDefaults: {
      command: fixture('print-claude-stream'),
      streamOutput: false,
      ...options.processDefaults,
    },
  });
}

/** The records in a session's events.jsonl, parsed line by line (every line must be JSON). */
export function eventsFile(sessionDir: string): OrchestrateEvent[] {
  return readFileSync(join(sessionDir, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as OrchestrateEvent);
}

export function kinds(events: readonly OrchestrateEvent[]): string[] {
  return events.map((event) => event.kind);
}
