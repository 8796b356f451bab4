// The public surface of orchestrate: a deliberate list, re-exports only.
export { ClaudeProcess, type ClaudeProcessOptions } from './agents/claude/claude-process.js';
export { CLAUDE_BIN_ENV, resolveClaudeBinary } from './agents/claude/binary.js';
export { CommandProcess, type CommandProcessOptions } from './agents/command/command-process.js';
export type { PromptPlacement, AgentDefinition, AgentTask } from './agents/agent-definition.js';
export { registerAgent, getAgent, agentNames } from './agents/registry.js';
export {
  AgentProcess,
  type AgentProcessEvents,
  type ProcessStartInfo,
  type ProcessState,
  type RetryInfo,
} from './process/agent-process.js';
export type {
  AgentDriver,
  AgentInvocation,
  AgentFindings,
  OutputReader,
} from './process/agent-driver.js';
// The zod schemas are exported by 'orchestrate-agents/schemas' (src/schemas.ts): zod loads on first use.
export type { TaskSpec, RetrySpec, WorktreeSpec } from './tasks/task-spec.js';
export { parseTaskSpec, TaskSpecError } from './tasks/parse-task-spec.js';
export type {
  Executor,
  ExecuteOptions,
  RetryNotice,
  SettleOptions,
  TaskEvent,
} from './tasks/executor.js';
export { redactSpec, looksSecret, REDACTED } from './tasks/redact.js';
export { LocalExecutor, localExecutor } from './tasks/local-executor.js';
export { runTask, type RunTaskOptions, type TaskResult } from './tasks/run-task.js';
export { BullMQExecutor, type BullMQExecutorOptions } from './queue/bullmq-executor.js';
export { TaskWorker } from './queue/task-worker.js';
export type { TaskWorkerOptions } from './queue/worker-options.js';
export type { RedisConnection } from './queue/redis-url.js';
export { RedisUnreachableError } from './queue/probe-redis.js';
export { MissingPackageError } from './queue/missing-package.js';
export type { AgentProcessOptions } from './process/options.js';
export type {
  ProcessResult,
  ProcessStatus,
  NotStarted,
  TokenUsage,
  EndReason,
  WorkspaceArtifacts,
  FileChange,
} from './process/result.js';
export {
  consoleLogger,
  silentLogger,
  streamLogger,
  type Logger,
  type LogLevel,
} from './logging/logger.js';
export { runParallel } from './strategies/run-parallel.js';
export { runSequential } from './strategies/run-sequential.js';
export { runWithFallback } from './strategies/run-with-fallback.js';
export { runBatched } from './strategies/run-batched.js';
export { isTransientFailure } from './strategies/retry-policy.js';
export type { TaskInput, TaskRunOptions } from './strategies/inputs.js';
export type { Limiter } from './strategies/limiter.js';
export type { SessionExecutor } from './session/session-executor.js';
export type {
  StrategyResult,
  FallbackResult,
  RetryOptions,
  ParallelOptions,
  SequentialOptions,
  FallbackOptions,
  BatchedOptions,
} from './strategies/types.js';
export {
  OrchestratorSession,
  type OrchestratorSessionEvents,
} from './session/orchestrator-session.js';
export type { ResumeSessionOptions } from './session/resume-session.js';
export {
  ResumeError,
  type ResumeOnly,
  type ResumePlan,
  type ResumeTask,
} from './session/resume-plan.js';
export { defaultBaseLogDir, type OrchestratorSessionOptions } from './session/options.js';
export type { SessionMetadata } from './session/metadata.js';
export { SESSION_FILES } from './session/files.js';
export {
  listSessions,
  readSessionSummary,
  readSessionEvents,
  readSessionTasks,
  readSessionMetadata,
} from './session/read-session.js';
export type {
  SessionSummary,
  ProcessSummary,
  ProcessSummaryStatus,
  SessionTotals,
  SummaryStatus,
} from './session/summary-types.js';
export {
  EVENT_KINDS,
  type OrchestrateEvent,
  type EventKind,
  type EventOf,
  type EventBase,
  type SessionStartEvent,
  type ProcessStartEvent,
  type ProcessActivityEvent,
  type RetryEvent,
  type AgentRetryEvent,
  type ProcessEndEvent,
  type LogEvent,
  type SessionEndEvent,
  type SessionStatus,
} from './events/types.js';
export { formatEvent, describeRecord, type EventLine } from './events/format-event.js';
export { parseEvents } from './events/parse-events.js';
export { codexDriver, type CodexDriverOptions } from './agents/codex/codex-driver.js';
export { geminiDriver, type GeminiDriverOptions } from './agents/gemini/gemini-driver.js';
export { withPrices } from './process/priced-driver.js';
export {
  loadPriceTable,
  parsePriceTable,
  costFromPrices,
  type PriceTable,
  type ModelPrice,
} from './process/price-table.js';
export { acquireWorktree } from './workspaces/acquire.js';
export { Worktree, type ReleaseOptions } from './workspaces/worktree.js';
export { worktreeBranch, type WorktreeOptions } from './workspaces/options.js';
export { listWorktrees, type WorktreeEntry, type WorktreeState } from './workspaces/list.js';
export {
  pruneWorktrees,
  type PruneOptions,
  type PruneReport,
  type PrunedWorktree,
} from './workspaces/prune.js';
export { locateRepository, type Repository } from './workspaces/repository.js';
export { WorkspaceError, type WorkspaceErrorCode } from './workspaces/errors.js';
export type { LeaseOwner } from './workspaces/lease-owner.js';
export {
  mergeArtifact,
  mergeBranch,
  type MergeOptions,
  type MergeOutcome,
  type MergeStatus,
} from './workspaces/merge.js';
export type { PatternOptions, TaskDefaults } from './patterns/context.js';
export {
  PATTERNS,
  patternNames,
  type PatternDefinition,
  type PatternName,
} from './patterns/registry.js';
// The patterns and the dashboard load their modules on first use (entry-points.ts, start-dashboard.ts).
export { nVersion, cascade, debate, expertPanel } from './patterns/entry-points.js';
export type {
  NVersionOptions,
  NVersionResult,
  Candidate,
  CheckResult,
} from './patterns/n-version.js';
export type { CascadeOptions, CascadeResult, CascadeTier } from './patterns/cascade.js';
export type { DebateOptions, DebateResult } from './patterns/debate.js';
export type { PanelOptions, PanelResult, PanelExpert } from './patterns/panel.js';
export {
  collectOutputs,
  majorityVote,
  scoreTable,
  type CollectedOutput,
  type VoteTally,
} from './patterns/aggregate.js';
export type { StepResult } from './patterns/run-step.js';
export type { StepInfo, StepEvent, ArtifactsEvent } from './events/types.js';
export { startDashboard, type Dashboard } from './dashboard/start-dashboard.js';
export { sessionControl } from './dashboard/session-control.js';
export type { DashboardOptions, DashboardControl } from './dashboard/options.js';
