/**
 * Prometheus metrics of the tasks a process runs (a worker's or a run's):
 * tasks ended by status and agent, running, queued, tokens, cost, and
 * rate-limit pauses. Fed by TaskEvents (a worker) or session records (a run);
 * prom-client is an optional peer, loaded when metrics are asked for.
 */
import type { Counter, Gauge, Registry } from 'prom-client';
import { isMissing, MissingPackageError } from '../queue/missing-package.js';
import type { TokenUsage } from '../process/result.js';

export interface EndedTask {
  agent: string;
  status: string;
  usage: TokenUsage | null;
  costUsd: number | null;
}

export class TaskMetrics {
  private constructor(
    readonly registry: Registry,
    private readonly tasks: Counter<'status' | 'agent'>,
    private readonly running: Gauge<'agent'>,
    private readonly tokens: Counter<'agent' | 'kind'>,
    private readonly cost: Counter<'agent'>,
    private readonly pauses: Counter,
  ) {}

  /** New metrics in their own registry; `queued()` is read at each scrape, when given. */
  static async create(queued?: () => Promise<number>): Promise<TaskMetrics> {
    const client = await loadPromClient();
    const registry = new client.Registry();
    const registers = [registry];
    const metrics = new TaskMetrics(
      registry,
      new client.Counter({
        name: 'orchestrate_tasks_total',
        help: 'Tasks ended, by status and agent',
        labelNames: ['status', 'agent'],
        registers,
      }),
      new client.Gauge({
        name: 'orchestrate_tasks_running',
        help: 'Tasks running now',
        labelNames: ['agent'],
        registers,
      }),
      new client.Counter({
        name: 'orchestrate_tokens_total',
        help: 'Tokens the agents reported, by agent and kind (input, output, cache_read, cache_creation)',
        labelNames: ['agent', 'kind'],
        registers,
      }),
      new client.Counter({
        name: 'orchestrate_cost_usd_total',
        help: 'Cost the agents reported or was estimated, in US dollars',
        labelNames: ['agent'],
        registers,
      }),
      new client.Counter({
        name: 'orchestrate_rate_limit_pauses_total',
        help: 'Pauses for an API rate limit (a retry after a 429 or 529)',
        registers,
      }),
    );
    if (queued) {
      new client.Gauge({
        name: 'orchestrate_tasks_queued',
        help: 'Tasks waiting in the queue for a worker',
        registers,
        async collect() {
          this.set(await queued().catch(() => 0));
        },
      });
    }
    return metrics;
  }

  started(agent: string): void {
    this.running.inc({ agent });
  }

  /** A task ended; `wasRunning` when started() counted it (a task cancelled before it started was not). */
  ended(task: EndedTask, wasRunning: boolean): void {
    this.stopped(task.agent, wasRunning);
    this.spent(task);
    this.counted(task);
  }

  /** A try of the agent's task stopped running. */
  stopped(agent: string, wasRunning: boolean): void {
    if (wasRunning) this.running.dec({ agent });
  }

  /** What a try spent: its tokens and cost (a try that runs again spent them too). */
  spent(task: Omit<EndedTask, 'status'>): void {
    const { agent, usage } = task;
    if (task.costUsd !== null) this.cost.inc({ agent }, task.costUsd);
    if (!usage) return;
    this.tokens.inc({ agent, kind: 'input' }, usage.inputTokens);
    this.tokens.inc({ agent, kind: 'output' }, usage.outputTokens);
    this.tokens.inc({ agent, kind: 'cache_read' }, usage.cacheReadInputTokens);
    this.tokens.inc({ agent, kind: 'cache_creation' }, usage.cacheCreationInputTokens);
  }

  /** The task's end, by status and agent. */
  counted(task: Pick<EndedTask, 'agent' | 'status'>): void {
    this.tasks.inc({ status: task.status, agent: task.agent });
  }

  rateLimitPause(): void {
    this.pauses.inc();
  }

  /** The text a Prometheus scrape gets. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}

async function loadPromClient(): Promise<typeof import('prom-client')> {
  try {
    return await import('prom-client');
  } catch (error) {
    if (isMissing(error, 'prom-client')) {
      throw new MissingPackageError(
        'prom-client',
        error,
        '--metrics-port',
        'npm install prom-client@^15.1.3',
      );
    }
    throw error;
  }
}
