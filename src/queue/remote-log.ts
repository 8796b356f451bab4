/**
 * The submitter's copy of a remote try's output, kept as a local try keeps
 * its own: `<logDir>/<id>.log` (a header, stdout as it arrives, a footer) and
 * `<id>.stderr.log`, which the dashboard's process page and `orchestrate logs`
 * read, and with `streamOutput` each line mirrored to the console, prefixed
 * with its process id and shown through the agent's driver, as --stream shows
 * a local agent's (and dropped, counted, when the console is behind).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { OutputReader } from '../process/agent-driver.js';
import type { ProcessStartInfo } from '../process/agent-process.js';
import { BoundedBuffer } from '../process/output/bounded-buffer.js';
import { ConsoleMirror } from '../process/output/console-mirror.js';
import { LineSplitter } from '../process/output/line-splitter.js';
import { ProcessLog } from '../process/output/process-log.js';
import type { ProcessResult } from '../process/result.js';
import { specDriver } from '../tasks/spec-driver.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import type { OutputChunk } from './job-protocol.js';

const LINE_LIMIT_BYTES = 1024 * 1024;
const STDERR_HEAD_BYTES = 64 * 1024;

interface Run {
  log: ProcessLog;
  stderrLog: ProcessLog | null;
  stderrHead: BoundedBuffer;
  stdoutLines: LineSplitter | null;
  stderrLines: LineSplitter | null;
  mirror: ConsoleMirror | null;
}

export class RemoteLog {
  readonly path: string;
  private readonly stderrPath: string;
  private readonly logDir: string;
  private run: Run | null = null;

  constructor(
    private readonly spec: TaskSpec,
    private readonly processId: string,
    attempt: number,
    logDir: string,
    private readonly console: Writable | null,
  ) {
    this.logDir = logDir;
    const base = attempt === 1 ? processId : `${processId}.attempt-${attempt}`;
    this.path = join(logDir, `${base}.log`);
    this.stderrPath = join(logDir, `${base}.stderr.log`);
  }

  /** A run started on a worker: a fresh copy (a run that starts again replaces a lost one's). */
  start(info: ProcessStartInfo): void {
    if (this.run) void this.run.log.end();
    // A folder that cannot be made fails the log's open: the copy is then skipped, the try goes on.
    try {
      mkdirSync(this.logDir, { recursive: true });
    } catch {
      // (see above)
    }
    const log = new ProcessLog(this.path);
    log.writeHeader({
      processId: this.processId,
      startedAt: info.startedAt,
      commandLine: [info.command, ...info.args].join(' '),
      workingDir: this.spec.cwd ?? "(the worker's current folder)",
      prompt: this.spec.prompt,
    });
    const mirror = this.console ? new ConsoleMirror(this.console) : null;
    this.run = {
      log,
      stderrLog: null,
      stderrHead: new BoundedBuffer(STDERR_HEAD_BYTES),
      mirror,
      stdoutLines: mirror
        ? this.mirrored(mirror, specDriver(this.spec).reader({ event() {} }))
        : null,
      stderrLines: mirror
        ? new LineSplitter(
            { line: (line) => mirror.line(`[${this.processId}] [stderr] ${line.toString()}\n`) },
            LINE_LIMIT_BYTES,
          )
        : null,
    };
  }

  write(chunk: OutputChunk): void {
    const run = this.run;
    if (!run) return;
    const bytes = Buffer.from(chunk.text);
    if (chunk.stream === 'stdout') {
      run.log.write(bytes);
      run.stdoutLines?.push(bytes);
      return;
    }
    run.stderrHead.push(bytes);
    run.stderrLog ??= new ProcessLog(this.stderrPath);
    run.stderrLog.write(bytes);
    run.stderrLines?.push(bytes);
  }

  /** The run ended: its last partial lines are shown; says how many lines the console missed. */
  end(): number {
    const run = this.run;
    if (!run) return 0;
    run.stdoutLines?.end();
    run.stderrLines?.end();
    return run.mirror?.dropped ?? 0;
  }

  /** Writes the footer from the try's result (nothing when no run started). */
  async close(result: ProcessResult): Promise<void> {
    const run = this.run;
    if (!run) return;
    this.run = null;
    await run.stderrLog?.end();
    await run.log.close(
      result,
      run.stderrHead.toBuffer(),
      run.stderrHead.truncated,
      run.stderrLog ? this.stderrPath : null,
    );
  }

  private mirrored(mirror: ConsoleMirror, reader: OutputReader): LineSplitter {
    const prefix = `[${this.processId}] `;
    return new LineSplitter(
      {
        line: (line) => {
          reader.line(line);
          const text = reader.display(line);
          if (text !== null) mirror.line(prefix + text + '\n');
        },
      },
      LINE_LIMIT_BYTES,
    );
  }
}
