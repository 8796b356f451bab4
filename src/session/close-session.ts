/**
 * The first steps of a session's close(): the 'session-end' record (its
 * status derived from the runs unless given), then the final summary is
 * taken and the record files are closed (summary.json is written after).
 */
import type { SessionStatus } from '../events/types.js';
import type { SessionRecords } from './session-records.js';
import type { SessionSummary } from './summary-types.js';
import { validateStatus } from './validate.js';

/**
 * Records 'session-end', ends the records and closes their files; the final
 * summary comes back. The status defaults to 'cancelled' if any process was
 * cancelled, 'succeeded' if every process that ran succeeded, else 'failed'.
 */
export function endRecords(
  records: SessionRecords,
  status?: SessionStatus,
): { status: SessionStatus; summary: SessionSummary } {
  const { builder } = records;
  const final = status === undefined ? builder.derivedStatus() : validateStatus(status);
  const now = builder.summary();
  records.record({
    kind: 'session-end',
    status: final,
    durationMs: now.durationMs,
    processes: now.totals.processes,
    succeeded: now.totals.succeeded,
    costUsd: now.totals.costUsd,
  });
  records.end();
  const summary = builder.summary();
  builder.close();
  records.closeFiles();
  return { status: final, summary };
}
