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
  // A reader that goes away (`| head`) ends the command quietly, never with a stack trace.
  const { watchOutput, flushOutput } = await import('./output-closed.js');
  watchOutput();
  const { main } = await import('./program.js');
  const code = await main(args);
  process.exitCode = code;
  // Everything written reaches the reader first, however slow it reads.
  await flushOutput();
  // Nothing should keep the loop alive after a command; if something does, leave anyway.
  setTimeout(() => process.exit(code), 2000).unref();
}
