/**
 * Reads gemini's stream-json: the session id and model (`init`), the answer
 * (the assistant text after the last tool call), the `result` event with its
 * token stats, and the last error; passes every event on and renders each one.
 */
import type { AgentFindings, OutputReader, ReaderHooks } from '../../process/agent-driver.js';
import type { TokenUsage } from '../../process/result.js';
import { lineParser } from '../json-line.js';
import { describeGeminiEvent } from './describe-event.js';
import type { GeminiEvent, GeminiStats } from './stream-events.js';
import { geminiVerdict } from './verdict.js';

function usageOf(stats: GeminiStats | undefined): TokenUsage | null {
  if (!stats) return null;
  const cached = stats.cached ?? 0;
  return {
    inputTokens: stats.input ?? Math.max(0, (stats.input_tokens ?? 0) - cached),
    outputTokens: stats.output_tokens ?? 0,
    cacheCreationInputTokens: 0,
    cacheReadInputTokens: cached,
  };
}

export function geminiStreamReader(hooks: ReaderHooks): OutputReader {
  const parse = lineParser();
  let init: GeminiEvent | null = null;
  let result: GeminiEvent | null = null;
  let answer = '';
  let lastError: string | null = null;

  return {
    wants: 'json',
    line(line) {
      const event = parse(line) as GeminiEvent | null;
      if (!event) return;
      hooks.event(event, line);
      if (event.type === 'init') init = event;
      else if (event.type === 'result') result = event;
      else if (event.type === 'tool_use') answer = '';
      else if (event.type === 'message' && event.role === 'assistant') {
        answer = event.delta === true ? answer + (event.content ?? '') : (event.content ?? '');
      } else if (event.type === 'error' && event.severity !== 'warning') {
        lastError = event.message ?? lastError;
      }
    },
    display(line) {
      const event = parse(line) as GeminiEvent | null;
      return event ? describeGeminiEvent(event) : line.toString();
    },
    findings(exitCode): AgentFindings {
      const r = result as GeminiEvent | null;
      const usage = usageOf(r?.stats);
      return {
        ...geminiVerdict(r, lastError, exitCode),
        output: answer !== '' ? answer : undefined,
        sessionId: init?.session_id ?? null,
        usage: usage && (usage.inputTokens > 0 || usage.outputTokens > 0) ? usage : null,
        model: init?.model ?? null,
        costUsd: null,
      };
    },
  };
}
