/**
 * The JSON the pages ask for: the sessions list and one session's summary
 * and metadata. A summary is rebuilt only when its session's files changed
 * since the last request, so a list left open costs a stat per session.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sessionFile } from '../session/files.js';
import { readSessionMetadata, readSessionSummary } from '../session/read-session.js';
import type { SessionSummary } from '../session/summary-types.js';

interface Cached {
  key: string;
  summary: SessionSummary;
}

async function versionKey(dir: string): Promise<string | null> {
  for (const name of ['summary', 'events'] as const) {
    const found = await stat(sessionFile(dir, name)).catch(() => null);
    if (found) return `${name}:${found.size}:${found.mtimeMs}`;
  }
  return null;
}

export class SessionsApi {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly baseLogDir: string) {}

  async summary(dir: string): Promise<SessionSummary | null> {
    const key = await versionKey(dir);
    if (key === null) return null;
    const cached = this.cache.get(dir);
    if (cached?.key === key) return cached.summary;
    const summary = await readSessionSummary(dir).catch(() => null);
    if (summary) this.cache.set(dir, { key, summary });
    return summary;
  }

  /** Every session, newest first. */
  async list(): Promise<SessionSummary[]> {
    const entries = await readdir(this.baseLogDir, { withFileTypes: true }).catch(() => []);
    const dirs = entries.filter((e) => e.isDirectory()).map((e) => join(this.baseLogDir, e.name));
    const summaries = await Promise.all(dirs.map((dir) => this.summary(dir)));
    return summaries
      .filter((s): s is SessionSummary => s !== null)
      .sort(
        (a, b) => b.startedAt.localeCompare(a.startedAt) || b.sessionId.localeCompare(a.sessionId),
      );
  }

  async detail(dir: string): Promise<object | null> {
    const summary = await this.summary(dir);
    if (!summary) return null;
    return { summary, metadata: await readSessionMetadata(dir) };
  }
}
