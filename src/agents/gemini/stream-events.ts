/**
 * The events of `gemini -p … --output-format stream-json`, one JSON object a
 * line. Only the fields orchestrate reads are typed; the raw event is kept
 * whole in the log.
 *
 *   {"type":"init","session_id","model"}
 *   {"type":"message","role":"user"|"assistant","content","delta"?}
 *   {"type":"tool_use","tool_name","tool_id","parameters"}
 *   {"type":"tool_result","tool_id","status":"success"|"error","output"?,"error"?}
 *   {"type":"error","severity":"warning"|"error","message"}
 *   {"type":"result","status":"success"|"error","error"?:{type,message},"stats":{…}}
 */
export interface GeminiStats {
  total_tokens?: number;
  input_tokens?: number;
  output_tokens?: number;
  /** Prompt tokens served from the cache (part of input_tokens). */
  cached?: number;
  /** Prompt tokens not served from the cache. */
  input?: number;
  duration_ms?: number;
  tool_calls?: number;
}

export type GeminiEvent = Record<string, unknown> & {
  type?: unknown;
  session_id?: string;
  model?: string;
  role?: string;
  content?: string;
  tool_name?: string;
  parameters?: Record<string, unknown>;
  status?: string;
  severity?: string;
  message?: string;
  error?: { type?: string; message?: string };
  stats?: GeminiStats;
};
