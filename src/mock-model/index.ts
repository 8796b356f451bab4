export { startMockModel, type MockModel, type MockModelOptions } from './server.js';
export { mockModelEnv, MOCK_API_KEY, MOCK_OAUTH_TOKEN, type MockModelEnvOptions } from './env.js';
export type { MockAccountInput, MockAccountSpec } from './account-schema.js';
export { loadMockScript, parseMockScript, MockScriptError } from './load-script.js';
export { mockScriptSchema } from './script.js';
export type {
  MockScript,
  MockScriptInput,
  MockRule,
  MockTurn,
  MockToolUse,
  MockErrorSpec,
  MockUsage,
} from './script.js';
export type { FieldIssue } from './issues.js';
export type { MockRequestRecord, MockAnswer } from './record.js';
export { mockAgentsEnv } from './agents-env.js';
export { codexMockEnv, CODEX_MOCK_MODEL } from './codex-env.js';
export { geminiMockEnv, GEMINI_MOCK_MODEL } from './gemini-env.js';
