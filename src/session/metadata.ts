/**
 * metadata.json: what the session is (id, pattern, working dir, model, agent,
 * start time, versions). Written when the session starts, and again once the
 * agent's binary has said its version (version-probe.ts: asked when a process
 * of that agent first starts; nothing waits for it but `close()`, briefly,
 * and a cancelled session not at all). A `command` agent is never asked:
 * `--version` could mean anything to an arbitrary executable.
 */
import { hostname } from 'node:os';
import { getAgent } from '../agents/registry.js';
import type { EventDraft } from '../events/types.js';
import { sessionFile } from './files.js';
import type { NormalizedSessionOptions } from './options.js';
import { writeJsonFileSync } from './json-file.js';
import { VersionProbe } from './version-probe.js';
import { orchestrateVersion } from './versions.js';

export interface SessionMetadata {
  sessionId: string;
  patternName: string;
  /** The run's human name (`--name`), or null. */
  name: string | null;
  workingDir: string;
  sessionDir: string;
  model: string | null;
  startedAt: string;
  /** When `OrchestratorSession.resume` last opened it again (its `pid` is that orchestrator's). */
  resumedAt?: string;
  orchestrateVersion: string;
  /** The agent the session's processes run by default ("claude", "codex", ...). */
  agent: string;
  /** Its binary; null for a `command` agent without a default command. */
  agentCommand: string | null;
  /** Its `--version`; null until known, or if it could not say. */
  agentVersion: string | null;
  nodeVersion: string;
  hostname: string;
  pid: number;
  /** Present when the model spends nothing (the mock model): its costs are simulated. */
  simulatedCost?: true;
}

export interface SessionIdentity {
  sessionId: string;
  sessionDir: string;
  startedAt: Date;
  /** Set when the session is resumed: now. */
  resumedAt?: Date;
}

/**
 * Writes metadata.json now; `probe` asks the agent's version when a process
 * of that agent starts, and writes it into the file.
 */
export function recordMetadata(
  identity: SessionIdentity,
  options: NormalizedSessionOptions,
): { metadata: SessionMetadata; probe: VersionProbe } {
  const env = options.processDefaults.env ?? {};
  const agent = getAgent(options.processDefaults.agent ?? options.agent);
  const agentCommand =
    options.processDefaults.command ??
    (agent.needsCommand
      ? null
      : agent
          .driver({ model: null, command: null, args: [], promptVia: null })
          .defaultCommand(env));
  const metadata: SessionMetadata = {
    sessionId: identity.sessionId,
    patternName: options.patternName,
    name: options.name,
    workingDir: options.workingDir,
    sessionDir: identity.sessionDir,
    model: options.model,
    startedAt: identity.startedAt.toISOString(),
    ...(identity.resumedAt ? { resumedAt: identity.resumedAt.toISOString() } : {}),
    orchestrateVersion: orchestrateVersion(),
    agent: agent.name,
    agentCommand,
    agentVersion: null,
    nodeVersion: process.version,
    hostname: hostname(),
    pid: process.pid,
    ...(options.simulatedCost ? { simulatedCost: true as const } : {}),
  };
  const path = sessionFile(identity.sessionDir, 'metadata');
  writeJsonFileSync(path, metadata);
  const binary =
    agentCommand === null || agent.needsCommand ? null : { command: agentCommand, env };
  return { metadata, probe: new VersionProbe(metadata, path, binary) };
}

/** The first record of a new session: what it is, from its metadata. */
export function sessionStartDraft(metadata: SessionMetadata): EventDraft {
  return {
    kind: 'session-start',
    patternName: metadata.patternName,
    ...(metadata.name === null ? {} : { name: metadata.name }),
    workingDir: metadata.workingDir,
    sessionDir: metadata.sessionDir,
    model: metadata.model,
    orchestrateVersion: metadata.orchestrateVersion,
    pid: metadata.pid,
    ...(metadata.simulatedCost ? { simulatedCost: true as const } : {}),
  };
}
