/**
 * POST /v1/responses, the OpenAI Responses API as codex calls it: the same
 * script answers as for claude, streamed in the Responses event shape, with
 * scripted errors in OpenAI's error shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { untilClosed } from './client-gone.js';
import { sendJson } from './http-io.js';
import type { RouteContext } from './messages-route.js';
import { readRequest } from './read-request.js';
import type { MockRequestRecord } from './record.js';
import { answerBlocks } from './reply.js';
import { estimateTokens } from './request.js';
import {
  customToolNames,
  responsesPromptOf,
  responsesRequestSchema,
  responsesTurnOf,
} from './responses-request.js';
import { outputItem, responseObject, responsesEvents } from './responses-sse.js';
import { answerTurn } from './scripted-turn.js';
import { formatSse } from './sse.js';
import { writeSseFrames } from './sse-writer.js';
import { sendOpenAiError } from './vendor-errors.js';
import { admitted } from './account-admission.js';

export async function handleResponses(
  req: IncomingMessage,
  res: ServerResponse,
  record: MockRequestRecord,
  context: RouteContext,
): Promise<void> {
  const read = await readRequest(req, res, record, responsesRequestSchema, 'Responses API');
  if (!read) return;
  const { request, text } = read;
  const inputTokens = estimateTokens(text);
  const stream = request.stream === true;
  if (context.account) {
    Object.assign(record, { model: request.model, prompt: responsesPromptOf(request), stream });
    if (!admitted('openai', context.account, res, record, inputTokens)) return;
  }
  const signal = untilClosed(res, context.closing);
  const answer = await answerTurn(
    context.resolve,
    record,
    {
      model: request.model,
      prompt: responsesPromptOf(request),
      turn: responsesTurnOf(request),
      stream,
      inputTokens,
    },
    signal,
  );
  if (answer.kind === 'none') return;
  if (answer.kind === 'error') return sendOpenAiError(res, answer.error);
  const custom = customToolNames(request);
  if (!stream) {
    const output = answerBlocks(answer.reply).map((block) => outputItem(block, custom));
    return sendJson(res, 200, responseObject(answer.reply, output, 'completed'));
  }
  const frames = responsesEvents(answer.reply, custom, answer.turn.chunkSize).map(formatSse);
  await writeSseFrames(res, frames, answer.turn.chunkDelayMs ?? 0, signal);
}
