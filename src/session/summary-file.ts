/**
 * The last step of close(): a short wait for the agent's --version probe (none
 * for a cancelled session), then summary.json. A full disk or a removed folder
 * loses the file, never the summary: the failure is told, not thrown.
 */
import { sessionFile } from './files.js';
import { writeJsonFile } from './json-file.js';
import type { SessionSummary } from './summary-types.js';

export interface SummaryFileRequest {
  sessionDir: string;
  summary: SessionSummary;
  /** The version probe's end (version-probe.ts: at most 2 s, none for a cancelled session). */
  versionProbe: Promise<unknown>;
  failed: (message: string) => void;
}

export async function writeSummaryFile(request: SummaryFileRequest): Promise<void> {
  await request.versionProbe;
  const path = sessionFile(request.sessionDir, 'summary');
  await writeJsonFile(path, request.summary).catch((error: Error) => {
    request.failed(`Cannot write ${path}: ${error.message}`);
  });
}
