/**
 * Reads `codex exec --json`: the thread id (the session to resume), the last
 * agent message (the output), the usage of every completed turn, and the
 * failures; passes every event on and renders each one for the console.
 */
import type { AgentFindings, OutputReader, ReaderHooks } from '../../process/agent-driver.js';
import type { TokenUsage } from '../../process/result.js';
import { lineParser } from '../json-line.js';
import { describeCodexEvent } from './describe-event.js';
import type { CodexEvent } from './stream-events.js';
import { codexRetryOf } from './retry.js';
import { codexVerdict } from './verdict.js';

function addUsage(total: TokenUsage | null, event: CodexEvent): TokenUsage | null {
  const u = event.usage;
  if (!u) return total;
  const cached = u.cached_input_tokens ?? 0;
  const sum = total ?? {
    inputTokens: 0,
    outputTokens: 0,
    cacheCreationInputTokens: 0,
    cacheReadInputTokens: 0,
  };
  // Codex's input_tokens include the cached ones; the result counts them apart, as Claude does.
  return {
    inputTokens: sum.inputTokens + Math.max(0, (u.input_tokens ?? 0) - cached),
    outputTokens: sum.outputTokens + (u.output_tokens ?? 0),
    cacheCreationInputTokens: sum.cacheCreationInputTokens + (u.cache_write_input_tokens ?? 0),
    cacheReadInputTokens: sum.cacheReadInputTokens + cached,
  };
}

export function codexStreamReader(model: string | null) {
  return (hooks: ReaderHooks): OutputReader => {
    const parse = lineParser();
    let threadId: string | null = null;
    let lastText: string | null = null;
    let usage: TokenUsage | null = null;
    let failure: string | null = null;
    let completedTurns = 0;

    return {
      wants: 'json',
      line(line) {
        const event = parse(line) as CodexEvent | null;
        if (!event) return;
        hooks.event(event, line);
        if (event.type === 'thread.started' && typeof event.thread_id === 'string') {
          threadId = event.thread_id;
        } else if (event.type === 'item.completed' && event.item?.type === 'agent_message') {
          if (typeof event.item.text === 'string') lastText = event.item.text;
        } else if (event.type === 'turn.completed') {
          completedTurns++;
          usage = addUsage(usage, event);
        } else if (event.type === 'turn.failed') {
          failure = event.error?.message ?? failure ?? 'turn failed';
        } else if (event.type === 'error' && !codexRetryOf(event)) {
          // "Reconnecting... 1/5" is codex retrying, not the run failing.
          failure = event.message ?? 'error';
        }
      },
      display(line) {
        const event = parse(line) as CodexEvent | null;
        return event ? describeCodexEvent(event) : line.toString();
      },
      findings(exitCode): AgentFindings {
        return {
          ...codexVerdict({ failure, completedTurns }, exitCode),
          output: lastText ?? undefined,
          sessionId: threadId,
          usage,
          numTurns: completedTurns > 0 ? completedTurns : null,
          model,
          costUsd: null,
        };
      },
    };
  };
}
