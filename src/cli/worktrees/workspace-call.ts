/** Turns a workspace error (not a repository, no commit) into the CLI's error with its words. */
import { WorkspaceError } from '../../workspaces/errors.js';
import { CLIError } from '../errors.js';

export async function workspaceCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WorkspaceError) throw new CLIError(error.message, 'E_NOT_FOUND');
    throw error;
  }
}
