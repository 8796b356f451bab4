/**
 * Claude's `result.permission_denials`: the tool calls its permission rules
 * refused (`-p` mode allows only what `--allowedTools` or `--permission-mode`
 * lets through), as `{ tool, target }`, the target being the file, command or
 * pattern the call aimed at.
 */
import type { PermissionDenial } from '../../process/result.js';

const TARGET_FIELDS = ['file_path', 'notebook_path', 'command', 'pattern', 'url', 'path'];

export function permissionDenialsOf(value: unknown): PermissionDenial[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (entry === null || typeof entry !== 'object') return [];
    const record = entry as { tool_name?: unknown; tool_input?: unknown };
    if (typeof record.tool_name !== 'string') return [];
    const input = (record.tool_input ?? {}) as Record<string, unknown>;
    const field = TARGET_FIELDS.find((name) => typeof input[name] === 'string');
    return [{ tool: record.tool_name, target: field ? (input[field] as string) : null }];
  });
}
