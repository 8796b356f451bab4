/**
 * The flags of the pattern commands (n-version, cascade, debate, panel): the
 * run commands' common ones, declared once, and each pattern's own.
 */
import type { Command } from 'commander';
import type { PatternName } from '../../patterns/registry.js';

export type { PatternName };

export interface RawPatternFlags {
  json?: boolean;
  name?: string;
  quiet?: boolean;
  maxWorkers?: string;
  timeout?: string;
  agent?: string;
  command?: string;
  model?: string;
  cwd?: string;
  logDir?: string;
  claudeBin?: string;
  mockModel?: boolean;
  mockScript?: string;
  stream?: boolean;
  worktree?: boolean;
  base?: string;
  keepWorktrees?: boolean;
  worktreeRoot?: string;
  promptsDir?: string;
  backend?: string;
  // n-version
  n?: string;
  agents?: string;
  allowEdits?: boolean;
  models?: string;
  check?: string;
  merge?: boolean;
  squash?: boolean;
  // cascade
  accept?: string;
  // debate
  perspectives?: string;
  rounds?: string;
  // panel
  experts?: string;
  options?: string;
}

const WORKTREE_HELP: Record<PatternName, string> = {
  'n-version': 'each version runs in its own git worktree (always, with or without this flag)',
  cascade: 'run each tier in its own git worktree (the accept command runs there)',
  debate: 'run each answer in its own git worktree; its work is committed on its branch',
  panel: "run each expert's answer in its own git worktree; its work is committed on its branch",
};

export function addPatternFlags(command: Command, pattern: PatternName): Command {
  command
    .option('--json', 'print one JSON document with the whole result on stdout')
    .option('-q, --quiet', 'print no report, only errors')
    .option('-j, --max-workers <n>', 'at most N agents at once (default: all)')
    .option('--timeout <duration>', 'end each step after this long: 90s, 5m, 1h30m')
    .option('--agent <name>', 'the agent of every step: claude, command, ... (default: claude)')
    .option('--command <path>', 'the executable of a command agent (implies --agent command)')
    .option('--model <name>', 'the model of every step')
    .option('--cwd <dir>', 'where the agents run (default: the current directory)')
    .option('--name <text>', 'a name for the run, shown by sessions, the report and the dashboard')
    .option(
      '--backend <url>',
      'run the steps on `orchestrate worker` processes through this Redis, e.g. redis://127.0.0.1:6379',
    )
    .option(
      '--log-dir <dir>',
      'where session folders go (default: .orchestrate/sessions under --cwd)',
    )
    .option('--claude-bin <path>', 'the claude binary to run')
    .option('--mock-model', 'run the real claude against the built-in fake model')
    .option('--mock-script <file>', "script the fake model's replies (implies --mock-model)")
    .option('--stream', "mirror the agents' output as it arrives")
    .option('--prompts-dir <dir>', 'role prompt templates that override the built-in ones')
    .option(
      '--allow-edits',
      'let each agent write files in its folder without asking (its own flags: claude --permission-mode acceptEdits, codex --sandbox workspace-write, gemini --approval-mode auto_edit)',
    )
    .option('--worktree', WORKTREE_HELP[pattern])
    .option('--base <ref>', 'the ref worktrees start from (with --worktree; default: HEAD)')
    .option('--keep-worktrees', 'leave the worktree folders after the run (with --worktree)')
    .option(
      '--worktree-root <dir>',
      "where worktrees go (with --worktree; default: the session's folder)",
    );
  if (pattern === 'n-version') {
    command
      .option('-n <count>', 'how many versions (default: the number of --agents/--models, else 2)')
      .option('--agents <list>', 'agents cycled over the versions, e.g. claude,codex')
      .option('--models <list>', 'models cycled over the versions, e.g. sonnet,opus')
      .option('--check <cmd>', "a shell command run in each version's worktree; exit 0 passes")
      .option('--merge', "merge the winner's branch into the current branch")
      .option('--squash', 'with --merge: one commit instead of a merge');
  }
  if (pattern === 'cascade') {
    command
      .option('--models <list>', 'the tiers, in order: one model each, e.g. haiku,sonnet,opus')
      .option('--agents <list>', 'the tiers, in order: one agent each')
      .option(
        '--accept <cmd>',
        "a shell command given the tier's output on stdin; exit 0 accepts it",
      );
  }
  if (pattern === 'debate') {
    command
      .option('--perspectives <list>', 'the perspectives, e.g. security,performance,simplicity')
      .option('--rounds <n>', 'rounds of answers (default: 2)')
      .option('--agents <list>', 'agents cycled over the perspectives, e.g. claude,codex,gemini')
      .option('--models <list>', 'models cycled over the perspectives, e.g. sonnet,opus');
  }
  if (pattern === 'panel') {
    command
      .option('--experts <list>', 'the experts, e.g. security,testing,ux')
      .option('--options <list>', 'the choices, when the task asks a question: yes,no')
      .option('--agents <list>', 'agents cycled over the experts, e.g. claude,codex,gemini')
      .option('--models <list>', 'models cycled over the experts, e.g. sonnet,opus');
  }
  return command;
}

/** `a,b, c` as ['a', 'b', 'c']. */
export function listFlag(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
