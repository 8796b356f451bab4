import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const dir = tempDir('orchestrate-completion-');
const script = join(dir.path, 'orchestrate.bash');
afterAll(() => dir.cleanup());
beforeAll(async () => {
  const result = await runCli(['completion', 'bash']);
  expect(result.code).toBe(0);
  writeFileSync(script, result.stdout);
});

/** What bash offers after the words typed so far (the last one is being completed). */
function complete(line: string): string[] {
  const program = `source ${JSON.stringify(script)}; COMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _orchestrate; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', program], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

describe('orchestrate completion', () => {
  test('bash completes commands, subcommands and the flags each command accepts', () => {
    expect(complete('orchestrate seq')).toEqual(['sequential']);
    expect(complete('orchestrate sessions sh')).toEqual(['show']);
    expect(complete('orchestrate sequential --pass')).toEqual(['--pass-output']);
    expect(complete('orchestrate parallel --jo').sort()).toEqual(['--joblog', '--jobs']);
  });

  test('a flag a command does not take is not offered', () => {
    // --max-wait applies to sequential; --max-workers does not.
    expect(complete('orchestrate sequential --max-wo')).toEqual([]);
    expect(complete('orchestrate fallback --ret')).toEqual([]);
  });

  test('fish gets one complete line per command and flag; an unknown shell is a usage error', async () => {
    const fish = await runCli(['completion', 'fish']);
    expect(fish.stdout).toContain("complete -c orchestrate -n '__fish_use_subcommand' -a parallel");
    expect(fish.stdout).toContain(
      "complete -c orchestrate -n '__fish_seen_subcommand_from batch' -l batch-size",
    );
    const zsh = await runCli(['completion', 'zsh']);
    expect(zsh.stdout.startsWith('#compdef orchestrate\n')).toBe(true);
    const bad = await runCli(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected bash, zsh, fish, got "tcsh"');
  });
});
