// Runs one ClaudeProcess over the flood fixture in a fresh Node process, so
// its peak RSS is the orchestrating process's own. Prints {ms, maxRssMb, bytes}.
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { ClaudeProcess, silentLogger } from '../../dist/index.js';
import { fixture } from '../lib.js';

const [dir, bytes] = process.argv.slice(2);
const start = performance.now();
const result = await new ClaudeProcess({
  prompt: 'flood',
  processId: 'flood',
  workingDir: dir,
  logDir: join(dir, 'logs'),
  command: fixture('flood-stdout'),
  env: { FLOOD_BYTES: bytes },
  streamOutput: false,
  logger: silentLogger,
}).run();
const ms = performance.now() - start;
const logBytes = statSync(result.logFile).size;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    logBytes,
    exitCode: result.exitCode,
  }) + '\n',
);
