/**
 * Server-Sent Events on a plain http response: the headers, one message at a
 * time (`id:` lets a reconnecting EventSource say where it was), and a comment
 * every 15 s so proxies and the browser keep the connection open. The body is
 * not chunked: it ends with the connection (as a stream of events does
 * anyway), so each message is one plain socket write, with no chunk framing.
 */
import type { ServerResponse } from 'node:http';

const HEARTBEAT_MS = 15_000;

export class EventStream {
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly response: ServerResponse) {
    // No Transfer-Encoding: chunked; the body ends when the connection closes.
    response.removeHeader('transfer-encoding');
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'close',
      'x-accel-buffering': 'no',
    });
    // A browser reconnects one second after the stream drops.
    response.write('retry: 1000\n\n');
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
    response.on('close', () => this.close());
  }

  /** Calls `listener` once when the browser goes away (or close() is called). */
  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.response.once('close', listener);
  }

  /** One message; `data` must be a single line (JSON is). */
  send(event: string, id: string | number, data: string): void {
    this.write(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`);
  }

  /** A whole message, already framed (record-frames.ts): the same Buffer may go to many pages. */
  sendBytes(message: Buffer): void {
    this.write(message);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.response.end();
  }

  private write(text: string | Buffer): void {
    // A page that went away is closed here on its socket's 'close'; until then, skip dead sockets.
    if (!this.closed && !this.response.destroyed) this.response.write(text);
  }
}
