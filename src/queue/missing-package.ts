/** The error for a Redis backend package that is not installed, saying what to install. */

/** The versions the tests run; any later release of the same major should do. */
export const INSTALL_HINT = 'npm install bullmq@^6.7.0 ioredis@^6.0.0';

export class MissingPackageError extends Error {
  constructor(name: string, cause: unknown) {
    super(
      `The Redis backend needs the optional package "${name}", which is not installed. ` +
        `Install it beside orchestrate-agents: ${INSTALL_HINT}` +
        ` (add -g when orchestrate itself is installed globally)`,
      { cause },
    );
    this.name = 'MissingPackageError';
  }
}
