/**
 * Reads Claude's stream-json output: keeps the facts the result needs (session,
 * model, the result event, the last assistant text), passes every event on, and
 * renders each one as a short human line for the console.
 */
import type { AgentFindings, OutputReader, ReaderHooks } from '../../process/agent-driver.js';
import { permissionDenialsOf } from './permission-denials.js';
import { claudeVerdict } from './verdict.js';
import {
  parseEventLine,
  type ClaudeApiRetryEvent,
  type ClaudeAssistantEvent,
  type ClaudeEvent,
  type ClaudeInitEvent,
  type ClaudeResultEvent,
} from './stream-events.js';
import { describeEvent } from './describe-event.js';
import { estimateCostUsd } from './pricing.js';
import { UsageTally } from './usage-tally.js';

export function claudeStreamReader(hooks: ReaderHooks): OutputReader {
  let init: ClaudeInitEvent | null = null;
  let result: ClaudeResultEvent | null = null;
  let lastText: string | null = null;
  let assistantModel: string | null = null;
  let retries = 0;
  const streamed = new UsageTally();
  /** Once claude has spoken stream-json, the output is its text or nothing, never raw events. */
  let sawEvents = false;
  let lastParsed: { line: Buffer; event: ClaudeEvent | null } | null = null;

  // display() runs right after line() for the same buffer: parse once.
  const parse = (line: Buffer) => {
    if (lastParsed?.line !== line) lastParsed = { line, event: parseEventLine(line) };
    return lastParsed.event;
  };

  return {
    wants: 'json',
    line(line) {
      const event = parse(line);
      if (!event) return;
      if (typeof event.type === 'string') sawEvents = true;
      hooks.event(event, line);
      if (event.type === 'system' && event.subtype === 'init')
        init = event as unknown as ClaudeInitEvent;
      else if (event.type === 'system' && event.subtype === 'api_retry') retries++;
      else if (event.type === 'result') result = event as unknown as ClaudeResultEvent;
      else if (event.type === 'assistant') {
        streamed.add(event);
        const message = (event as unknown as ClaudeAssistantEvent).message;
        assistantModel = message?.model ?? assistantModel;
        const text = message?.content
          ?.filter((b) => b.type === 'text' && b.text)
          .map((b) => b.text)
          .join('');
        if (text) lastText = text;
      }
    },
    display(line) {
      const event = parse(line);
      return event ? describeEvent(event as ClaudeEvent & ClaudeApiRetryEvent) : line.toString();
    },
    findings(exitCode): AgentFindings {
      const r = result as ClaudeResultEvent | null;
      const usage = r?.usage;
      const verdict = claudeVerdict(r, exitCode);
      const model = init?.model ?? assistantModel;
      // No result event (timed out, cancelled, crashed): what the stream showed so far.
      const partial = !r && streamed.turns > 0;
      const streamedUsage = partial ? streamed.total : null;
      return {
        ...verdict,
        reason:
          verdict.reason && retries > 0
            ? `${verdict.reason} (after ${retries} API retries)`
            : verdict.reason,
        output:
          typeof r?.result === 'string' ? r.result : (lastText ?? (sawEvents ? '' : undefined)),
        sessionId: r?.session_id ?? init?.session_id ?? null,
        costUsd:
          typeof r?.total_cost_usd === 'number'
            ? r.total_cost_usd
            : streamedUsage && estimateCostUsd(streamed.model ?? model, streamedUsage),
        usagePartial: partial,
        usage: streamedUsage
          ? streamedUsage
          : usage
            ? {
                inputTokens: usage.input_tokens ?? 0,
                outputTokens: usage.output_tokens ?? 0,
                cacheCreationInputTokens: usage.cache_creation_input_tokens ?? 0,
                cacheReadInputTokens: usage.cache_read_input_tokens ?? 0,
              }
            : null,
        numTurns: typeof r?.num_turns === 'number' ? r.num_turns : null,
        model,
        isError: typeof r?.is_error === 'boolean' ? r.is_error : null,
        apiErrorStatus: typeof r?.api_error_status === 'number' ? r.api_error_status : null,
        permissionDenials: permissionDenialsOf(r?.permission_denials),
        ...(r?.structured_output === undefined ? {} : { structuredOutput: r.structured_output }),
      };
    },
  };
}
