import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/events/parse-events.js';

describe('reading events.jsonl', () => {
  it('keeps records it knows and skips the rest', () => {
    const text = [
      '{"kind":"log","at":"2025-01-01T00:00:00.000Z","sessionId":"s","level":"INFO","source":"session","message":"hi"}',
      'not json',
      '{"kind":"from-the-future","at":"2025-01-01T00:00:00.000Z","sessionId":"s"}',
      '{"kind":"log","sessionId":"s"}',
      '[1,2]',
      '{"kind":"session-end","at":"2025-01-01T00:00:01.000Z","sessionId":"s","status":"succeeded"',
    ].join('\n');
    expect(parseEvents(text).map((e) => e.kind)).toEqual(['log']);
  });

  it('gives records written before seq existed their line number as seq', () => {
    const text = [
      '{"kind":"log","at":"2025-01-01T00:00:00.000Z","sessionId":"s","level":"INFO","source":"session","message":"a"}',
      'half a line',
      '{"kind":"log","at":"2025-01-01T00:00:00.000Z","sessionId":"s","level":"INFO","source":"session","message":"b"}',
      '{"kind":"log","seq":7,"at":"2025-01-01T00:00:00.000Z","sessionId":"s","level":"INFO","source":"session","message":"c"}',
    ].join('\n');
    expect(parseEvents(text).map((e) => e.seq)).toEqual([1, 3, 7]);
  });
});
