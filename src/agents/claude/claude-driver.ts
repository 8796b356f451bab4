/**
 * How to call `claude -p` and read its stream-json output. The prompt travels
 * in argv when small and on stdin when large (Linux caps one argument at
 * 128 KiB) or when it starts with "-" (it would read as a flag).
 */
import type { AgentDriver } from '../../process/agent-driver.js';
import { ActivityTally } from './activity.js';
import { apiRetryOf } from './api-retry.js';
import { CLAUDE_INSTALL_HINT, resolveClaudeBinary } from './binary.js';
import { claudeRateLimitOf } from './rate-limit-event.js';
import { claudeStreamReader } from './stream-reader.js';

/** Prompts above this many bytes go on stdin. */
export const ARGV_PROMPT_LIMIT_BYTES = 100 * 1024;

export function claudeArgs(model: string | null, extraArgs: string[]): string[] {
  return [
    '--output-format',
    'stream-json',
    '--verbose',
    ...(model ? ['--model', model] : []),
    ...extraArgs,
  ];
}

/** `baseArgs` come before the caller's `extraArgs` on every invocation. */
export function claudeDriver(model: string | null, baseArgs: string[] = []): AgentDriver {
  return {
    name: 'claude',
    installHint: CLAUDE_INSTALL_HINT,
    defaultCommand: (env) => resolveClaudeBinary(env),
    invocation(prompt, command, extraArgs) {
      const rest = claudeArgs(model, [...baseArgs, ...extraArgs]);
      const onStdin = Buffer.byteLength(prompt) > ARGV_PROMPT_LIMIT_BYTES || prompt.startsWith('-');
      if (onStdin) {
        return {
          command,
          args: ['-p', ...rest],
          stdinData: prompt,
          displayArgs: ['-p', `<prompt on stdin: ${prompt.length} characters>`, ...rest],
        };
      }
      return {
        command,
        args: ['-p', prompt, ...rest],
        displayArgs: ['-p', `<prompt: ${prompt.length} characters>`, ...rest],
      };
    },
    reader: claudeStreamReader,
    activity: () => new ActivityTally(),
    agentRetry: apiRetryOf,
    rateLimitOf: claudeRateLimitOf,
    costOf: (event) =>
      event.type === 'result' && typeof event.total_cost_usd === 'number'
        ? event.total_cost_usd
        : null,
    budgetArgs: (maxUsd) => ['--max-budget-usd', String(maxUsd)],
    resumeArgs: (agentSessionId) => ['--resume', agentSessionId],
  };
}
