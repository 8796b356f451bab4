/**
 * The last step of close(): a short wait for the agent's --version probe (none
 * for a cancelled session), then summary.json. A full disk or a removed folder
 * loses the file, never the summary: the failure is told, not thrown.
 */
import { sessionFile } from './files.js';
import { writeJsonFile } from './json-file.js';
import type { SessionSummary } from './summary-types.js';

/** How long close() waits for the --version probe before giving up on it. */
const VERSION_WAIT_AT_CLOSE_MS = 2000;

export interface SummaryFileRequest {
  sessionDir: string;
  summary: SessionSummary;
  versionProbe: { done: Promise<unknown>; abort: AbortController; cancelled: boolean };
  failed: (message: string) => void;
}

export async function writeSummaryFile(request: SummaryFileRequest): Promise<void> {
  const { done, abort, cancelled } = request.versionProbe;
  if (cancelled) abort.abort();
  const bound = setTimeout(() => abort.abort(), VERSION_WAIT_AT_CLOSE_MS);
  await done;
  clearTimeout(bound);
  const path = sessionFile(request.sessionDir, 'summary');
  await writeJsonFile(path, request.summary).catch((error: Error) => {
    request.failed(`Cannot write ${path}: ${error.message}`);
  });
}
