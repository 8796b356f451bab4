/**
 * `orchestrate completion bash|zsh|fish`: a completion script made from the
 * command tree itself, so it offers exactly the commands and the flags each
 * command accepts. Source it from the shell's startup file.
 */
import type { Command } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface CommandWords {
  /** `parallel`, `sessions show`. */
  path: string;
  flags: string[];
  subcommands: string[];
}

function flagsOf(command: Command): string[] {
  const flags = command.options
    .filter((o) => !o.hidden)
    .flatMap((o) => [o.short, o.long])
    .filter((f): f is string => !!f);
  return [...new Set([...flags, '--help'])];
}

export function commandWords(program: Command): CommandWords[] {
  const out: CommandWords[] = [];
  const walk = (command: Command, path: string[]) => {
    out.push({
      path: path.join(' '),
      flags: flagsOf(command),
      subcommands: command.commands.map((c) => c.name()),
    });
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return out;
}

function bash(words: CommandWords[]): string {
  const cases = words
    .map((w) => `    "${w.path}") words="${[...w.subcommands, ...w.flags].join(' ')}" ;;`)
    .join('\n');
  const nested = words
    .filter((w) => w.subcommands.length > 0)
    .map((w) => w.path)
    .filter((p) => p !== '');
  return `# orchestrate completion for bash: source <(orchestrate completion bash)
_orchestrate() {
  local cur path="" word
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) ;; *)
      case "\${path:+$path }$word" in
${[...words.map((w) => w.path).filter((p) => p !== '')].map((p) => `        "${p}") path="${p}" ;;`).join('\n')}
      esac ;;
    esac
  done
  local words
  case "$path" in
${cases}
  esac
  if [[ "$cur" == -* || -z "$path" || " ${nested.join(' ')} " == *" $path "* ]]; then
    COMPREPLY=( $(compgen -W "$words" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o default -F _orchestrate orchestrate
`;
}

function zsh(words: CommandWords[]): string {
  return `#compdef orchestrate
# orchestrate completion for zsh: source <(orchestrate completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(words).replace(/^# .*\n/, '')}`;
}

function fish(words: CommandWords[]): string {
  const lines = ['# orchestrate completion for fish: orchestrate completion fish | source'];
  lines.push('complete -c orchestrate -f');
  for (const w of words) {
    const parts = w.path === '' ? [] : w.path.split(' ');
    const condition =
      parts.length === 0 ? '__fish_use_subcommand' : `__fish_seen_subcommand_from ${parts.at(-1)}`;
    for (const sub of w.subcommands)
      lines.push(`complete -c orchestrate -n '${condition}' -a ${sub}`);
    for (const flag of w.flags) {
      const option = flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`;
      lines.push(`complete -c orchestrate -n '${condition}' ${option}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(program: Command, shell: Shell): string {
  const words = commandWords(program);
  return shell === 'bash' ? bash(words) : shell === 'zsh' ? zsh(words) : fish(words);
}
