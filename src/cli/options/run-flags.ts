/**
 * The flags of the run commands (one per registered strategy), declared once:
 * every run command gets the shared ones, and each strategy those its
 * definition takes. Values arrive as commander strings and are checked later,
 * in normalize-run-flags.ts.
 */
import { Option, type Command } from 'commander';
import { getStrategy } from '../../strategies/registry.js';

/** A registered strategy's name (see src/strategies/registry.ts). */
export type StrategyName = string;

/** The flags as commander hands them over (strings, repeatable --model as a list). */
export interface RawRunFlags {
  name?: string;
  model?: string[];
  timeout?: string;
  idleTimeout?: string;
  maxMemory?: string;
  maxProcesses?: string;
  killGrace?: string;
  maxWorkers?: string;
  jobs?: string;
  cwd?: string;
  logDir?: string;
  retries?: string;
  agentRetries?: string;
  claudeBin?: string;
  agent?: string;
  agentBin?: string;
  prices?: string;
  command?: string;
  promptVia?: string;
  json?: boolean;
  quiet?: boolean;
  stream?: boolean;
  promptsFile?: string;
  joblog?: string;
  mockModel?: boolean;
  mockScript?: string;
  passOutput?: boolean;
  stopOnFailure?: boolean;
  batchSize?: string;
  worktree?: boolean;
  base?: string;
  keepWorktrees?: boolean;
  worktreeRoot?: string;
  dryRun?: boolean;
  failOnDenied?: boolean;
  results?: string;
  halt?: string;
  backend?: string;
  metricsPort?: string;
}

/**
 * A flag a strategy does not take stays declared, so using it gets a sentence
 * saying why (normalize-run-flags.ts), but its help does not list it.
 */
function shownIf(applies: boolean, option: Option): Option {
  return applies ? option : option.hideHelp();
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function addSharedRunFlags(command: Command, strategy: StrategyName): Command {
  const { takes, alternatives } = getStrategy(strategy);
  const modelHelp = alternatives
    ? 'model for an attempt; repeat it for one attempt per model, in order'
    : 'model for every process (a JSON-lines task may set its own)';
  return command
    .option(
      '--prompts-file <file>',
      'read prompts from FILE: one per line, or JSON lines with prompt, id, agent, command, model, cwd, timeout, label',
    )
    .option(
      '--command <path>',
      'run this executable as the agent (agent "command"); arguments after -- go to it',
    )
    .option(
      '--prompt-via <where>',
      "where a command's prompt goes: argument (default; replaces {prompt} or comes last), stdin, none",
    )
    .option('--model <name>', modelHelp, collect)
    .option(
      '--timeout <duration>',
      'end a process after this long: 90s, 5m, 1h30m (a bare number is seconds)',
    )
    .option(
      '--idle-timeout <duration>',
      'end a process that writes nothing to stdout or stderr for this long: 5m, 90s',
    )
    .option(
      '--max-memory <size>',
      'limit the memory of a process tree (grandchildren included): 2G, 512M; held by a cgroup where one can be made, else sampled from /proc (the log says which)',
    )
    .option(
      '--max-processes <n>',
      'limit a process tree to N processes: under a cgroup the kernel refuses more forks (threads count), else a tree sampled over N is ended',
    )
    .option(
      '--kill-grace <duration>',
      'time between SIGTERM and SIGKILL when a process tree is ended (default: 5s)',
    )
    .addOption(
      shownIf(
        takes.includes('maxWorkers'),
        new Option('-j, --max-workers <n>', 'at most N processes at once (default: all)'),
      ),
    )
    .addOption(
      shownIf(
        takes.includes('maxWorkers'),
        new Option('--jobs <n>', 'the same as -j (the name GNU parallel uses)'),
      ),
    )
    .option('--cwd <dir>', 'working directory of the agents (default: the current directory)')
    .option('--name <text>', 'a name for the run, shown by sessions, the report and the dashboard')
    .option(
      '--backend <url>',
      'run the tasks on `orchestrate worker` processes through this Redis, e.g. redis://127.0.0.1:6379',
    )
    .option(
      '--metrics-port <[host:]port>',
      'serve Prometheus metrics of this run at http://host:port/metrics while it lasts (host default 127.0.0.1)',
    )
    .option(
      '--log-dir <dir>',
      'where session folders go (default: .orchestrate/sessions under --cwd)',
    )
    .addOption(
      shownIf(
        takes.includes('retry'),
        new Option(
          '--retries <n>',
          'retry a process up to N times after a transient API error (429, 529, 5xx)',
        ),
      ),
    )
    .option(
      '--agent-retries <n>',
      "the agent's own retries of a failed API call (claude's CLAUDE_CODE_MAX_RETRIES; its default is 10)",
    )
    .option(
      '--agent <name>',
      'the agent every process runs: claude (default), codex, gemini, or command (with --command)',
    )
    .option(
      '--agent-bin <path>',
      "the agent's binary (default: $ORCHESTRATE_<AGENT>_BIN, the agent on PATH, the installed one)",
    )
    .option(
      '--prices <file>',
      'price tokens from FILE (JSON: USD per million input/output tokens per model) when the agent reports no cost',
    )
    .option('--claude-bin <path>', 'the same as --agent-bin, for claude (kept for older scripts)')
    .option(
      '--json',
      'print one JSON document with every result on stdout; everything else goes to stderr',
    )
    .option('--joblog <file>', "write GNU parallel's joblog: one tab-separated line per process")
    .option('--results <dir>', "write each process's answer to DIR/<id>.txt when the run ends")
    .option(
      '--halt <when>',
      'stop early, as GNU parallel: now,fail=N (or success=N, done=N; N may be a percentage)',
    )
    .option('--dry-run', 'print each task and the command line it would run; start nothing')
    .option(
      '--fail-on-denied',
      "fail the run when an agent's permission rules refused a tool call (allow edits with -- --allowedTools Write,Edit)",
    )
    .option(
      '-q, --quiet',
      'print no progress and no report, only errors (the exit code and session folder tell the rest)',
    )
    .option(
      '--stream',
      "mirror the agents' output as it arrives, each line prefixed with its process id",
    )
    .option(
      '--mock-model',
      'run the real agent (claude, codex, gemini) against the built-in fake model on loopback (no account, no cost)',
    )
    .option(
      '--mock-script <file>',
      "script the fake model's replies from a JSON file (implies --mock-model)",
    )
    .option(
      '--worktree',
      'run each process in its own git worktree on branch orchestrate/<session>/<process>; its work is committed there',
    )
    .option('--base <ref>', 'the ref worktrees start from (with --worktree; default: HEAD)')
    .option('--keep-worktrees', 'leave the worktree folders after the run (with --worktree)')
    .option(
      '--worktree-root <dir>',
      "where worktrees go (with --worktree; default: the session's folder)",
    );
}

export function addStrategyFlags(command: Command, strategy: StrategyName): Command {
  const { takes } = getStrategy(strategy);
  if (takes.includes('passOutput')) {
    command.option(
      '--pass-output',
      takes.includes('batchSize')
        ? "give each batch the earlier batches' outputs"
        : "give each prompt the earlier processes' outputs",
    );
  }
  if (takes.includes('stopOnFailure'))
    command.option('--stop-on-failure', 'stop after the first process that does not succeed');
  if (takes.includes('batchSize'))
    command.option('--batch-size <n>', 'processes per batch, all run at once (default: 4)');
  return command;
}
