/**
 * Declares `resume <session>`: runs again, in the same session folder, the
 * tasks of a parallel, sequential or batch session that did not succeed
 * (docs/limits.md#resume).
 */
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import type { ResumeOnly } from '../../session/resume-plan.js';
import { badFlag, usageError } from '../errors.js';
import { addLimitFlags } from '../options/limit-flags.js';
import type { CommandContext } from './context.js';

export interface ResumeFlags {
  only?: string;
  logDir?: string;
  cwd?: string;
  [flag: string]: unknown;
}

const ONLY = ['failed', 'unfinished'] as const;

export function registerResumeCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('resume')
    .description(
      'run again the tasks of a session that failed, timed out, were cancelled, skipped or never started, in the same session folder',
    )
    .argument('<session>', 'a session id (or a unique start of one), or "last"')
    .option(
      '--only <which>',
      'failed (failed, timed out, could not start) or unfinished (cancelled, skipped, never started); default: both',
    )
    .option(
      '--log-dir <dir>',
      'where session folders are (default: .orchestrate/sessions under --cwd)',
    )
    .option('--cwd <dir>', 'the working directory the run used (default: the current directory)')
    .addOption(new Option('-j, --max-workers <n>', 'at most N processes at once (parallel)'))
    .option('--retries <n>', 'retry a process up to N times after a transient API error')
    .option(
      '--backend <url>',
      'run the tasks again on `orchestrate worker` processes through this Redis, e.g. redis://127.0.0.1:6379',
    )
    .option('--json', 'print one JSON document with every result on stdout')
    .option('-q, --quiet', 'print no progress and no report')
    .option('--mock-model', 'run against the built-in fake model (no account, no cost)')
    .option('--mock-script <file>', "script the fake model's replies (implies --mock-model)");
  addLimitFlags(command);
  command.action(async (id: string, flags: ResumeFlags) => {
    const only = flags.only ?? 'all';
    if (only !== 'all' && !(ONLY as readonly string[]).includes(only))
      throw badFlag('--only', only, '"failed" or "unfinished"', 'resume');
    const { locateSession } = await import('../sessions/locate.js');
    const sessionDir = locateSession(id, flags, 'resume');
    if (context.extraArgs.length > 0)
      throw usageError(
        'resume runs each task with the arguments it was recorded with; drop the arguments after --',
        'resume',
      );
    const { resumeRun } = await import('../run/resume-input.js');
    const { resume, strategy } = resumeRun(sessionDir, only as ResumeOnly);
    const { cwd: _cwd, logDir: _logDir, only: _only, ...raw } = flags;
    const { runStrategyCommand } = await import('../run/run-strategy-command.js');
    context.exitCode = await runStrategyCommand(
      strategy,
      [],
      { ...raw, cwd: resume.plan.start.workingDir, logDir: dirname(sessionDir) },
      [],
      resume,
    );
  });
}
