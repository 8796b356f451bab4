import { describe, expect, it } from 'vitest';
import { formatLogLine, streamLogger } from '../../src/logging/logger.js';
import { collector } from '../helpers/fixtures.js';

describe('log lines', () => {
  it("have the original's format: [HH:MM:SS] [LEVEL] [processId] message", () => {
    const at = new Date(2026, 10, 24, 9, 5, 7);
    expect(formatLogLine('WARNING', 'review-001', 'Timed out after 30 s', at)).toBe(
      '[09:05:07] [WARNING] [review-001] Timed out after 30 s',
    );
  });

  it('a stream logger writes whole lines and drops those below its level', () => {
    const out = collector();
    const logger = streamLogger(out.stream, 'INFO');
    logger.log('DEBUG', 'p1', 'hidden');
    logger.log('ERROR', 'p1', 'shown');
    expect(out.text()).toMatch(/^\[\d\d:\d\d:\d\d\] \[ERROR\] \[p1\] shown\n$/);
  });
});
