/**
 * The Redis backend's packages, loaded on first use: `bullmq` and `ioredis`
 * are optional peers, so the published package stays light for the many who
 * run agents on one machine. A missing one is an error that says what to install.
 */
import type * as BullMQ from 'bullmq';
import type IORedis from 'ioredis';

export type BullMQModule = typeof BullMQ;
export type RedisConstructor = typeof IORedis;

/** The versions the tests run; any later release of the same major should do. */
export const INSTALL_HINT = 'npm install bullmq@^6.7.0 ioredis@^6.0.0';

export class MissingPackageError extends Error {
  constructor(name: string, cause: unknown) {
    super(
      `The Redis backend needs the optional package "${name}", which is not installed. ` +
        `Install it beside orchestrate-agents: ${INSTALL_HINT}` +
        ` (add -g when orchestrate itself is installed globally)`,
      { cause },
    );
    this.name = 'MissingPackageError';
  }
}

function missing(error: unknown, name: string): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    String((error as Error).message).includes(`'${name}'`)
  );
}

async function load<T>(name: string, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    if (missing(error, name)) throw new MissingPackageError(name, error);
    throw error;
  }
}

export function loadBullMQ(): Promise<BullMQModule> {
  return load('bullmq', () => import('bullmq'));
}

export async function loadRedis(): Promise<RedisConstructor> {
  const module = await load('ioredis', () => import('ioredis'));
  return module.default;
}
