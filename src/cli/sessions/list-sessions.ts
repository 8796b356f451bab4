/**
 * `orchestrate sessions`: the past runs under the log folder, newest first,
 * one row each (id, status, start, duration, processes, cost) and a line of
 * totals, or all their summaries as one JSON array with --json. `--since`
 * keeps the runs started from a moment on.
 */
import { listSessions } from '../../session/read-session.js';
import type { SessionSummary } from '../../session/summary-types.js';
import type { SessionsFlags } from '../commands/sessions-command.js';
import { EXIT, type ExitCode } from '../errors.js';
import { paletteFor, type Palette } from '../render/color.js';
import { formatCost, formatDuration, formatTokens } from '../render/units.js';
import { cutoffFlag } from './age.js';
import { baseLogDir } from './locate.js';

export async function runSessionsList(flags: SessionsFlags): Promise<ExitCode> {
  const base = baseLogDir(flags, 'sessions');
  const since =
    flags.since === undefined
      ? null
      : cutoffFlag('--since', flags.since, 'sessions', { allowDate: true });
  const all = await listSessions(base);
  const sessions = since ? all.filter((s) => Date.parse(s.startedAt) >= since.getTime()) : all;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(sessions, null, 2)}\n`);
    return EXIT.ok;
  }
  if (sessions.length === 0) {
    const when = since ? ` started since ${localTime(since.toISOString())}` : '';
    process.stdout.write(`No sessions${when} in ${base}.\n`);
    return EXIT.ok;
  }
  const p = paletteFor(process.stdout);
  process.stdout.write(`${sessionsTable(sessions, p)}\n${p.dim(sessionsTotals(sessions))}\n`);
  return EXIT.ok;
}

/** `2024-05-01 14:03:07` in local time. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function statusColor(status: string, p: Palette): (text: string) => string {
  if (status === 'succeeded') return p.green;
  if (status === 'cancelled' || status === 'incomplete' || status === 'running') return p.yellow;
  return p.red;
}

export function sessionsTable(sessions: SessionSummary[], p: Palette): string {
  const header = ['SESSION', 'STATUS', 'STARTED', 'DURATION', 'PROCESSES', 'COST', 'RUN'];
  const rows = sessions.map((s) => [
    s.sessionId,
    s.status,
    localTime(s.startedAt),
    formatDuration(s.durationMs),
    `${s.totals.succeeded}/${s.totals.processes} ok`,
    formatCost(s.totals.costUsd),
    runTitle(s),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[], color?: (s: string) => string) =>
    cells
      .map((cell, i) => {
        const padded =
          i >= 3 && i < header.length - 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
        return i === 1 && color ? color(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return [p.bold(line(header)), ...rows.map((r) => line(r, statusColor(r[1]!, p)))].join('\n');
}

/** `3 sessions, 7 processes (5 ok), $0.4210, 12.3k in / 450 out tokens`. */
export function sessionsTotals(sessions: SessionSummary[]): string {
  let processes = 0;
  let succeeded = 0;
  let cost = 0;
  const usage = {
    inputTokens: 0,
    outputTokens: 0,
    cacheCreationInputTokens: 0,
    cacheReadInputTokens: 0,
  };
  for (const s of sessions) {
    processes += s.totals.processes;
    succeeded += s.totals.succeeded;
    cost += s.totals.costUsd;
    for (const key of Object.keys(usage) as Array<keyof typeof usage>) {
      usage[key] += s.totals.usage[key];
    }
  }
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    count(sessions.length, 'session', 'sessions'),
    `${count(processes, 'process', 'processes')} (${succeeded} ok)`,
    formatCost(cost),
    `${formatTokens(usage)} tokens`,
  ].join(', ');
}

/** What the run was: its --name, else its first task's label or prompt (and how many more). */
export function runTitle(s: SessionSummary): string {
  if (s.name) return s.name;
  const first = s.processes[0];
  if (!first) return '';
  const text = first.label ?? (first.prompt ? JSON.stringify(cut(first.prompt, 40)) : '');
  const more = s.processes.length - 1;
  return text && more > 0 ? `${text} +${more}` : text;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
