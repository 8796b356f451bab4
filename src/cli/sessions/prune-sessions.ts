/**
 * `orchestrate sessions prune --older-than 30d`: removes the session folders
 * started before the cutoff. Never one that may still be written: a session
 * with no summary.json is removed only when its orchestrator is known to be
 * gone (it ran on this host and its pid is dead or reused). `--dry-run` lists
 * what would go.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sessionLiveness, type SessionLiveness } from '../../session/liveness.js';
import { readSessionMetadata, readSessionSummary } from '../../session/read-session.js';
import { EXIT, usageError, type ExitCode } from '../errors.js';
import { cutoffFlag } from './age.js';
import { localTime } from './list-sessions.js';
import { baseLogDir, type LocateFlags } from './locate.js';

export interface PruneFlags extends LocateFlags {
  olderThan?: string;
  dryRun?: boolean;
  json?: boolean;
}

interface Candidate {
  sessionId: string;
  dir: string;
  startedAt: string;
  liveness: SessionLiveness;
  bytes: number;
}

const COMMAND = 'sessions prune';

export async function runSessionsPrune(flags: PruneFlags): Promise<ExitCode> {
  if (flags.olderThan === undefined) {
    throw usageError('--older-than is required: say how old a session must be, e.g. 30d', COMMAND);
  }
  const cutoff = cutoffFlag('--older-than', flags.olderThan, COMMAND, { allowDate: false });
  const base = baseLogDir(flags, COMMAND);
  const old = (await sessionsIn(base)).filter((c) => Date.parse(c.startedAt) < cutoff.getTime());
  const removable = old.filter((c) => c.liveness === 'closed' || c.liveness === 'abandoned');
  const kept = old.filter((c) => !removable.includes(c));
  if (!flags.dryRun) {
    for (const c of removable) await rm(c.dir, { recursive: true, force: true });
  }
  if (flags.json) {
    const row = ({ sessionId, dir, startedAt, liveness, bytes }: Candidate) => ({
      sessionId,
      sessionDir: dir,
      startedAt,
      state: liveness,
      bytes,
    });
    const report = {
      dryRun: Boolean(flags.dryRun),
      removed: removable.map(row),
      kept: kept.map(row),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT.ok;
  }
  process.stdout.write(pruneReport(removable, kept, Boolean(flags.dryRun), flags.olderThan, base));
  return EXIT.ok;
}

function pruneReport(
  removable: Candidate[],
  kept: Candidate[],
  dryRun: boolean,
  age: string,
  base: string,
): string {
  const verb = dryRun ? 'Would remove' : 'Removed';
  const lines = removable.map(
    (c) =>
      `${dryRun ? 'would remove' : 'removed'}  ${c.sessionId}  ${localTime(c.startedAt)}  ${megabytes(c.bytes)}`,
  );
  for (const c of kept) {
    const why =
      c.liveness === 'running'
        ? 'still running'
        : 'no summary and it ran on another host (or has no metadata.json): it may still be running';
    lines.push(`kept          ${c.sessionId}  ${localTime(c.startedAt)}  ${why}`);
  }
  const bytes = removable.reduce((sum, c) => sum + c.bytes, 0);
  const plural = removable.length === 1 ? 'session' : 'sessions';
  lines.push(
    `${verb} ${removable.length} ${plural} (${megabytes(bytes)}) started more than ${age} ago in ${base}` +
      (kept.length > 0 ? `; kept ${kept.length} that may still be running.` : '.'),
  );
  return `${lines.join('\n')}\n`;
}

async function sessionsIn(base: string): Promise<Candidate[]> {
  let names: string[];
  try {
    const entries = await readdir(base, { withFileTypes: true });
    names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
  const found = await Promise.all(names.map((name) => candidate(join(base, name))));
  return found
    .filter((c): c is Candidate => c !== null)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** A folder that is a session (it has a summary or records), or null. */
async function candidate(dir: string): Promise<Candidate | null> {
  const summary = await readSessionSummary(dir).catch(() => null);
  if (!summary) return null;
  const metadata = await readSessionMetadata(dir);
  return {
    sessionId: summary.sessionId,
    dir,
    startedAt: metadata?.startedAt ?? summary.startedAt,
    liveness: sessionLiveness(dir, metadata),
    bytes: await folderBytes(dir),
  };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await stat(path).catch(() => null))?.size ?? 0;
  }
  return total;
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
