/**
 * The live board on a terminal, redrawn in place with log-update: reads the
 * RunState the run command keeps and repaints a few times a second (the spinner and the
 * elapsed times move even when no event comes). Lines that must stay, such as
 * --stream output and notices, are printed above the board.
 */
import { createLogUpdate } from 'log-update';
import type { OrchestrateEvent } from '../../events/types.js';
import { renderBoard } from './board.js';
import type { Palette } from './color.js';
import type { RunState } from './run-state.js';
import { textSink, type RunView } from './view.js';

const FRAME_MS = 100;

export function boardView(out: NodeJS.WriteStream, state: RunState, palette: Palette): RunView {
  const update = createLogUpdate(out);
  let frame = 0;
  let stopped = false;
  let pending = '';
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
    if (!stopped && state.processes.size > 0) update(draw());
  };
  const above = (text: string) => {
    if (stopped) {
      out.write(text);
      return;
    }
    // Only whole lines go above the board; a partial one waits for its newline.
    pending += text;
    const end = pending.lastIndexOf('\n');
    if (end === -1) return;
    update.persist(pending.slice(0, end));
    pending = pending.slice(end + 1);
    paint();
  };
  const timer = setInterval(() => {
    frame++;
    paint();
  }, FRAME_MS);
  timer.unref();
  paint();
  return {
    // The run command folds each event into `state` before handing it on.
    event(_event: OrchestrateEvent) {
      paint();
    },
    notice(text: string) {
      above(`${palette.yellow(text)}\n`);
    },
    streamSink: textSink(above),
    stop() {
      if (stopped) return;
      clearInterval(timer);
      paint();
      stopped = true;
      if (pending) out.write(`${pending}\n`);
      update.done();
    },
  };
}
