/**
 * Reads a child's stdout pipe into one reused buffer instead of a fresh Buffer
 * per read: net.Socket's documented `onread` option, set in place on the socket
 * child_process created (or, where its keys cannot be found, a second socket
 * over the same pipe handle). bench/core/throughput measured the difference: with a
 * fresh buffer per 64 KiB read, garbage drove peak RSS from ~85 MB to over
 * 200 MB on a busy machine, and reads were slower; with one buffer, RSS stays
 * near Node's own. Where the handle is not reachable, plain 'data' events serve.
 * The buffer is 256 KiB: child pipes are socket pairs whose reads return more
 * than 64 KiB, and fewer, larger reads and log writes took throughput from
 * ~700 to ~990 MiB/s (1 MiB gave no more). Buffers go back to a small pool
 * when their pipe closes: a fresh 256 KiB per process made the garbage
 * collector the largest cost of a quick run (bench/strategies/parallel-overhead).
 *
 * A chunk handed to `onChunk` is valid only during the call: copy what you keep.
 */
import { Socket, type SocketConstructorOpts } from 'node:net';
import type { Readable } from 'node:stream';

const READ_BUFFER_BYTES = 256 * 1024;
/** Free buffers kept for the next pipes (4 MiB); more in use at once are simply made. */
const POOL_LIMIT = 16;
const pool: Buffer[] = [];

function takeBuffer(): Buffer {
  return pool.pop() ?? Buffer.allocUnsafe(READ_BUFFER_BYTES);
}

function giveBack(buffer: Buffer): void {
  if (pool.length < POOL_LIMIT) pool.push(buffer);
}

export interface ChunkReader {
  /** Starts reading; call once. */
  start(onChunk: (chunk: Buffer) => void): void;
  /** Stops reading until resume(): the writer then blocks on a full pipe. */
  pause(): void;
  resume(): void;
  /** Resolves when the pipe has closed (every writer closed it, or destroy()). */
  readonly closed: Promise<void>;
  destroy(): void;
}

interface PipeHandle {
  useUserBuffer?: unknown;
}

function closedPromise(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed) return resolve();
    stream.once('close', () => resolve());
  });
}

/** Falls back to 'data' events: each chunk is then its own buffer. */
export function streamReader(stream: Readable): ChunkReader {
  return {
    start: (onChunk) => void stream.on('data', onChunk),
    pause: () => void stream.pause(),
    resume: () => void stream.resume(),
    closed: closedPromise(stream),
    destroy: () => stream.destroy(),
  };
}

/**
 * Where net.Socket keeps its `onread` buffer and callback: read once from a
 * socket made with that option. Null when this Node keeps them elsewhere.
 */
let onreadKeys: { buffer: symbol; callback: symbol } | null | undefined;

function socketOnreadKeys(): { buffer: symbol; callback: symbol } | null {
  if (onreadKeys !== undefined) return onreadKeys;
  const probe = new Socket(<SocketConstructorOpts>{
    onread: { buffer: Buffer.alloc(1), callback: () => true },
  });
  const find = (name: string) =>
    Object.getOwnPropertySymbols(probe).find((key) => key.description === name);
  const buffer = find('kBuffer');
  const callback = find('kBufferCb');
  probe.destroy();
  onreadKeys = buffer && callback ? { buffer, callback } : null;
  return onreadKeys;
}

/** The `onread` callback: hands each read to `onChunk` as a view of the pooled buffer. */
function onreadCallback(onChunk: (chunk: Buffer) => void) {
  return (length: number, view: Uint8Array): boolean => {
    onChunk(Buffer.from(view.buffer, view.byteOffset, length));
    return true;
  };
}

/** Reads start; once closed, the socket reads no more into the buffer: the next pipe may have it. */
function readUntilClosed(socket: Socket, buffer: Buffer, closed: () => void): void {
  socket.on('error', () => undefined);
  socket.once('close', () => {
    giveBack(buffer);
    closed();
  });
  socket.resume();
}

/**
 * The same reading, on child_process's own socket: its handle reads into the
 * pooled buffer from now on, just as a socket made with `onread` does. A
 * second socket over the handle, and the first one's destroy, cost a quick
 * run ~5% of its main-thread CPU (perf cpu-clock profile).
 */
function inPlaceReader(
  socket: Socket,
  handle: PipeHandle & { useUserBuffer(buffer: Buffer): void },
  keys: { buffer: symbol; callback: symbol },
): ChunkReader {
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  return {
    start(onChunk) {
      const buffer = takeBuffer();
      handle.useUserBuffer(buffer);
      const fields = socket as unknown as Record<symbol, unknown>;
      fields[keys.buffer] = buffer;
      fields[keys.callback] = onreadCallback(onChunk);
      readUntilClosed(socket, buffer, resolveClosed);
    },
    pause: () => void socket.pause(),
    resume: () => void socket.resume(),
    closed,
    destroy() {
      socket.destroy();
      resolveClosed();
    },
  };
}

export function chunkReader(stream: Readable): ChunkReader {
  const holder = stream as Readable & { _handle?: PipeHandle | null };
  const handle = holder._handle;
  if (!handle || typeof handle.useUserBuffer !== 'function') return streamReader(stream);
  const keys = stream instanceof Socket ? socketOnreadKeys() : null;
  if (keys)
    return inPlaceReader(
      stream as Socket,
      handle as PipeHandle & { useUserBuffer(buffer: Buffer): void },
      keys,
    );
  let socket: Socket | null = null;
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  return {
    start(onChunk) {
      // Take the handle over from child_process's stream, which then closes empty.
      holder._handle = null;
      stream.destroy();
      const buffer = takeBuffer();
      socket = new Socket(<SocketConstructorOpts>{
        handle: handle as never,
        readable: true,
        writable: false,
        onread: { buffer, callback: onreadCallback(onChunk) },
      });
      readUntilClosed(socket, buffer, resolveClosed);
    },
    pause: () => void socket?.pause(),
    resume: () => void socket?.resume(),
    closed,
    destroy() {
      if (socket) socket.destroy();
      else stream.destroy();
      resolveClosed();
    },
  };
}
