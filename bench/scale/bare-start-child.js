// The baseline of bench/scale/start-stall.js: a bare Node process that starts N
// `stream-and-time` agents at once with child_process.spawn and pipes each
// stream into its own file, nothing else. Run with loop-delay-probe.js loaded
// (NODE_OPTIONS=--import), it shows the event-loop stall that spawning alone
// costs on this machine. `node bare-start-child.js <agents> <seconds>`.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fixture, tempDir } from '../lib.js';

const agents = Number(process.argv[2] ?? 128);
const seconds = process.argv[3] ?? '2';
const dir = tempDir();
await Promise.all(
  Array.from({ length: agents }, (_, i) => {
    const child = spawn(fixture('stream-and-time'), [seconds], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(createWriteStream(join(dir.path, `${i}.log`)));
    child.stderr.pipe(createWriteStream(join(dir.path, `${i}.stderr.log`)));
    return new Promise((resolve) => child.on('close', resolve));
  }),
);
dir.cleanup();
