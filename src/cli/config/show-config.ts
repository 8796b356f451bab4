/**
 * `orchestrate config`: the defaults in force here, each with where it comes
 * from (a variable, the project's file, the user's file), and which files
 * were looked for. Flags on a command line win over all of these.
 */
import { EXIT, type ExitCode } from '../errors.js';
import { paletteFor } from '../render/color.js';
import { resolveConfig } from './resolve-config.js';
import { SETTINGS } from './settings.js';

export interface ConfigFlags {
  cwd?: string;
  json?: boolean;
}

export function runConfigShow(flags: ConfigFlags): ExitCode {
  const cwd = flags.cwd ?? process.cwd();
  const config = resolveConfig(cwd, process.env, 'config');
  if (flags.json) {
    const settings = Object.fromEntries(
      config.settings.map(({ setting, value, source }) => [setting.key, { value, source }]),
    );
    const doc = { projectFile: config.projectFile, userFile: config.userFile, settings };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return EXIT.ok;
  }
  const p = paletteFor(process.stdout);
  const rows = SETTINGS.map((setting) => {
    const found = config.settings.find((s) => s.setting === setting);
    return [setting.key, found?.value ?? '-', found?.source ?? `default (${setting.flag})`];
  });
  const header = ['SETTING', 'VALUE', 'FROM'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [
    p.bold(line(header)),
    ...rows.map(line),
    '',
    `Project file: ${config.projectFile ?? 'none (orchestrate.config.json, .yaml or .yml here or in a folder above)'}`,
    `User file:    ${config.userFile ?? 'none ($XDG_CONFIG_HOME/orchestrate/config.yaml, default ~/.config)'}`,
    'Order: flags, then ORCHESTRATE_* variables, then the project file, then the user file.',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
