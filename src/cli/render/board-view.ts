/**
 * The live board on a terminal, redrawn in place with log-update: reads the
 * RunState the run command keeps and repaints on a timer only, FRAME_MS apart
 * (at most 10 times a second), so its cost does not grow with the event rate
 * (128 agents streaming once repainted the board on every event). Lines that
 * must stay, such as --stream output and notices, wait in a bounded queue and
 * are printed above the board at the next frame; past ABOVE_LIMIT_CHARS queued,
 * stream lines are dropped and counted, and the count is printed at the end.
 */
import { createLogUpdate } from 'log-update';
import type { OrchestrateEvent } from '../../events/types.js';
import { renderBoard } from './board.js';
import type { Palette } from './color.js';
import type { RunState } from './run-state.js';
import { textSink, type RunView } from './view.js';

const FRAME_MS = 100;
const ABOVE_LIMIT_CHARS = 1024 * 1024;

export function boardView(out: NodeJS.WriteStream, state: RunState, palette: Palette): RunView {
  const update = createLogUpdate(out);
  let frame = 0;
  let stopped = false;
  let pending = '';
  let dropped = 0;
  const draw = () =>
    renderBoard(state, {
      now: Date.now(),
      palette,
      width: out.columns ?? 80,
      height: out.rows ?? 24,
      frame,
    });
  // Nothing to show until the run has its processes.
  const paint = () => {
    if (!stopped && state.size > 0) update(draw());
  };
  const above = (text: string, droppable = true) => {
    if (stopped) {
      out.write(text);
      return;
    }
    if (droppable && pending.length > ABOVE_LIMIT_CHARS) {
      dropped += text.split('\n').length - 1 || 1;
      return;
    }
    pending += text;
  };
  // Only whole lines go above the board; a partial one waits for its newline.
  const flushAbove = () => {
    const end = pending.lastIndexOf('\n');
    if (end === -1) return;
    update.persist(pending.slice(0, end));
    pending = pending.slice(end + 1);
  };
  const timer = setInterval(() => {
    frame++;
    flushAbove();
    paint();
  }, FRAME_MS);
  timer.unref();
  paint();
  return {
    // The run command folds each event into `state` before handing it on.
    event(_event: OrchestrateEvent) {
      // Folded into `state` by the run command; the next frame shows it.
    },
    notice(text: string) {
      above(`${palette.yellow(text)}\n`, false);
    },
    streamSink: textSink(above),
    stop() {
      if (stopped) return;
      clearInterval(timer);
      flushAbove();
      paint();
      stopped = true;
      if (pending) out.write(`${pending}\n`);
      if (dropped > 0)
        out.write(
          palette.yellow(
            `${dropped} streamed line(s) not shown: the terminal was behind (the process logs have every line)\n`,
          ),
        );
      update.done();
    },
  };
}
