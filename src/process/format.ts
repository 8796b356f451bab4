/** Human formatting shared by results, logs and the console. */
import type { PermissionDenial } from './result.js';

export function formatDuration(ms: number): string {
  // Round once, to the unit shown, before splitting: 59.96 s is "1 min", never "60 s".
  if (Math.round(ms) < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${tenths / 10} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  }
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function formatCost(usd: number | null): string {
  return usd === null ? 'n/a' : `$${usd.toFixed(4)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

/** `HH:MM:SS` in local time, as the original's console lines. */
export function clockTime(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A refused tool call: `Write(notes.md)`, or the tool alone. */
export function denialText(denial: PermissionDenial): string {
  return denial.target === null ? denial.tool : `${denial.tool}(${denial.target})`;
}

/** `1 tool call denied: Write(notes.md)`, `2 tool calls denied: Write(a), Bash(rm x)`. */
export function deniedText(denials: PermissionDenial[]): string {
  const n = denials.length;
  return `${n} tool call${n === 1 ? '' : 's'} denied: ${denials.map(denialText).join(', ')}`;
}
