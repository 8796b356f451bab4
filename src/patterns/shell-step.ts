/** A shell command as a step's task (a --check or an --accept): `/bin/sh -c CMD`, input on stdin. */
import type { TaskDefaults } from './context.js';

export function shellTask(command: string, input: 'stdin' | 'none'): TaskDefaults {
  return { agent: 'command', command: '/bin/sh', args: ['-c', command], promptVia: input };
}
