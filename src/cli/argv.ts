/** Splits argv at the first `--`: what follows goes to claude untouched. */
export function splitExtraArgs(args: string[]): { own: string[]; extra: string[] } {
  const at = args.indexOf('--');
  if (at === -1) return { own: args, extra: [] };
  return { own: args.slice(0, at), extra: args.slice(at + 1) };
}
