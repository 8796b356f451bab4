import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledClaudeBinary, resolveClaudeBinary } from '../../../src/agents/claude/binary.js';
import { ClaudeProcess } from '../../../src/agents/claude/claude-process.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { fixture, tempDir } from '../../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('which claude runs', () => {
  it('ORCHESTRATE_CLAUDE_BIN in the environment names the binary when no command is given', async () => {
    const result = await new ClaudeProcess({
      prompt: 'hi',
      processId: 'from-env',
      workingDir: dir.path,
      logDir: join(dir.path, 'logs'),
      env: { ORCHESTRATE_CLAUDE_BIN: fixture('print-argv') },
      streamOutput: false,
      logger: silentLogger,
    }).run();
    expect(JSON.parse(result.output)[0]).toBe('-p');
  });

  it('a claude on PATH comes before the bundled copy', () => {
    const bin = join(dir.path, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'claude'), '#!/bin/sh\necho fake\n');
    chmodSync(join(bin, 'claude'), 0o755);
    expect(resolveClaudeBinary({ PATH: bin, ORCHESTRATE_CLAUDE_BIN: undefined })).toBe(
      join(bin, 'claude'),
    );
  });

  it('with no claude on PATH the copy installed with orchestrate is used', () => {
    const saved = process.env.ORCHESTRATE_CLAUDE_BIN;
    delete process.env.ORCHESTRATE_CLAUDE_BIN;
    try {
      expect(resolveClaudeBinary({ PATH: dir.path })).toBe(bundledClaudeBinary());
    } finally {
      if (saved !== undefined) process.env.ORCHESTRATE_CLAUDE_BIN = saved;
    }
  });
});
