/**
 * POST /v1/responses, the OpenAI Responses API as codex calls it: the same
 * script answers as for claude, streamed in the Responses event shape, with
 * scripted errors in OpenAI's error shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { untilClosed } from './client-gone.js';
import { sendError, sendJson } from './http-io.js';
import { issuesText, toFieldIssues } from './issues.js';
import { readJsonBody, type RouteContext } from './messages-route.js';
import type { MockRequestRecord } from './record.js';
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

export async function handleResponses(
  req: IncomingMessage,
  res: ServerResponse,
  record: MockRequestRecord,
  context: RouteContext,
): Promise<void> {
  const body = await readJsonBody(req, res, record);
  if (!body) return;
  const parsed = responsesRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    record.answer = 'bad_request';
    sendError(
      res,
      400,
      `Invalid Responses API request: ${issuesText(toFieldIssues(parsed.error, body.value))}`,
    );
    return;
  }
  const request = parsed.data;
  const signal = untilClosed(res, context.closing);
  const stream = request.stream === true;
  const answer = await answerTurn(
    context.resolve,
    record,
    {
      model: request.model,
      prompt: responsesPromptOf(request),
      turn: responsesTurnOf(request),
      stream,
      inputTokens: estimateTokens(body.text),
    },
    signal,
  );
  if (answer.kind === 'none') return;
  if (answer.kind === 'error') return sendOpenAiError(res, answer.error);
  const custom = customToolNames(request);
  if (!stream) {
    const output = answer.reply.content.map((block) => outputItem(block, custom));
    return sendJson(res, 200, responseObject(answer.reply, output, 'completed'));
  }
  const frames = responsesEvents(answer.reply, custom, answer.turn.chunkSize).map(formatSse);
  await writeSseFrames(res, frames, answer.turn.chunkDelayMs ?? 0, signal);
}
