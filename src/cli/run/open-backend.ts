/**
 * --backend: the queue executor a run's session sends its tasks to, connected
 * before anything starts, so a wrong or unreachable Redis is an error within
 * seconds instead of a failure per task.
 */
import type { Logger } from '../../logging/logger.js';
import type { Executor } from '../../tasks/executor.js';

export interface Backend extends Executor {
  close(): Promise<void>;
}

export async function openBackend(url: string, logger: Logger): Promise<Backend> {
  const { BullMQExecutor } = await import('../../queue/bullmq-executor.js');
  const executor = new BullMQExecutor({ connection: url, logger });
  try {
    await executor.ready();
  } catch (error) {
    await executor.close();
    throw error;
  }
  return executor;
}
