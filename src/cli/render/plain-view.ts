/**
 * Plain lines for logs and pipes: one line per event, in the session.log
 * format (`[HH:MM:SS] [LEVEL] [source] message`), no cursor movement. The
 * core's own log records are shown from WARNING up, except its closing
 * "Completed: ..." line: the process-end record right after says the same.
 */
import { describeRecord } from '../../events/format-event.js';
import type { OrchestrateEvent } from '../../events/types.js';
import { formatLogLine } from '../../logging/logger.js';
import type { Palette } from './color.js';
import { textSink, type RunView } from './view.js';

/** Event lines go to `out`; --stream output to `streamOut`. */
export function plainView(
  out: NodeJS.WritableStream,
  streamOut: NodeJS.WritableStream,
  palette: Palette,
): RunView {
  const write = (text: string) => out.write(text);
  return {
    event(event: OrchestrateEvent) {
      if (
        event.kind === 'log' &&
        (event.level === 'INFO' ||
          event.level === 'DEBUG' ||
          event.message.startsWith('Completed: '))
      )
        return;
      const line = describeRecord(event);
      if (!line) return;
      const text = formatLogLine(line.level, line.source, line.message, new Date(event.at));
      const color =
        line.level === 'ERROR'
          ? palette.red
          : line.level === 'WARNING'
            ? palette.yellow
            : (s: string) => s;
      write(`${color(text)}\n`);
    },
    notice(text: string) {
      write(`${palette.yellow(text)}\n`);
    },
    streamSink: textSink((text) => streamOut.write(text), streamOut),
    stop() {
      // Every line is already out.
    },
  };
}

/** --quiet: no progress at all; notices still go to stderr (they answer the user's own Ctrl-C). */
export function quietView(err: NodeJS.WritableStream, streamOut: NodeJS.WritableStream): RunView {
  return {
    event() {},
    notice(text: string) {
      err.write(`${text}\n`);
    },
    streamSink: textSink((text) => streamOut.write(text), streamOut),
    stop() {},
  };
}
