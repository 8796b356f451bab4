/**
 * Colours for the terminal views, off when NO_COLOR is set (to anything but
 * the empty string, per no-color.org), when TERM is dumb, or when the stream
 * is not a terminal. FORCE_COLOR turns them on for a non-terminal.
 */
export interface Palette {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) =>
  `\u001B[${open}m${text}\u001B[${close}m`;

const COLORS: Palette = {
  green: wrap(32, 39),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};

const identity = (text: string) => text;

export const NO_COLORS: Palette = {
  green: identity,
  red: identity,
  yellow: identity,
  cyan: identity,
  dim: identity,
  bold: identity,
};

export function colorEnabled(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false')
    return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function paletteFor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Palette {
  return colorEnabled(stream, env) ? COLORS : NO_COLORS;
}

/** The text without ANSI colour codes (for widths and tests). */
export function stripColor(text: string): string {
  return text.replace(/\u001B\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
}
