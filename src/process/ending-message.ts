/** The warning logged when we end a process, said before the signal goes. */
import { formatDuration } from './format.js';
import type { EndReason } from './result.js';
import { limitWords } from './watch/resource-limits.js';

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function endingMessage(reason: EndReason, graceMs: number): string {
  const how = `ending the process tree (SIGTERM, SIGKILL after ${formatDuration(graceMs)})`;
  switch (reason.kind) {
    case 'timeout':
      return `Timed out after ${formatDuration(reason.timeoutMs)}; ${how}`;
    case 'idle':
      return `Went silent: no output for ${formatDuration(reason.idleMs)}; ${how}`;
    case 'cancel':
      return `Cancelled${reason.reason ? ` (${reason.reason})` : ''}; ${how}`;
    case 'limit':
      return `${capitalized(limitWords(reason))}; ${how}`;
    case 'error':
      return `${reason.message}; ${how}`;
    default:
      return `Terminate requested; ${how}`;
  }
}
