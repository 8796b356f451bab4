/**
 * The model routes of the other agents' CLIs: the OpenAI Responses API for
 * codex and the Gemini API for gemini-cli. Both answer from the same script
 * as the Anthropic Messages route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { geminiPath } from './gemini-request.js';
import { handleGemini } from './gemini-route.js';
import type { RouteContext } from './messages-route.js';
import type { MockRequestRecord } from './record.js';
import { handleResponses } from './responses-route.js';

type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  record: MockRequestRecord,
  context: RouteContext,
) => Promise<void>;

const GEMINI_METHODS = new Set(['streamGenerateContent', 'generateContent']);

/** The handler for a codex or gemini-cli model call, or undefined when it is none. */
export function agentRoute(method: string, path: string): Handler | undefined {
  if (method !== 'POST') return undefined;
  if (path === '/v1/responses') return handleResponses;
  const gemini = geminiPath(path);
  if (gemini && GEMINI_METHODS.has(gemini.method)) return handleGemini;
  return undefined;
}
