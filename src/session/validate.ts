/** Checks for the few plain values the session takes after construction. */
import type { SessionStatus } from '../events/types.js';
import type { LogLevel } from '../logging/logger.js';
import { describeValue } from '../process/validate.js';

const LEVELS: readonly LogLevel[] = ['DEBUG', 'INFO', 'WARNING', 'ERROR'];
const STATUSES: readonly SessionStatus[] = ['succeeded', 'failed', 'cancelled'];

export function validateLevel(level: unknown): LogLevel {
  if (!LEVELS.includes(level as LogLevel)) {
    throw new TypeError(
      `Expected \`level\` to be one of ${LEVELS.join(', ')}, got ${describeValue(level)}`,
    );
  }
  return level as LogLevel;
}

export function validateStatus(status: unknown): SessionStatus {
  if (!STATUSES.includes(status as SessionStatus)) {
    throw new TypeError(
      `Expected the session \`status\` to be one of ${STATUSES.join(', ')}, got ${describeValue(status)}`,
    );
  }
  return status as SessionStatus;
}
