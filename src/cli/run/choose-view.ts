/**
 * Picks the view for a run. Progress goes to stderr, so stdout keeps only the
 * report (or the --json document). The live board is drawn when stderr is a
 * terminal and stdout is one too (or --json sends stdout to a pipe); otherwise
 * plain lines, one per event. --quiet shows nothing.
 */
import { paletteFor } from '../render/color.js';
import type { RunState } from '../render/run-state.js';
import type { RunView } from '../render/view.js';
import { plainView, quietView } from '../render/plain-view.js';

export interface ViewChoice {
  quiet: boolean;
  json: boolean;
}

export function wantsBoard(choice: ViewChoice, env: NodeJS.ProcessEnv = process.env): boolean {
  if (choice.quiet || env.TERM === 'dumb') return false;
  return process.stderr.isTTY === true && (process.stdout.isTTY === true || choice.json);
}

export async function chooseView(choice: ViewChoice, state: RunState): Promise<RunView> {
  const err = process.stderr;
  const streamOut = choice.json ? process.stderr : process.stdout;
  if (choice.quiet) return quietView(err, streamOut);
  if (wantsBoard(choice)) {
    const { boardView } = await import('../render/board-view.js');
    return boardView(err, state, paletteFor(err));
  }
  return plainView(err, streamOut, paletteFor(err));
}
