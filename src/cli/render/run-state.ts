/**
 * The state of a run as the views see it, folded from the session's event
 * stream: each process's phase, try, elapsed time, tokens and cost, and the
 * totals. Pure: `apply(event)` changes it, the views only read it.
 *
 * Its size does not grow with finished runs: a process that ends is folded
 * into counters (per phase, tokens, cost) and kept as a view only among the
 * last RECENT_LIMIT that succeeded (or never ran) or the last RECENT_LIMIT that
 * did not, for the board's rows: a failure stays in sight however many
 * successes follow it. Views are held for the processes waiting to start (the
 * plan), the running ones, and those recent ones. A retry brings an ended
 * process back to the running ones.
 */
import { agentRetryText } from '../../events/agent-retry-text.js';
import type { OrchestrateEvent } from '../../events/types.js';
import { denialText } from '../../process/format.js';
import type { ProcessStatus, TokenUsage } from '../../process/result.js';
import { addUsage, blankView, type Phase, type ProcessView, ZERO } from './process-view.js';

export type { Phase, ProcessView } from './process-view.js';

/** Ended processes kept as views, of each kind: more than any terminal has rows. */
export const RECENT_LIMIT = 256;

export class RunState {
  sessionId: string | null = null;
  /** What admission or the budget is doing now: "paused until 14:05 (five_hour limit)", or null. */
  limitNote: string | null = null;
  sessionDir: string | null = null;
  startedAt = Date.now();
  endedAt: number | null = null;
  /** Costs come from the mock model (--mock-model): shown as simulated. */
  simulatedCost = false;

  private readonly pending = new Map<string, ProcessView>();
  private readonly live = new Map<string, ProcessView>();
  /** The last RECENT_LIMIT ended that succeeded or never ran, oldest first. */
  private readonly recentQuiet = new Map<string, ProcessView>();
  /** The last RECENT_LIMIT ended otherwise (failed, timed out, cancelled, ...). */
  private readonly recentNotable = new Map<string, ProcessView>();
  private readonly ended = new Map<Phase, number>();
  private endedCount = 0;
  private endedUsage: TokenUsage | null = null;
  private endedCost: number | null = null;
  private agentRetryCount = 0;
  private nextOrder = 0;

  constructor(
    readonly strategy: string,
    tasks: Array<{ processId: string; prompt: string }>,
  ) {
    for (const { processId, prompt } of tasks) this.add(processId, prompt);
  }

  /** Every process the run knows of: waiting, running and ended. */
  get size(): number {
    return this.pending.size + this.live.size + this.endedCount;
  }

  /** How many process views are held (the rest are only counted). */
  get heldViews(): number {
    return this.pending.size + this.live.size + this.recentQuiet.size + this.recentNotable.size;
  }

  /** A process the run will start (shown as pending until it does). */
  add(processId: string, prompt: string, agent: string | null = null, label?: string): void {
    const view = this.find(processId);
    const named = label === undefined ? {} : { label };
    if (view) Object.assign(view, { prompt, agent: agent ?? view.agent, ...named });
    else
      this.pending.set(processId, {
        ...blankView(processId, prompt, this.nextOrder++),
        agent,
        ...named,
      });
  }

  /** The view of a process, when it is held. */
  find(processId: string): ProcessView | undefined {
    return (
      this.live.get(processId) ??
      this.pending.get(processId) ??
      this.recentNotable.get(processId) ??
      this.recentQuiet.get(processId)
    );
  }

  /**
   * The views a board of `room` rows may show: every running one, the recent
   * ended ones and the first `room` waiting ones. Never more than that, however
   * many processes the run has.
   */
  candidates(room: number): ProcessView[] {
    const views = [
      ...this.live.values(),
      ...this.recentNotable.values(),
      ...this.recentQuiet.values(),
    ];
    let left = room;
    for (const view of this.pending.values()) {
      if (left-- <= 0) break;
      views.push(view);
    }
    return views;
  }

