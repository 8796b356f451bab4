/** The first lines of a process log: who, when, what command, which prompt. */
export interface LogHeader {
  processId: string;
  startedAt: Date;
  commandLine: string;
  workingDir: string;
  prompt: string;
}

const PROMPT_EXCERPT = 200;

export function formatHeader(header: LogHeader): string {
  const excerpt =
    header.prompt.length > PROMPT_EXCERPT
      ? `${header.prompt.slice(0, PROMPT_EXCERPT)}... (${header.prompt.length} characters)`
      : header.prompt;
  return [
    `Process: ${header.processId}`,
    `Started: ${header.startedAt.toISOString()}`,
    `Command: ${header.commandLine}`,
    `Working dir: ${header.workingDir}`,
    `Prompt: ${excerpt.replace(/\r?\n/g, ' ')}`,
    '',
  ].join('\n');
}
