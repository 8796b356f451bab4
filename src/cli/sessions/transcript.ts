/**
 * A process log as a readable transcript: each line rendered as `--stream`
 * shows it, by the agent's own reader (claude: assistant text, `->
 * Tool(target)`, `<-` results in short, API retries, the result line), the
 * log's own header and footer lines as they are. A Writable in front of
 * stdout, so a plain read and `-f` both feed it bytes as they come: a line
 * split across two writes waits for its end, and a slow reader slows it down.
 */
import { Writable } from 'node:stream';
import { getAgent } from '../../agents/registry.js';
import type { OutputReader } from '../../process/agent-driver.js';
import { drained, outputClosed } from '../output-closed.js';

/** The agent's `--stream` renderer; null for an agent this version does not know. */
function readerOf(agent: string): OutputReader | null {
  try {
    return getAgent(agent)
      .driver({ model: null, command: null, args: [], promptVia: null })
      .reader({ event: () => undefined });
  } catch {
    return null;
  }
}

export function transcriptStream(out: Writable, agent: string): Writable {
  const reader = readerOf(agent);
  let pending: Buffer = Buffer.alloc(0);
  /** The transcript lines for the complete lines in `data`; the rest waits. */
  const render = (data: Buffer): string => {
    let text = '';
    for (let at = data.indexOf(0x0a); at !== -1; at = data.indexOf(0x0a)) {
      text += lineOf(data.subarray(0, at));
      data = data.subarray(at + 1);
    }
    pending = Buffer.from(data);
    return text;
  };
  const lineOf = (line: Buffer): string => {
    const shown = reader ? reader.display(line) : line.toString('utf8');
    return shown === null ? '' : `${shown}\n`;
  };
  const send = (text: string, done: (error?: Error | null) => void) => {
    if (text === '' || outputClosed() || out.write(text)) return done();
    void drained(out).then(() => done());
  };
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      send(render(pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk), done);
    },
    final(done) {
      const last = pending.length > 0 ? lineOf(pending) : '';
      pending = Buffer.alloc(0);
      send(last, done);
    },
  });
}
