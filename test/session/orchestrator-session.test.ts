import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandProcess } from '../../src/agents/command/command-process.js';
import { silentLogger, streamLogger } from '../../src/logging/logger.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { collector, fixture, tempDir } from '../helpers/fixtures.js';
import { eventsFile, kinds, quietSession } from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('OrchestratorSession', () => {
  it('makes its folder under .orchestrate/sessions by default, named pattern_timestamp', async () => {
    const session = quietSession(dir.path, { patternName: 'review' });
    expect(session.sessionId).toMatch(/^review_\d{8}_\d{6}$/);
    expect(session.sessionDir).toBe(join(dir.path, '.orchestrate', 'sessions', session.sessionId));
    expect(readdirSync(session.sessionDir).sort()).toEqual([
      'events.jsonl',
      'metadata.json',
      'processes',
      'session.log',
    ]);
    await session.close();
    expect(readdirSync(session.sessionDir).sort()).toContain('summary.json');
  });

  it('gives sessions started in the same second different ids and folders', async () => {
    const sessions = Array.from({ length: 5 }, () =>
      quietSession(dir.path, { baseLogDir: 'logs' }),
    );
    expect(new Set(sessions.map((s) => s.sessionId)).size).toBe(5);
    expect(new Set(sessions.map((s) => s.sessionDir)).size).toBe(5);
    expect(sessions[0]!.sessionDir.startsWith(join(dir.path, 'logs'))).toBe(true);
    await Promise.all(sessions.map((s) => s.close()));
  });

  it('writes metadata.json with the session, pattern, working dir, model, start time and versions', async () => {
    const session = quietSession(dir.path, { model: 'claude-test' });
    await runParallel([session.createProcess('hello')]);
    await session.close();
    const metadata = JSON.parse(readFileSync(join(session.sessionDir, 'metadata.json'), 'utf8'));
    expect(metadata).toMatchObject({
      sessionId: session.sessionId,
      patternName: 'test',
      workingDir: dir.path,
      model: 'claude-test',
      startedAt: session.startedAt.toISOString(),
      orchestrateVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      agent: 'claude',
      agentCommand: fixture('print-claude-stream'),
    });
    // print-claude-stream answers --version as claude does: "9.8.7 (Claude Code)".
    expect(metadata.agentVersion).toBe('9.8.7');
  });

  /** A session whose agent binary notes each --version in a file, and a plain command it tracks. */
  function probedSession(): {
    session: OrchestratorSession;
    asked: string;
    command(id: string): CommandProcess;
  } {
    const asked = join(dir.path, 'version-asked');
    const session = quietSession(dir.path, {
      processDefaults: {
        command: fixture('note-version-asked'),
        env: { VERSION_ASKED_FILE: asked },
      },
    });
    const command = (processId: string) =>
      session.track(
        new CommandProcess({
          command: fixture('print-ok'),
          processId,
          workingDir: dir.path,
          logDir: session.processLogDir,
          streamOutput: false,
          logger: silentLogger,
        }),
      );
    return { session, asked, command };
  }

  it("asks the agent's --version only once a process of that agent starts", async () => {
    const { session, asked, command } = probedSession();
    await runParallel([command('plain-command')]);
    expect(existsSync(asked)).toBe(false);
    await runParallel([session.createProcess('hello')]);
    await session.close();
    expect(readFileSync(asked, 'utf8')).toBe('asked\n');
    const metadata = JSON.parse(readFileSync(join(session.sessionDir, 'metadata.json'), 'utf8'));
    expect(metadata.agentVersion).toBe('9.8.7');
  });

  it('runs no --version for a session none of whose processes runs its agent', async () => {
    const { session, asked, command } = probedSession();
    const commands = [command('one'), command('two')];
    const results = await runParallel(commands);
    expect(results.map((result) => result.status)).toEqual(['succeeded', 'succeeded']);
    await session.close();
    expect(existsSync(asked)).toBe(false);
    const metadata = JSON.parse(readFileSync(join(session.sessionDir, 'metadata.json'), 'utf8'));
    expect(metadata).toMatchObject({ agent: 'claude', agentVersion: null });
  });

  it('creates processes with the session defaults and auto ids process-001, process-002, ...', async () => {
    const session = quietSession(dir.path, {
      model: 'claude-test',
      processDefaults: { command: fixture('print-argv') },
    });
    const first = session.createProcess('one');
    const named = session.createProcess('two', 'named');
    const third = session.createProcess('three', undefined, { extraArgs: ['--extra'] });
    expect([first.processId, named.processId, third.processId]).toEqual([
      'process-001',
      'named',
      'process-002',
    ]);
    expect(first.workingDir).toBe(dir.path);
    expect(first.logFile).toBe(session.getProcessLogPath('process-001'));
    expect(first.logFile).toBe(join(session.sessionDir, 'processes', 'process-001.log'));
    const [result] = await runParallel([third]);
    expect(JSON.parse(result!.output)).toEqual([
      '-p',
      'three',
      '--output-format',
      'stream-json',
      '--verbose',
      '--model',
      'claude-test',
      '--extra',
    ]);
    await session.close();
  });

  it('refuses a second process with the same id, naming it', () => {
    const session = quietSession(dir.path);
    session.createProcess('one', 'same');
    expect(() => session.createProcess('two', 'same')).toThrow('already has a process "same"');
    return session.close();
  });

  it('sends its human lines to the logger it was given', async () => {
    const out = collector();
    const session = new OrchestratorSession({
      patternName: 'talk',
      workingDir: dir.path,
      logger: streamLogger(out.stream),
    });
    session.log('hello there', 'WARNING');
    await session.close();
    expect(out.text()).toMatch(/\[WARNING\] \[session\] hello there\n/);
    expect(out.text()).toContain(`Session ${session.sessionId} started`);
  });

  it('a listener that throws on an event does not break the run, nor lose a record', async () => {
    const session = quietSession(dir.path);
    const heard: unknown[] = [];
    session.on('event', (record) => {
      heard.push(record);
      throw new Error('view crashed');
    });
    const [result] = await runParallel([session.createProcess('x')]);
    expect(result!.status).toBe('succeeded');
    await session.close();
    // Each record is written before the listeners hear of it, the throwing one included
    // (session-start is written in the constructor, before this listener was added).
    const written = eventsFile(session.sessionDir);
    expect(written.slice(1)).toEqual(heard);
    expect(kinds(written)).toEqual(
      expect.arrayContaining(['session-start', 'process-start', 'process-end', 'session-end']),
    );
    expect(kinds(written).at(-1)).toBe('session-end');
  });

  it('rejects bad options, naming the option and the value', () => {
    expect(
      () =>
        new OrchestratorSession({ patternName: 'a/b', workingDir: dir.path, logger: silentLogger }),
    ).toThrow(
      'Invalid `patternName` `"a/b"` (string): it names the session folder, so it must not contain a path separator',
    );
    expect(
      () => new OrchestratorSession({ patternName: 'ok', workingDir: join(dir.path, 'missing') }),
    ).toThrow('`workingDir` does not exist');
    const session = quietSession(dir.path);
    expect(() => session.log('x', 'LOUD' as 'INFO')).toThrow(
      'Expected `level` to be one of DEBUG, INFO, WARNING, ERROR, got `"LOUD"` (string)',
    );
    return session.close();
  });
});
