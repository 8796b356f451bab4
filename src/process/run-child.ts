/**
 * One run of one child, from spawn to result: wires the output, enforces the
 * timeout and the cancel signal, ends the whole tree, and never waits forever
 * on pipes a stray descendant still holds.
 */
import { performance } from 'node:perf_hooks';
import type { AgentDriver } from './agent-driver.js';
import { buildResult } from './build-result.js';
import type { NormalizedOptions } from './options.js';
import { OutputPump } from './output/output-pump.js';
import type { ProcessLog } from './output/process-log.js';
import type { EndReason, ProcessResult } from './result.js';
import type { ChildExit, ChildHandle } from './spawn/child-handle.js';
import { killTree, sweepGroup, type KillTreeOutcome } from './terminate/kill-tree.js';
import { isAlive } from './terminate/process-table.js';
import { IdleWatchdog } from './watch/idle-watchdog.js';
import { hasLimits, LimitWatch } from './watch/resource-limits.js';

/**
 * Once the tree is gone, the pipes close as soon as their data is read. If they
 * stay open with no data for this long, a process outside the tree (one that
 * escaped with setsid after its parent died) holds them: stop reading.
 */
const STDIO_IDLE_BOUND_MS = 500;

export interface RunHooks {
  chunk(chunk: Buffer, stream: 'stdout' | 'stderr'): void;
  event(event: Record<string, unknown>, raw: Buffer): void;
  /** Asked before a kill, so the reason is logged before the signal goes. */
  ending(reason: EndReason): void;
  /** The child exited on its own but left descendants, which were ended. */
  swept(count: number): void;
  /** Processes of the tree still alive after SIGKILL (pids). */
  survived(pids: number[]): void;
  /** The tree's cgroup folders that could not be removed. */
  cgroupKept(dirs: string[]): void;
}

/** Reasons from a clock: they lose to an exit that already happened. */
const CLOCK_REASONS = new Set<EndReason['kind']>(['timeout', 'idle']);

/** What the lifecycle needs once the child is done. */
export interface RunOutcome {
  result: ProcessResult;
  stderr: StderrRecord;
  /** Lines the console mirror dropped because the console was behind. */
  droppedLines: number;
}

export interface StderrRecord {
  /** The head of stderr kept in memory (up to the output cap). */
  head: Buffer;
  truncated: boolean;
  /** The file stderr was written to as it arrived; null when there was none. */
  file: string | null;
  error: Error | null;
}

export class ChildRun {
  private endReason: EndReason | null = null;
  private killing: Promise<KillTreeOutcome> | null = null;
  private exitedAt: number | null = null;
  private idle: IdleWatchdog | null = null;
  private limits: LimitWatch | null = null;

  constructor(
    private readonly child: ChildHandle,
    private readonly options: NormalizedOptions,
    private readonly hooks: RunHooks,
  ) {}

  /**
   * Records why, then ends the tree. Only the first reason counts. A clock that
   * fires after the child exited, but before its exit was read (the exit and
   * the timer landed in one turn of the loop), is too late: the run is not
   * timed out. The leader is then a zombie, which `isAlive` tells apart.
   */
  end(reason: EndReason): void {
    if (this.endReason || this.exitedAt !== null) return;
    if (CLOCK_REASONS.has(reason.kind) && !isAlive(this.child.pid)) return;
    this.endReason = reason;
    this.hooks.ending(reason);
    this.killing = killTree(this.child.pid, {
      graceMs: this.options.killGraceMs,
      settle: CLOCK_REASONS.has(reason.kind),
      ...(this.child.marker === undefined ? {} : { marker: this.child.marker }),
    });
  }