  apply(event: OrchestrateEvent): void {
    if (event.kind === 'session-start') {
      this.sessionId = event.sessionId;
      this.sessionDir = event.sessionDir;
      this.startedAt = Date.parse(event.at);
      return;
    }
    if (event.kind === 'session-end') {
      this.endedAt = Date.parse(event.at);
      return;
    }
    if (event.kind === 'log' || event.kind === 'verdict') return;
    if (event.kind === 'limit') {
      if (event.action === 'pause' || event.action === 'budget-reached')
        this.limitNote = event.message;
      else if (event.action === 'resume') this.limitNote = null;
      return;
    }
    const at = Date.parse(event.at);
    if (event.kind === 'task') {
      // The prompt it was given (under --pass-output, with the earlier outputs): the joblog shows it.
      const view = this.find(event.processId);
      if (view) view.prompt = event.spec.prompt;
      else this.add(event.processId, event.spec.prompt);
    } else if (event.kind === 'process-start') {
      Object.assign(this.running(event.processId), {
        phase: 'running',
        agent: event.agent ?? this.live.get(event.processId)?.agent ?? null,
        attempt: event.attempt,
        startedAt: at,
        note: null,
        retryAt: null,
        running: ZERO,
      });
    } else if (event.kind === 'process-activity') {
      const view = this.live.get(event.processId);
      if (!view) return;
      view.running = {
        inputTokens: event.inputTokens,
        outputTokens: event.outputTokens,
        cacheCreationInputTokens: event.cacheCreationInputTokens,
        cacheReadInputTokens: event.cacheReadInputTokens,
      };
      view.usage = addUsage(view.settled, view.running);
      view.hasUsage = true;
      if (event.activity) view.note = event.activity;
    } else if (event.kind === 'agent-retry') {
      this.agentRetryCount++;
      const view = this.live.get(event.processId);
      if (view) view.note = agentRetryText(event);
    } else if (event.kind === 'retry') {
      Object.assign(this.running(event.processId, event.previousStatus), {
        phase: 'retrying',
        attempt: event.attempt,
        retryAt: at + event.delayMs,
        note: event.reason,
      });
    } else if (event.kind === 'process-end') {
      const view = this.running(event.processId);
      view.settled = addUsage(view.settled, event.usage ?? ZERO);
      Object.assign(view, {
        usage: view.settled,
        running: ZERO,
        hasUsage: view.hasUsage || event.usage !== null,
        denied: (event.permissionDenials ?? []).map(denialText),
        phase: event.status,
        attempt: event.attempt,
        durationMs: event.durationMs,
        note: event.message,
      });
      if (event.costUsd !== null) {
        view.costUsd = (view.costUsd ?? 0) + event.costUsd;
        this.endedCost = (this.endedCost ?? 0) + event.costUsd;
      }
      if (event.usage) this.endedUsage = addUsage(this.endedUsage ?? ZERO, event.usage);
      this.live.delete(event.processId);
      this.fold(view);
    }
  }

  /** The run is over: whatever never started will not. */
  finish(): void {
    for (const view of this.pending.values()) {
      view.phase = 'not_run';
      this.fold(view);
    }
    this.pending.clear();
  }

  /** Processes per phase, for the totals line. */
  counts(): Map<Phase, number> {
    const counts = new Map(this.ended);
    if (this.pending.size > 0) counts.set('pending', this.pending.size);
    for (const view of this.live.values())
      counts.set(view.phase, (counts.get(view.phase) ?? 0) + 1);
    return counts;
  }

  totalUsage(): TokenUsage | null {
    let total = this.endedUsage;
    for (const view of this.live.values())
      if (view.hasUsage) total = addUsage(total ?? ZERO, view.running);
    return total;
  }

  /** The agents' own API retries, over every process. */
  agentRetries(): number {
    return this.agentRetryCount;
  }

  totalCost(): number | null {
    return this.endedCost;
  }

  /** Counts an ended process, and keeps its view among the recent ones. */
  private fold(view: ProcessView): void {
    this.ended.set(view.phase, (this.ended.get(view.phase) ?? 0) + 1);
    this.endedCount++;
    const recent =
      view.phase === 'succeeded' || view.phase === 'not_run'
        ? this.recentQuiet
        : this.recentNotable;
    recent.set(view.processId, view);
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  }

  /** Takes a process out of the ended counts (a retry), or starts one waiting. */
  private unfold(phase: Phase): void {
    const n = (this.ended.get(phase) ?? 0) - 1;
    if (n < 0) return;
    if (n === 0) this.ended.delete(phase);
    else this.ended.set(phase, n);
    this.endedCount--;
  }

  /**
   * The live view of a process: found running, moved from the waiting ones, or
   * brought back from the ended ones. `previousStatus` (a retry's) names the
   * phase it was counted under when its view was no longer held.
   */
  private running(processId: string, previousStatus?: ProcessStatus): ProcessView {
    let view = this.live.get(processId);
    if (view) return view;
    view = this.pending.get(processId);
    if (view) this.pending.delete(processId);
    else {
      view = this.recentNotable.get(processId) ?? this.recentQuiet.get(processId);
      if (view) {
        this.recentNotable.delete(processId);
        this.recentQuiet.delete(processId);
        this.unfold(view.phase);
      } else {
        if (previousStatus) this.unfold(previousStatus);
        view = blankView(processId, '', this.nextOrder++);
      }
    }
    this.live.set(processId, view);
    return view;
  }
}
