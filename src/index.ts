// The public surface of orchestrate: a deliberate list, re-exports only.
export { ClaudeProcess, type ClaudeProcessOptions } from './claude/claude-process.js';
export { CLAUDE_BIN_ENV, resolveClaudeBinary } from './claude/binary.js';
export { CommandProcess, type CommandProcessOptions } from './command/command-process.js';
export type { PromptPlacement } from './command/command-driver.js';
export {
  AgentProcess,
  type AgentProcessEvents,
  type ProcessStartInfo,
  type ProcessState,
  type RetryInfo,
} from './process/agent-process.js';
export type { AgentDriver, AgentInvocation, AgentFindings, OutputReader } from './process/agent-driver.js';
export type { AgentProcessOptions } from './process/options.js';
export type { ProcessResult, ProcessStatus, TokenUsage, EndReason } from './process/result.js';
export { consoleLogger, silentLogger, streamLogger, type Logger, type LogLevel } from './logging/logger.js';
