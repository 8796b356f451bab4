import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', '.orchestrate/', 'reports/', '.stryker-tmp*/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Layering (docs/agents.md): below the CLI, the core is agent-neutral; it
    // reaches the agents through the registry (agents/registry.ts), never a driver.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/agents/**', 'src/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/agents/claude/**',
                '**/agents/codex/**',
                '**/agents/gemini/**',
                '**/agents/command/**',
              ],
              message:
                'Only src/cli/, src/agents/ and src/index.ts may import an agent driver; use the registry (getAgent, createAgentProcess).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/dashboard/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
