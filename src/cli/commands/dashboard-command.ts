/** Declares `dashboard`: serve every session under --log-dir, live and past, until Ctrl-C. */
import type { Command } from 'commander';
import { addDashboardServeFlags } from '../options/dashboard-flags.js';
import type { CommandContext } from './context.js';
import { noExtraArgs } from './sessions-command.js';

export interface DashboardCommandFlags {
  logDir?: string;
  cwd?: string;
  host?: string;
  port?: string;
  allowCancel?: boolean;
}

export function registerDashboardCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('dashboard')
    .description('serve a live web dashboard of every run under --log-dir, until Ctrl-C')
    .option(
      '--log-dir <dir>',
      'where session folders are (default: .orchestrate/sessions under --cwd)',
    )
    .option('--cwd <dir>', 'the working directory the runs used (default: the current directory)')
    .option(
      '--allow-cancel',
      'let the page cancel live runs on this machine, or one of their processes',
    );
  addDashboardServeFlags(command).action(async (flags: DashboardCommandFlags) => {
    noExtraArgs(context, 'dashboard');
    const { serveDashboard } = await import('../dashboard/serve-dashboard.js');
    context.exitCode = await serveDashboard(flags);
  });
}
