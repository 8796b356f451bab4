/**
 * Options are normalized once: copied, defaulted, then validated, with messages
 * that name the option, the value received and what is accepted.
 */
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Logger } from '../logging/logger.js';
import { assertProcessId } from './process-id.js';
import { describeValue, existingDirectory } from './validate.js';

export interface AgentProcessOptions {
  prompt: string;
  processId: string;
  workingDir: string;
  logDir: string;
  /** Mirror the agent's output to the console (default true). */
  streamOutput?: boolean;
  /** End the process tree after this long (default: no limit). */
  timeoutMs?: number;
  /** End the process tree when it writes nothing to stdout or stderr for this long (default: no limit). */
  idleTimeoutMs?: number;
  /** End the tree (status 'failed') when its resident memory, grandchildren included, passes this many bytes. */
  memoryLimitBytes?: number;
  /** End the tree (status 'failed') when it has more than this many processes. */
  maxProcesses?: number;
  /** Time between SIGTERM and SIGKILL (default 5000). */
  killGraceMs?: number;
  /** Aborting it cancels the process (status 'cancelled'). */
  signal?: AbortSignal;
  /** Added to the parent's environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** The binary to run (default depends on the agent). */
  command?: string;
  /** Appended to the agent's arguments. */
  extraArgs?: string[];
  /** 'pty' runs the agent on a pseudo-terminal fed with newlines (default: stdin closed). */
  stdin?: 'closed' | 'pty';
  /** Bytes of stdout kept in memory (default 16 MiB); the log always has everything. */
  outputCapBytes?: number;
  /** Where human log lines go (default: stderr). */
  logger?: Logger;
  /** Where streamed output goes (default: process.stdout). */
  console?: Writable;
  /** Which try this is (default 1); tries after the first log to `<processId>.attempt-N.log`. */
  attempt?: number;
  /**
   * What the agent's conversation had already cost before this try (a resumed
   * claude conversation reports its cumulative cost): subtracted from the cost
   * it reports, so no cost is counted twice (default 0).
   */
  costBaseUsd?: number;
}

export interface NormalizedOptions extends Required<
  Omit<
    AgentProcessOptions,
    | 'timeoutMs'
    | 'idleTimeoutMs'
    | 'memoryLimitBytes'
    | 'maxProcesses'
    | 'signal'
    | 'command'
    | 'logger'
    | 'console'
  >
> {
  memoryLimitBytes: number | null;
  maxProcesses: number | null;
  timeoutMs: number | null;
  idleTimeoutMs: number | null;
  signal: AbortSignal | null;
  command: string | null;
  logger: Logger | null;
  console: Writable | null;
}

export const DEFAULT_KILL_GRACE_MS = 5000;
export const DEFAULT_OUTPUT_CAP_BYTES = 16 * 1024 * 1024;

function nonNegativeInteger(name: string, value: unknown, fallback: number | null) {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(
      `Expected \`${name}\` to be a non-negative integer (milliseconds or bytes), got ${describeValue(value)}`,
    );
  }
  return value;
}

/** Zero would end every process at once: a bound must be at least 1 ms. */
function positiveInteger(name: string, value: unknown, unit = 'milliseconds'): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(
      `Expected \`${name}\` to be a positive integer (${unit}), got ${describeValue(value)}`,
    );
  }
  return value;
}

function positiveAttempt(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(
      `Expected \`attempt\` to be a positive integer, got ${describeValue(value)}`,
    );
  }
  return value;
}

export function normalizeOptions(options: AgentProcessOptions): NormalizedOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  assertProcessId(options.processId);
  if (typeof options.prompt !== 'string') {
    throw new TypeError(`Expected \`prompt\` to be a string, got ${describeValue(options.prompt)}`);
  }
  if (typeof options.logDir !== 'string' || options.logDir.length === 0) {
    throw new TypeError(
      `Expected \`logDir\` to be a directory path, got ${describeValue(options.logDir)}`,
    );
  }
  if (options.stdin !== undefined && options.stdin !== 'closed' && options.stdin !== 'pty') {
    throw new TypeError(
      `Expected \`stdin\` to be 'closed' or 'pty', got ${describeValue(options.stdin)}`,
    );
  }
  if (
    options.extraArgs !== undefined &&
    (!Array.isArray(options.extraArgs) || options.extraArgs.some((a) => typeof a !== 'string'))
  ) {
    throw new TypeError(
      `Expected \`extraArgs\` to be an array of strings, got ${describeValue(options.extraArgs)}`,
    );
  }
  return {
    prompt: options.prompt,
    processId: options.processId,
    workingDir: existingDirectory('workingDir', options.workingDir),
    logDir: resolve(options.logDir),
    streamOutput: options.streamOutput ?? true,
    timeoutMs: nonNegativeInteger('timeoutMs', options.timeoutMs, null),
    idleTimeoutMs: positiveInteger('idleTimeoutMs', options.idleTimeoutMs),
    memoryLimitBytes: positiveInteger('memoryLimitBytes', options.memoryLimitBytes, 'bytes'),
    maxProcesses: positiveInteger('maxProcesses', options.maxProcesses, 'processes'),
    killGraceMs: nonNegativeInteger('killGraceMs', options.killGraceMs, DEFAULT_KILL_GRACE_MS)!,
    signal: options.signal ?? null,
    env: { ...options.env },
    command: options.command ?? null,
    extraArgs: [...(options.extraArgs ?? [])],
    stdin: options.stdin ?? 'closed',
    outputCapBytes: nonNegativeInteger(
      'outputCapBytes',
      options.outputCapBytes,
      DEFAULT_OUTPUT_CAP_BYTES,
    )!,
    logger: options.logger ?? null,
    console: options.console ?? process.stdout,
    attempt: positiveAttempt(options.attempt),
    costBaseUsd: costBase(options.costBaseUsd),
  };
}

function costBase(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  throw new TypeError(
    `Expected \`costBaseUsd\` to be a non-negative number of US dollars, got ${describeValue(value)}`,
  );
}
