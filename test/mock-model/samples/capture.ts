/**
 * Re-captures the sample streams of the real claude beside this file:
 *
 *   npx tsx test/mock-model/samples/capture.ts
 *
 * text-success.jsonl: one text reply. write-tool-use.jsonl: a Write tool use,
 * the tool result, then text. error-529.jsonl: 529 on every call, two retries.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MockScriptInput } from '../../../src/mock-model/index.js';
import { runClaude, withMockClaude } from '../../helpers/mock-claude.js';

const here = dirname(fileURLToPath(import.meta.url));

interface Sample {
  file: string;
  script: MockScriptInput;
  prompt: string;
  args: string[];
}

const samples: Sample[] = [
  { file: 'text-success.jsonl', script: {}, prompt: 'Say hello', args: [] },
  {
    file: 'write-tool-use.jsonl',
    script: {
      default: { text: 'Done: hello.txt is written.' },
      rules: [
        {
          match: 'hello.txt',
          turns: [
            {
              text: 'I will create the file.',
              toolUse: { name: 'Write', input: { file_path: 'hello.txt', content: 'hello\n' } },
            },
            { text: 'Done: hello.txt is written.' },
          ],
        },
      ],
    },
    prompt: 'Create hello.txt',
    args: ['--allowedTools', 'Write'],
  },
  {
    file: 'error-529.jsonl',
    script: { default: { error: { status: 529 } } },
    prompt: 'Say hello',
    args: [],
  },
];

for (const sample of samples) {
  const mock = await withMockClaude(sample.script, { maxRetries: 2 });
  try {
    const run = await runClaude(mock, sample.prompt, sample.args);
    const lines = run.stdout.split('\n').filter((line) => line.trim() !== '');
    await writeFile(join(here, sample.file), `${lines.slice(0, 40).join('\n')}\n`);
    console.log(
      `${sample.file}: exit ${run.exitCode}, ${run.durationMs} ms, ${lines.length} lines`,
    );
  } finally {
    await mock.cleanup();
  }
}
