/**
 * How to call `codex exec --json` and read its JSON-lines output. The prompt
 * is the last argument, or travels on stdin (as `-`) when large or when it
 * starts with "-". Stdin is closed either way: an open pipe makes codex wait
 * for more input. `--skip-git-repo-check` lets it run in any folder, as the
 * other agents do. With `resume`, the run continues a thread:
 * `codex exec resume <thread_id> …`; a resumed session's try does the same
 * through `resumeArgs` (`codex exec … resume <thread_id> <prompt>`).
 */
import type { AgentDriver } from '../../process/agent-driver.js';
import { installHint, resolveBinary, type BinarySource } from '../find-binary.js';
import { codexRateLimitOf } from './rate-limit.js';
import { codexRetryOf } from './retry.js';
import { codexStreamReader } from './stream-reader.js';

export const CODEX_BINARY: BinarySource = {
  name: 'codex',
  envVar: 'ORCHESTRATE_CODEX_BIN',
  npmPackage: '@openai/codex',
  binPath: 'bin/codex.js',
};

/** Prompts above this many bytes go on stdin (Linux caps one argument at 128 KiB). */
export const CODEX_ARGV_PROMPT_LIMIT_BYTES = 100 * 1024;

export interface CodexDriverOptions {
  model?: string | null;
  /** Arguments before the caller's extra arguments on every run. */
  args?: string[];
  /** A thread id to continue (`codex exec resume <id>`). */
  resume?: string | null;
}

export function codexDriver(options: CodexDriverOptions = {}): AgentDriver {
  const model = options.model ?? null;
  const head = options.resume ? ['exec', 'resume', options.resume] : ['exec'];
  return {
    name: 'codex',
    installHint: installHint(CODEX_BINARY),
    defaultCommand: (env) => resolveBinary(CODEX_BINARY, env),
    invocation(prompt, command, extraArgs) {
      const flags = [
        ...head,
        '--json',
        '--skip-git-repo-check',
        ...(model ? ['--model', model] : []),
        ...(options.args ?? []),
        ...extraArgs,
      ];
      const onStdin =
        Buffer.byteLength(prompt) > CODEX_ARGV_PROMPT_LIMIT_BYTES || prompt.startsWith('-');
      if (onStdin) {
        return {
          command,
          args: [...flags, '-'],
          stdinData: prompt,
          displayArgs: [...flags, `<prompt on stdin: ${prompt.length} characters>`],
        };
      }
      return {
        command,
        args: [...flags, prompt],
        displayArgs: [...flags, `<prompt: ${prompt.length} characters>`],
      };
    },
    // `codex exec [its options] resume <thread_id> <prompt>`: the thread's usage comes back as its total.
    resumeArgs: (threadId) => ['resume', threadId],
    reader: codexStreamReader(model),
    rateLimitOf: (event) => codexRateLimitOf(event),
    agentRetry: codexRetryOf,
  };
}
