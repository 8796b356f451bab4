#!/usr/bin/env node
/**
 * The `orchestrate` binary. Kept tiny: `--version` answers from package.json
 * alone; every other command loads the program, and each command loads its
 * own heavy modules (strategies, claude, the mock model, the live view) lazily.
 */
const args = process.argv.slice(2);

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { packageVersion } = await import('./version.js');
  process.stdout.write(`${packageVersion()}\n`);
} else {
  // A reader that goes away (`| head`) must not crash a run whose agents are still working.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const { main } = await import('./program.js');
  const code = await main(args);
  process.exitCode = code;
  // Nothing should keep the loop alive after a command; if something does, leave anyway.
  setTimeout(() => process.exit(code), 2000).unref();
}
