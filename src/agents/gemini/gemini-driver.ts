/**
 * How to call `gemini -p … --output-format stream-json` and read its output.
 * The prompt goes with `-p`, or alone on stdin (gemini reads stdin when it is
 * not a terminal) when it is large or starts with "-". With `resume`, the run
 * continues a session: `gemini --resume <session_id> -p …`, as a resumed
 * session's try does through `resumeArgs`.
 */
import type { AgentDriver } from '../../process/agent-driver.js';
import { installHint, resolveBinary, type BinarySource } from '../find-binary.js';
import { geminiRateLimitOf } from './rate-limit.js';
import { geminiStreamReader } from './stream-reader.js';

export const GEMINI_BINARY: BinarySource = {
  name: 'gemini',
  envVar: 'ORCHESTRATE_GEMINI_BIN',
  npmPackage: '@google/gemini-cli',
  binPath: 'bundle/gemini.js',
};

/** Prompts above this many bytes go on stdin (Linux caps one argument at 128 KiB). */
export const GEMINI_ARGV_PROMPT_LIMIT_BYTES = 100 * 1024;

export interface GeminiDriverOptions {
  model?: string | null;
  /** Arguments before the caller's extra arguments on every run. */
  args?: string[];
  /** A session id to continue (`--resume <id>`). */
  resume?: string | null;
}

export function geminiDriver(options: GeminiDriverOptions = {}): AgentDriver {
  const model = options.model ?? null;
  return {
    name: 'gemini',
    installHint: installHint(GEMINI_BINARY),
    defaultCommand: (env) => resolveBinary(GEMINI_BINARY, env),
    invocation(prompt, command, extraArgs) {
      const flags = [
        '--output-format',
        'stream-json',
        ...(model ? ['--model', model] : []),
        ...(options.resume ? ['--resume', options.resume] : []),
        ...(options.args ?? []),
        ...extraArgs,
      ];
      const onStdin =
        Buffer.byteLength(prompt) > GEMINI_ARGV_PROMPT_LIMIT_BYTES || prompt.startsWith('-');
      if (onStdin) {
        return {
          command,
          args: flags,
          stdinData: prompt,
          displayArgs: [`<prompt on stdin: ${prompt.length} characters>`, ...flags],
        };
      }
      return {
        command,
        args: ['-p', prompt, ...flags],
        displayArgs: ['-p', `<prompt: ${prompt.length} characters>`, ...flags],
      };
    },
    // gemini finds the session by id among the project's chats (~/.gemini/tmp/<project>/chats).
    resumeArgs: (sessionId) => ['--resume', sessionId],
    // Its stats count this run's calls only.
    resumeReportsTotals: false,
    reader: geminiStreamReader,
    rateLimitOf: geminiRateLimitOf,
  };
}
