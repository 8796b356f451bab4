/** The error for an optional package that is not installed, saying what to install. */

/** The versions the tests run; any later release of the same major should do. */
export const INSTALL_HINT = 'npm install bullmq@^6.7.0 ioredis@^6.0.0';

export class MissingPackageError extends Error {
  constructor(name: string, cause: unknown, feature = 'The Redis backend', install = INSTALL_HINT) {
    super(
      `${feature} needs the optional package "${name}", which is not installed. ` +
        `Install it beside orchestrate-agents: ${install}` +
        ` (add -g when orchestrate itself is installed globally)`,
      { cause },
    );
    this.name = 'MissingPackageError';
  }
}

/** True for the error of importing `name` when it is not installed. */
export function isMissing(error: unknown, name: string): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    String((error as Error).message).includes(`'${name}'`)
  );
}
