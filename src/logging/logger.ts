/**
 * Human log lines in the original's format: `[HH:MM:SS] [LEVEL] [processId] message`.
 * A Logger only formats and writes; callers decide what to say.
 */
import { clockTime } from '../process/format.js';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface Logger {
  log(level: LogLevel, source: string, message: string): void;
}

export function formatLogLine(level: LogLevel, source: string, message: string, at = new Date()) {
  return `[${clockTime(at)}] [${level}] [${source}] ${message}`;
}

/** Writes each line whole, in one write call, so parallel processes never interleave parts. */
export function streamLogger(stream: NodeJS.WritableStream, minLevel: LogLevel = 'INFO'): Logger {
  const order: LogLevel[] = ['DEBUG', 'INFO', 'WARNING', 'ERROR'];
  const threshold = order.indexOf(minLevel);
  return {
    log(level, source, message) {
      if (order.indexOf(level) < threshold) return;
      stream.write(formatLogLine(level, source, message) + '\n');
    },
  };
}

/** The default: human lines on stderr, leaving stdout to the agents' output. */
export const consoleLogger: Logger = {
  log(level, source, message) {
    process.stderr.write(formatLogLine(level, source, message) + '\n');
  },
};

export const silentLogger: Logger = { log: () => undefined };

/** Sends every line to each logger in turn. */
export function teeLogger(...loggers: Logger[]): Logger {
  return { log: (level, source, message) => loggers.forEach((l) => l.log(level, source, message)) };
}
