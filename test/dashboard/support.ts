/** Helpers for the dashboard tests: a real session folder, and reading an SSE stream over fetch. */
import { runParallel } from '../../src/strategies/run-parallel.js';
import { quietSession } from '../session/support.js';

/** A closed session with `count` processes that ran the fake claude stream, under `base`. */
export async function ranSession(workingDir: string, base: string, count = 2) {
  const session = quietSession(workingDir, { baseLogDir: base });
  await runParallel(Array.from({ length: count }, (_, i) => session.createProcess(`task ${i}`)));
  await session.close();
  return session;
}

export interface SseMessage {
  id: string;
  event: string;
  data: string;
}

/** The messages of an SSE response until `enough` says stop (then the request is aborted). */
export async function readSse(
  url: string,
  headers: Record<string, string>,
  enough: (messages: SseMessage[]) => boolean,
): Promise<SseMessage[]> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  const messages: SseMessage[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: SseMessage = { id: '', event: 'message', data: '' };
        let isMessage = false;
        for (const line of block.split('\n')) {
          const colon = line.indexOf(': ');
          if (colon <= 0) continue;
          const field = line.slice(0, colon);
          const value = line.slice(colon + 2);
          if (field === 'id') message.id = value;
          if (field === 'event') message.event = value;
          if (field === 'data') {
            message.data = value;
            isMessage = true;
          }
        }
        if (isMessage) messages.push(message);
      }
      if (enough(messages)) break;
    }
  } finally {
    controller.abort();
  }
  return messages;
}
