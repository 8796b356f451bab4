/**
 * Draws the live board as text: one row per process that fits (state, elapsed
 * time, tokens, cost, what it is doing), a line counting the rest, and a totals line. Pure, so tests can call
 * it with a fixed clock; board-view.ts redraws it in place.
 */
import type { Palette } from './color.js';
import type { Phase, ProcessView, RunState } from './run-state.js';
import { agentRetryCount, formatCost, formatCount, formatElapsed, inputTokens } from './units.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface BoardOptions {
  now: number;
  palette: Palette;
  /** Terminal columns; rows are cut to fit. */
  width: number;
  /** Terminal rows: with more processes than fit, the busiest are shown. */
  height: number;
  /** Spinner frame counter. */
  frame: number;
}

const SHOW_FIRST: Phase[] = [
  'running',
  'retrying',
  'failed',
  'timed_out',
  'spawn_error',
  'cancelled',
  'skipped',
  'pending',
  'not_run',
  'succeeded',
];

/**
 * The rows that fit, in input order, busiest first when not all fit; and a
 * line for the rest. Reads only the state's candidates (running, recent ended,
 * the first waiting), so its cost does not grow with the runs that ended.
 */
function visible(state: RunState, room: number): { shown: ProcessView[]; hidden: string | null } {
  const candidates = state.candidates(room);
  const fits = state.size <= room && candidates.length === state.size;
  const shown = fits
    ? candidates
    : candidates
        .sort(
          (a, b) => SHOW_FIRST.indexOf(a.phase) - SHOW_FIRST.indexOf(b.phase) || a.order - b.order,
        )
        .slice(0, Math.max(room - 1, 1));
  shown.sort((a, b) => a.order - b.order);
  if (fits) return { shown, hidden: null };
  const byPhase = state.counts();
  for (const v of shown) byPhase.set(v.phase, (byPhase.get(v.phase) ?? 0) - 1);
  const words = SHOW_FIRST.filter((phase) => (byPhase.get(phase) ?? 0) > 0)
    .map((phase) => `${byPhase.get(phase)} ${phase.replace('_', ' ')}`)
    .join(', ');
  return { shown, hidden: `  … ${state.size - shown.length} more (${words})` };
}

function mark(phase: Phase, frame: number, p: Palette): string {
  switch (phase) {
    case 'pending':
      return p.dim('·');
    case 'not_run':
      return p.dim('-');
    case 'running':
      return p.cyan(SPINNER[frame % SPINNER.length]!);
    case 'retrying':
      return p.yellow('↻');
    case 'succeeded':
      return p.green('✔');
    case 'cancelled':
      return p.yellow('■');
    case 'skipped':
      return p.yellow('⊘');
    default:
      return p.red('✖');
  }
}

function phaseWord(view: ProcessView, now: number): string {
  if (view.phase === 'retrying' && view.retryAt !== null) {
    return `retry ${view.attempt} in ${formatElapsed(view.retryAt - now)}`;
  }
  if (view.phase === 'running' && view.attempt > 1) return `running (try ${view.attempt})`;
  return view.phase.replace('_', ' ');
}

function elapsed(view: ProcessView, now: number): string {
  if (view.phase === 'running' && view.startedAt !== null)
    return formatElapsed(now - view.startedAt);
  return view.durationMs === null ? '' : formatElapsed(view.durationMs);
}

function tokens(view: ProcessView): string {
  return view.hasUsage
    ? `${formatCount(inputTokens(view.usage))}/${formatCount(view.usage.outputTokens)}`
    : '';
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (max <= 1) return '';
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function row(
  view: ProcessView,
  widths: { id: number; agent: number },
  options: BoardOptions,
): string {
  const { palette: p, now } = options;
  const cells = [
    idText(view).padEnd(widths.id),
    ...(widths.agent > 0 ? [(view.agent ?? '').padEnd(widths.agent)] : []),
    phaseWord(view, now).padEnd(17),
    elapsed(view, now).padStart(7),
    tokens(view).padStart(13),
    (view.costUsd === null ? '' : formatCost(view.costUsd)).padStart(9),
  ];
  const fixed = 4 + cells.reduce((n, c) => n + c.length + 2, 0);
  if (view.denied.length > 0) {
    const text = cut(`denied: ${view.denied.join(', ')}`, options.width - fixed);
    return `  ${mark(view.phase, options.frame, p)} ${cells.join('  ')}  ${p.yellow(text)}`.trimEnd();
  }
  const about =
    view.phase === 'pending' || view.phase === 'not_run' || !view.note ? view.prompt : view.note;
  const text = cut(about, options.width - fixed);
  return `  ${mark(view.phase, options.frame, p)} ${cells.join('  ')}  ${p.dim(text)}`.trimEnd();
}

function totals(state: RunState, options: BoardOptions): string {
  const p = options.palette;
  const counts = state.counts();
  const order: Phase[] = [
    'succeeded',
    'failed',
    'timed_out',
    'spawn_error',
    'cancelled',
    'skipped',
    'running',
    'retrying',
    'pending',
  ];
  const parts = order
    .filter((phase) => counts.get(phase))
    .map((phase) => `${counts.get(phase)} ${phase.replace('_', ' ')}`);
  const agentRetries = state.agentRetries();
  if (agentRetries > 0) parts.push(p.yellow(agentRetryCount(agentRetries)));
  const usage = state.totalUsage();
  const cost = state.totalCost();
  const end = state.endedAt ?? options.now;
  return p.bold(
    `  ${parts.join(' · ')}   elapsed ${formatElapsed(end - state.startedAt)}` +
      `${usage ? `   tokens ${formatCount(inputTokens(usage))} in / ${formatCount(usage.outputTokens)} out` : ''}` +
      `   cost ${formatCost(cost)}${state.simulatedCost ? ' (simulated)' : ''}`,
  );
}

export function renderBoard(state: RunState, options: BoardOptions): string {
  const p = options.palette;
  const { shown, hidden } = visible(state, Math.max(options.height - 3, 2));
  const widths = {
    id: Math.max(...shown.map((v) => idText(v).length), 7),
    // The agent column appears once any shown process's agent is known.
    agent: Math.max(...shown.map((v) => v.agent?.length ?? 0), 0),
  };
  const count = state.size;
  const title = `orchestrate ${state.strategy} · ${count} process${count === 1 ? '' : 'es'}${state.sessionId ? ` · ${state.sessionId}` : ''}`;
  const rows = shown.map((v) => row(v, widths, options));
  if (hidden) rows.push(p.dim(hidden));
  const limit = state.limitNote ? [p.yellow(cut(`  ${state.limitNote}`, options.width))] : [];
  return [p.bold(cut(title, options.width)), ...rows, totals(state, options), ...limit].join('\n');
}

/** The process id, and its label when it has one (cut to keep the columns narrow). */
function idText(view: ProcessView): string {
  if (view.label === null) return view.processId;
  const label = view.label.length > 24 ? `${view.label.slice(0, 23)}…` : view.label;
  return `${view.processId} ${label}`;
}
