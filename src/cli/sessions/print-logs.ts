/**
 * `orchestrate logs ID [processId] [-f] [--raw]`: prints session.log, or a
 * process's log (every try, in order) as a readable transcript (--raw: the
 * lines as the agent wrote them). With -f it keeps printing what is appended until
 * the session (or that process) is over, like `tail -f` that knows when to
 * stop; it stops too when its reader goes away or a signal comes. Each tick
 * reads only what was appended since the last one.
 */
import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { sessionFile } from '../../session/files.js';
import type { LogsFlags } from '../commands/logs-command.js';
import { CLIError, EXIT, SIGNAL_EXIT_CODES, type ExitCode, type HandledSignal } from '../errors.js';
import { outputClosed } from '../output-closed.js';
import { appendedBytes, EventsTail } from './follow-files.js';
import { agentOf, finished, processIds, processLogFiles } from './log-files.js';
import { transcriptStream } from './transcript.js';
import { checkedProcessId, locateSession } from './locate.js';

const POLL_MS = 200;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

export async function runLogs(
  id: string,
  processId: string | undefined,
  flags: LogsFlags,
): Promise<ExitCode> {
  if (processId !== undefined) checkedProcessId(processId, 'logs');
  const dir = locateSession(id, flags, 'logs');
  const tail = new EventsTail(sessionFile(dir, 'events'));
  const paths = () =>
    processId === undefined
      ? [sessionFile(dir, 'log')]
      : processLogFiles(dir, tail.events, processId);
  tail.read();
  const first = paths();
  if (processId !== undefined && first.length === 0 && !flags.follow) {
    const known = processIds(tail.events);
    const why = known.includes(processId)
      ? `${processId} has no log yet: it has not started`
      : `no process "${processId}" in ${id}; it has ${known.join(', ') || 'none'}`;
    throw new CLIError(why, 'E_NOT_FOUND', 'logs');
  }
  const offsets = new Map<string, number>();
  const transcripts = new Map<string, Writable>();
  /** Where a file's bytes go: stdout as they are, or one transcript per file (a try's last line may lack its newline). */
  const sinkOf = (path: string): Writable => {
    if (processId === undefined || flags.raw) return process.stdout;
    let sink = transcripts.get(path);
    if (!sink)
      transcripts.set(
        path,
        (sink = transcriptStream(process.stdout, agentOf(tail.events, processId))),
      );
    return sink;
  };
  const copy = async (files: string[]) => {
    for (const path of files) {
      offsets.set(path, await appendedBytes(path, offsets.get(path) ?? 0, sinkOf(path)));
    }
  };
  /** Renders what the transcripts still hold (a last line without its newline). */
  const finish = async () => {
    for (const sink of transcripts.values()) await new Promise((done) => sink.end(done));
    return EXIT.ok;
  };
  await copy(first);
  if (!flags.follow) return finish();
  let received: HandledSignal | null = null;
  const onSignal = (signal: NodeJS.Signals) => (received ??= signal as HandledSignal);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    for (;;) {
      tail.read();
      const over = finished(dir, tail.events, processId);
      await copy(paths());
      if (outputClosed()) return EXIT.outputClosed;
      if (over) return await finish();
      if (received) return SIGNAL_EXIT_CODES[received];
      await sleep(POLL_MS);
      if (received) return SIGNAL_EXIT_CODES[received];
    }
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}
