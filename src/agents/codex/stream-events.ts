/**
 * The events of `codex exec --json`, one JSON object a line. Only the fields
 * orchestrate reads are typed; the raw event is kept whole in the log.
 *
 *   {"type":"thread.started","thread_id":"…"}
 *   {"type":"turn.started"}
 *   {"type":"item.started"|"item.updated"|"item.completed","item":{"id","type",…}}
 *   {"type":"turn.completed","usage":{"input_tokens","cached_input_tokens","output_tokens",…}}
 *   {"type":"turn.failed","error":{"message"}}
 *   {"type":"error","message"}
 *
 * Item types: agent_message {text}, reasoning {text}, command_execution
 * {command, exit_code, status}, file_change {changes[{path, kind}]},
 * mcp_tool_call, web_search, todo_list, and error {message} (a warning).
 */
export interface CodexUsage {
  input_tokens?: number;
  cached_input_tokens?: number;
  cache_write_input_tokens?: number;
  output_tokens?: number;
  reasoning_output_tokens?: number;
}

export interface CodexItem {
  id?: string;
  type?: string;
  text?: string;
  message?: string;
  command?: string;
  exit_code?: number | null;
  status?: string;
  changes?: { path?: string; kind?: string }[];
}

export type CodexEvent = Record<string, unknown> & {
  type?: unknown;
  thread_id?: string;
  item?: CodexItem;
  usage?: CodexUsage;
  error?: { message?: string };
  message?: string;
};
