/**
 * metadata.json: what the session is (id, pattern, working dir, model, start
 * time, versions). Written when the session starts, and again once the claude
 * binary has said its version (asking takes a moment; nothing waits for it
 * but `close()`).
 */
import { hostname } from 'node:os';
import { resolveClaudeBinary } from '../agents/claude/binary.js';
import { sessionFile } from './files.js';
import type { NormalizedSessionOptions } from './options.js';
import { writeJsonFile, writeJsonFileSync } from './json-file.js';
import { commandVersion, orchestrateVersion } from './versions.js';

export interface SessionMetadata {
  sessionId: string;
  patternName: string;
  workingDir: string;
  sessionDir: string;
  model: string | null;
  startedAt: string;
  orchestrateVersion: string;
  /** The claude binary the session's processes run by default. */
  claudeCommand: string;
  /** Its `--version`; null until known, or if it could not say. */
  claudeVersion: string | null;
  nodeVersion: string;
  hostname: string;
  pid: number;
}

export interface SessionIdentity {
  sessionId: string;
  sessionDir: string;
  startedAt: Date;
}

/** Writes metadata.json now; resolves once it also holds the claude version. */
export function recordMetadata(
  identity: SessionIdentity,
  options: NormalizedSessionOptions,
): { metadata: SessionMetadata; complete: Promise<SessionMetadata> } {
  const env = options.processDefaults.env ?? {};
  const claudeCommand = options.processDefaults.command ?? resolveClaudeBinary(env);
  const metadata: SessionMetadata = {
    sessionId: identity.sessionId,
    patternName: options.patternName,
    workingDir: options.workingDir,
    sessionDir: identity.sessionDir,
    model: options.model,
    startedAt: identity.startedAt.toISOString(),
    orchestrateVersion: orchestrateVersion(),
    claudeCommand,
    claudeVersion: null,
    nodeVersion: process.version,
    hostname: hostname(),
    pid: process.pid,
  };
  const path = sessionFile(identity.sessionDir, 'metadata');
  writeJsonFileSync(path, metadata);
  const complete = commandVersion(claudeCommand, env).then(async (claudeVersion) => {
    const full = { ...metadata, claudeVersion };
    if (claudeVersion !== null) await writeJsonFile(path, full).catch(() => undefined);
    return full;
  });
  return { metadata, complete };
}
