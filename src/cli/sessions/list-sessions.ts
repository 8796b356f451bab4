/**
 * `orchestrate sessions`: the past runs under the log folder, newest first,
 * one row each (id, status, start, duration, processes, cost), or all their
 * summaries as one JSON array with --json.
 */
import { listSessions } from '../../session/read-session.js';
import type { SessionSummary } from '../../session/summary-types.js';
import type { SessionsFlags } from '../commands/sessions-command.js';
import { EXIT, type ExitCode } from '../errors.js';
import { paletteFor, type Palette } from '../render/color.js';
import { formatCost, formatDuration } from '../render/units.js';
import { baseLogDir } from './locate.js';

export async function runSessionsList(flags: SessionsFlags): Promise<ExitCode> {
  const base = baseLogDir(flags, 'sessions');
  const sessions = await listSessions(base);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(sessions, null, 2)}\n`);
    return EXIT.ok;
  }
  if (sessions.length === 0) {
    process.stdout.write(`No sessions in ${base}.\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${sessionsTable(sessions, paletteFor(process.stdout))}\n`);
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
  const header = ['SESSION', 'STATUS', 'STARTED', 'DURATION', 'PROCESSES', 'COST'];
  const rows = sessions.map((s) => [
    s.sessionId,
    s.status,
    localTime(s.startedAt),
    formatDuration(s.durationMs),
    `${s.totals.succeeded}/${s.totals.processes} ok`,
    formatCost(s.totals.costUsd),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[], color?: (s: string) => string) =>
    cells
      .map((cell, i) => {
        const padded = i >= 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
        return i === 1 && color ? color(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return [p.bold(line(header)), ...rows.map((r) => line(r, statusColor(r[1]!, p)))].join('\n');
}
