/**
 * A real redis-server for the queue tests: started on a free loopback port in a
 * temporary folder, with no persistence (`--save '' --appendonly no`), so a
 * restart comes back empty, as a Redis that lost its data would. One per test
 * file; `stop()` it in `afterAll`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tempDir } from './fixtures.js';

export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** The server's pid (changes on restart). */
  readonly pid: number;
  /** Stops it (SIGKILL when `hard`, as a crash) and starts it again, empty, on the same port. */
  restart(options?: { hard?: boolean; downMs?: number }): Promise<void>;
  /** Stops it for good and removes its folder. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago (the OS's pick for port 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('No port from the OS');
  return address.port;
}

function launch(port: number, dir: string, extra: string[]): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      ...['--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.once('error', (error) =>
      reject(
        new Error(`Cannot start redis-server (apt-get install redis-server): ${error.message}`),
      ),
    );
    child.once('exit', (code) =>
      reject(
        new Error(`redis-server on port ${port} exited with ${code} before it was ready:\n${seen}`),
      ),
    );
  });
}

async function halt(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

/** Starts a redis-server on a free port; `extra` adds arguments (e.g. `['--maxmemory-policy', 'allkeys-lru']`). */
export async function startRedisServer(extra: string[] = []): Promise<RedisServer> {
  const dir = tempDir('orchestrate-redis-');
  let port = 0;
  let child: ChildProcess | null = null;
  for (let tries = 1; !child; tries++) {
    port = await freePort();
    try {
      child = await launch(port, dir.path, extra);
    } catch (error) {
      // Another run may have taken the port between our check and the server's bind.
      if (tries >= 3) {
        dir.cleanup();
        throw error;
      }
    }
  }
  let current: ChildProcess = child;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return current.pid ?? -1;
    },
    async restart({ hard = false, downMs = 0 } = {}) {
      await halt(current, hard ? 'SIGKILL' : 'SIGTERM');
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      current = await launch(port, dir.path, extra);
    },
    async stop() {
      await halt(current, 'SIGTERM');
      dir.cleanup();
    },
  };
}
