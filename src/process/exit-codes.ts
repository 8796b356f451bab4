/** Exit codes and signals explained in words (after zx). */
const EXIT_CODES: Record<number, string> = {
  1: 'general error',
  2: 'misuse of shell builtins or bad arguments',
  126: 'command not executable',
  127: 'command not found',
  130: 'interrupted (SIGINT)',
  137: 'killed (SIGKILL)',
  139: 'segmentation fault (SIGSEGV)',
  143: 'terminated (SIGTERM)',
};

const SIGNALS: Partial<Record<NodeJS.Signals, string>> = {
  SIGINT: 'interrupted',
  SIGKILL: 'killed',
  SIGTERM: 'terminated',
  SIGSEGV: 'segmentation fault',
  SIGABRT: 'aborted',
  SIGHUP: 'hung up',
  SIGPIPE: 'broken pipe',
};

export function explainExitCode(code: number): string | null {
  return EXIT_CODES[code] ?? null;
}

export function explainSignal(signal: NodeJS.Signals): string {
  const words = SIGNALS[signal];
  return words ? `${words} (${signal})` : signal;
}