  async wait(
    driver: AgentDriver,
    log: ProcessLog,
    startedAt: number,
    stderrLogPath: string,
  ): Promise<RunOutcome> {
    const reader = driver.reader({ event: this.hooks.event });
    const pump = new OutputPump({
      processId: this.options.processId,
      capBytes: this.options.outputCapBytes,
      reader,
      log,
      console: this.options.streamOutput ? this.options.console : null,
      stderrLogPath,
      onChunk: (chunk, stream) => {
        this.idle?.touch();
        this.hooks.chunk(chunk, stream);
      },
    });
    const disarm = this.arm();
    pump.attach(this.child.stdout, this.child.stderr);
    const exit: ChildExit = await this.child.exited;
    this.exitedAt = performance.now();
    disarm();
    const outcome =
      this.killing ??
      sweepGroup(this.child.pid, this.options.killGraceMs, this.hooks.swept, this.child.marker);
    // What the kernel did to a tree in a cgroup: an OOM kill the last check missed, refused forks.
    const late = this.limits?.afterExit(exit.code !== 0 || exit.signal !== null) ?? null;
    if (late && !this.endReason) this.endReason = { ...late, afterExit: true };
    const ended = await outcome;
    if (ended && ended.survivors.length > 0) this.hooks.survived(ended.survivors);
    const cgroup = this.child.cgroup;
    if (cgroup && !(await cgroup.remove())) this.hooks.cgroupKept(cgroup.dirs());
    // The clock fired and was still deciding when the child exited on its own (or
    // died of a signal not ours): no signal of ours ended it, so the run keeps its own outcome.
    if (ended?.exitedFirst && this.endReason && CLOCK_REASONS.has(this.endReason.kind))
      this.endReason = null;
    await this.drain(pump);
    pump.finish();
    await Promise.all([log.ready, pump.stderrLog?.end()]);
    const findings = reader.findings(exit.code);
    const raw =
      findings.output === undefined
        ? pump.rawOutput()
        : { text: '', truncated: pump.stdoutTruncated };
    const result = buildResult({
      processId: this.options.processId,
      agent: driver.name,
      logFile: log.path,
      durationMs: this.exitedAt - startedAt,
      exit,
      endReason: this.endReason,
      escalated: ended?.escalated ?? false,
      survivors: ended?.survivors ?? [],
      graceMs: this.options.killGraceMs,
      rawOutput: raw.text,
      outputTruncated: raw.truncated,
      stderr: pump.stderr.toString(),
      findings,
    });
    return {
      result,
      stderr: {
        head: pump.stderr.toBuffer(),
        truncated: pump.stderr.truncated,
        file: pump.stderrLog?.path ?? null,
        error: pump.stderrLog?.error ?? null,
      },
      droppedLines: pump.droppedLines,
    };
  }

  /** Starts the timeout, the idle watchdog, and listens to the abort signal; returns the undo. */
  private arm(): () => void {
    const { timeoutMs, idleTimeoutMs, signal } = this.options;
    const timer =
      timeoutMs === null
        ? null
        : setTimeout(() => this.end({ kind: 'timeout', timeoutMs }), timeoutMs);
    this.idle =
      idleTimeoutMs === null
        ? null
        : new IdleWatchdog(idleTimeoutMs, (idleMs) => this.end({ kind: 'idle', idleMs }));
    this.limits = hasLimits(this.options)
      ? new LimitWatch(this.child.pid, this.options, this.child.cgroup ?? null, (reason) =>
          this.end(reason),
        )
      : null;
    const onAbort = () => this.end({ kind: 'cancel', reason: abortReason(signal) });
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    return () => {
      if (timer) clearTimeout(timer);
      this.idle?.stop();
      this.limits?.stop();
      signal?.removeEventListener('abort', onAbort);
    };
  }

  private async drain(pump: OutputPump): Promise<void> {
    let closed = false;
    void this.child.stdioClosed.then(() => (closed = true));
    let seen = pump.receivedBytes;
    for (;;) {
      const timer = new Promise((resolve) => setTimeout(resolve, STDIO_IDLE_BOUND_MS).unref());
      await Promise.race([this.child.stdioClosed, timer]);
      if (closed) return;
      if (pump.receivedBytes === seen) break;
      seen = pump.receivedBytes;
    }
    this.child.destroyStdio();
  }
}

export function abortReason(signal: AbortSignal | null): string | undefined {
  const reason: unknown = signal?.reason;
  if (reason === undefined) return undefined;
  if (reason instanceof Error) return reason.name === 'AbortError' ? undefined : reason.message;
  return String(reason);
}
