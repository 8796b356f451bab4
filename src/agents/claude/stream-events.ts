/**
 * The events of `claude -p --output-format stream-json --verbose`, one JSON
 * object a line. Only the fields orchestrate reads are typed; the raw event
 * is kept whole in `<processId>.jsonl`.
 */
import { parseJsonLine } from '../json-line.js';

export interface ClaudeInitEvent {
  type: 'system';
  subtype: 'init';
  session_id?: string;
  model?: string;
  tools?: string[];
}

export interface ClaudeApiRetryEvent {
  type: 'system';
  subtype: 'api_retry';
  attempt?: number;
  max_retries?: number;
  retry_delay_ms?: number;
  error_status?: number | null;
  error?: string;
}

export interface ContentBlock {
  type: string;
  text?: string;
  name?: string;
  input?: Record<string, unknown>;
}

export interface ClaudeAssistantEvent {
  type: 'assistant';
  message?: { model?: string; content?: ContentBlock[] };
  session_id?: string;
}

export interface ClaudeUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

export interface ClaudeResultEvent {
  type: 'result';
  subtype?: string;
  is_error?: boolean;
  result?: string;
  session_id?: string;
  total_cost_usd?: number;
  usage?: ClaudeUsage;
  num_turns?: number;
  duration_ms?: number;
  api_error_status?: number | null;
  /** claude's name for an API failure without a status: `connection_failed`, `max_output_tokens`, ... */
  api_error?: string | null;
  terminal_reason?: string | null;
  permission_denials?: unknown;
  /** The object the model gave claude's StructuredOutput tool (with `--json-schema`). */
  structured_output?: unknown;
  modelUsage?: Record<string, unknown>;
}

export type ClaudeEvent = Record<string, unknown> & { type?: unknown; subtype?: unknown };

/** Parses one line; null for anything that is not a JSON object (a plain line). */
export function parseEventLine(line: Buffer): ClaudeEvent | null {
  return parseJsonLine(line) as ClaudeEvent | null;
}
