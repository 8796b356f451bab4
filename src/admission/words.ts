/** Limits and reset times in the words the board, the log and messages use. */

/** "14:05" in local time, or "14:05 on 2 Dec" when not today. */
export function clockTime(at: Date, now = new Date()): string {
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  if (at.toDateString() === now.toDateString()) return time;
  return `${time} on ${at.getDate()} ${at.toLocaleString('en', { month: 'short' })}`;
}

/** "five_hour limit, resets 14:05". */
export function limitWords(limitType: string | null, resetsAt: Date): string {
  return `${limitType ?? 'rate'} limit, resets ${clockTime(resetsAt)}`;
}

/** "paused until 14:05 (five_hour limit)". */
export function pausedWords(until: Date, limitType: string | null): string {
  return `paused until ${clockTime(until)} (${limitType ?? 'rate'} limit)`;
}
