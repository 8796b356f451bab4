/**
 * `orchestrate sessions show ID`: one run in detail, as the session's own
 * summary text (status, totals, a row per process) and the files to look at;
 * or the summary and metadata as one JSON document with --json.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSessionMetadata, readSessionSummary } from '../../session/read-session.js';
import { summaryText } from '../../session/summarize-text.js';
import type { SessionsFlags } from '../commands/sessions-command.js';
import { EXIT, type ExitCode } from '../errors.js';
import { locateSession } from './locate.js';

export async function runSessionsShow(id: string, flags: SessionsFlags): Promise<ExitCode> {
  const dir = locateSession(id, flags, 'sessions show');
  const [summary, metadata] = await Promise.all([
    readSessionSummary(dir),
    readSessionMetadata(dir),
  ]);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ...summary, metadata }, null, 2)}\n`);
    return EXIT.ok;
  }
  const files = listFiles(dir);
  const lines = [summaryText(summary)];
  if (metadata?.agentVersion)
    lines.push(`Agent: ${metadata.agent} ${metadata.agentVersion} (${metadata.agentCommand})`);
  lines.push(
    '',
    'Files:',
    ...files.map((f) => `  ${f}`),
    '',
    `Read a log: orchestrate logs ${summary.sessionId} [processId] [-f]`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function listFiles(dir: string): string[] {
  const top = readdirSync(dir)
    .filter((name) => name !== 'processes')
    .sort();
  let processes: string[] = [];
  try {
    processes = readdirSync(join(dir, 'processes'))
      .sort()
      .map((name) => join('processes', name));
  } catch {
    // no process has logged yet
  }
  return [...top, ...processes];
}
