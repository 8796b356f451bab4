/**
 * The agent's `--version`, asked when the session first starts a process of
 * that agent, never before: a session whose tasks all run other agents (plain
 * commands, say) spawns no probe, and a command that starts no agent waits on
 * none. Once the answer comes, metadata.json is written again with it.
 */
import type { OrchestrateEvent } from '../events/types.js';
import { writeJsonFile } from './json-file.js';
import type { SessionMetadata } from './metadata.js';
import { commandVersion } from './versions.js';

/** How long close() waits for a probe that is running before giving up on it. */
const VERSION_WAIT_AT_CLOSE_MS = 2000;

export class VersionProbe {
  private asked: Promise<string | null> | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly metadata: SessionMetadata,
    /** metadata.json, written again with the version. */
    private readonly path: string,
    /** The agent's binary and its environment; null when it is not asked (a command agent). */
    private readonly binary: { command: string; env: Record<string, string | undefined> } | null,
  ) {}

  /** Starts the probe at the first start of a process of the session's agent. */
  saw(event: OrchestrateEvent): void {
    if (event.kind !== 'process-start' || event.agent !== this.metadata.agent) return;
    if (this.asked || !this.binary || this.abort.signal.aborted) return;
    const { command, env } = this.binary;
    this.asked = commandVersion(command, env, { signal: this.abort.signal });
  }

  /**
   * For close(): the metadata with the version, once known. A probe that never
   * started is not started now; a running one gets at most 2 s, none when
   * the session was cancelled (it is then killed).
   */
  async finish(cancelled: boolean): Promise<SessionMetadata> {
    if (cancelled || !this.asked) this.abort.abort();
    const bound = setTimeout(() => this.abort.abort(), VERSION_WAIT_AT_CLOSE_MS);
    const agentVersion = this.asked ? await this.asked : null;
    clearTimeout(bound);
    const full = { ...this.metadata, agentVersion };
    if (agentVersion !== null) await writeJsonFile(this.path, full).catch(() => undefined);
    return full;
  }
}
