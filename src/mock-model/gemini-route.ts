/**
 * POST /v1beta/models/MODEL:streamGenerateContent (and :generateContent), the
 * Gemini API as gemini-cli calls it: the same script answers as for claude,
 * with scripted errors in Google's error shape. Requests that ask for a JSON
 * schema (gemini-cli's helper calls) get a sample of that schema.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { untilClosed } from './client-gone.js';
import {
  geminiPath,
  geminiPromptOf,
  geminiRequestSchema,
  geminiSchemaOf,
  geminiTurnOf,
} from './gemini-request.js';
import { formatDataFrame, geminiChunks, geminiResponse } from './gemini-sse.js';
import { sendJson } from './http-io.js';
import type { RouteContext } from './messages-route.js';
import { readRequest } from './read-request.js';
import type { MockRequestRecord } from './record.js';
import type { Reply } from './reply.js';
import { estimateTokens } from './request.js';
import { answerTurn } from './scripted-turn.js';
import { structuredReply } from './structured-reply.js';
import { writeSseFrames } from './sse-writer.js';
import { sendGoogleError } from './vendor-errors.js';
import { admitted } from './account-admission.js';

export async function handleGemini(
  req: IncomingMessage,
  res: ServerResponse,
  record: MockRequestRecord,
  context: RouteContext,
): Promise<void> {
  const target = geminiPath(record.path);
  const read = await readRequest(req, res, record, geminiRequestSchema, 'Gemini API');
  if (!read || !target) return;
  const { request, text } = read;
  const stream = target.method === 'streamGenerateContent';
  const inputTokens = estimateTokens(text);
  // gemini's helper calls (a JSON schema) are not the agent's turns: the account counts the turns.
  if (context.account && geminiSchemaOf(request) === undefined) {
    Object.assign(record, { model: target.model, prompt: geminiPromptOf(request), stream });
    if (!admitted('google', context.account, res, record, inputTokens)) return;
  }
  const signal = untilClosed(res, context.closing);
  const send = async (reply: Reply, chunkSize?: number, chunkDelayMs = 0) => {
    if (!stream) return sendJson(res, 200, geminiResponse(reply));
    const frames = geminiChunks(reply, chunkSize).map(formatDataFrame);
    await writeSseFrames(res, frames, chunkDelayMs, signal);
  };
  const schema = geminiSchemaOf(request);
  if (schema !== undefined) {
    Object.assign(record, {
      model: target.model,
      prompt: geminiPromptOf(request),
      stream,
      answer: 'structured',
    });
    return send(structuredReply(schema, target.model, inputTokens));
  }
  const answer = await answerTurn(
    context.resolve,
    record,
    {
      model: target.model,
      prompt: geminiPromptOf(request),
      turn: geminiTurnOf(request),
      stream,
      inputTokens,
    },
    signal,
  );
  if (answer.kind === 'none') return;
  if (answer.kind === 'error') return sendGoogleError(res, answer.error);
  await send(answer.reply, answer.turn.chunkSize, answer.turn.chunkDelayMs);
}
