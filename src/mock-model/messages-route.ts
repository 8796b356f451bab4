/**
 * POST /v1/messages: validate the request, pick the scripted turn and answer
 * it as a stream, a JSON message, an API error (before or inside the stream),
 * a dropped connection, or never (`hang`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockAccount } from './account.js';
import { admitted } from './account-admission.js';
import { apiError, defaultErrorType, errorMessage } from './api-error.js';
import { untilClosed } from './client-gone.js';
import { sendJson } from './http-io.js';
import type { Resolver } from './match.js';
import { readRequest } from './read-request.js';
import type { MockRequestRecord } from './record.js';
import { buildReply, messageJson, type Reply } from './reply.js';
import {
  estimateTokens,
  messagesRequestSchema,
  outputSchemaOf,
  promptOf,
  turnOf,
} from './request.js';
import { BUILTIN_DEFAULT_TURN, type MockErrorSpec, type MockTurn } from './script.js';
import { answerTurn } from './scripted-turn.js';
import { streamReply, type StreamEnding } from './stream-reply.js';
import { structuredReply } from './structured-reply.js';
import { asStructuredOutput, structuredOutputSchema } from './structured-tool.js';

export interface RouteContext {
  resolve: Resolver;
  /** The script's account, when it has one: its capacity answers 429s. */
  account: MockAccount | null;
  /** Aborts when the server closes, ending every pending delay. */
  closing: AbortSignal;
}

type Timing = { chunkDelayMs?: number; chunkSize?: number };

/** As Server-Sent Events when the request asked for a stream, else as one JSON message. */
async function sendReply(
  res: ServerResponse,
  stream: boolean,
  reply: Reply,
  timing: Timing,
  signal: AbortSignal,
): Promise<void> {
  if (!stream) return sendJson(res, 200, messageJson(reply));
  const { chunkDelayMs = 0, chunkSize } = timing;
  await streamReply(res, reply, { chunkDelayMs, chunkSize }, signal);
}

export async function handleMessages(
  req: IncomingMessage,
  res: ServerResponse,
  record: MockRequestRecord,
  context: RouteContext,
): Promise<void> {
  const read = await readRequest(req, res, record, messagesRequestSchema, 'Messages API');
  if (!read) return;
  const { request, text } = read;
  const prompt = promptOf(request);
  const turnNumber = turnOf(request);
  const inputTokens = estimateTokens(text);
  Object.assign(record, {
    model: request.model,
    prompt,
    turn: turnNumber,
    stream: !!request.stream,
  });
  if (context.account && !admitted('anthropic', context.account, res, record, inputTokens)) return;
  const signal = untilClosed(res, context.closing);
  const send = (reply: Reply, timing: Timing) =>
    sendReply(res, !!request.stream, reply, timing, signal);

  const schema = outputSchemaOf(request);
  if (schema !== undefined && !request.tools?.length) {
    record.answer = 'structured';
    await send(structuredReply(schema, request.model, inputTokens), {});
    return;
  }
  const turnRequest = {
    model: request.model,
    prompt,
    turn: turnNumber,
    stream: !!request.stream,
    inputTokens,
  };
  const answer = await answerTurn(context.resolve, record, turnRequest, signal);
  if (answer.kind === 'none') return;
  const ending = brokenOff(answer.turn);
  if (ending && request.stream) {
    record.answer = ending.kind === 'drop' ? 'drop' : 'stream_error';
    const partial = buildReply({ ...answer.turn, text: answer.turn.text ?? '' }, turnRequest);
    const timing = { chunkDelayMs: 0, chunkSize: answer.turn.chunkSize };
    await streamReply(res, partial, timing, signal, ending);
    return;
  }
  if (answer.turn.drop) {
    record.answer = 'drop';
    res.socket?.destroy();
    return;
  }
  if (answer.kind === 'error') {
    const error = apiError(answer.error);
    res.writeHead(error.status, error.headers);
    res.end(error.body);
    return;
  }
  const tool = structuredOutputSchema(request.tools);
  const structured =
    tool === undefined
      ? null
      : asStructuredOutput(answer.reply, tool, answer.turn === BUILTIN_DEFAULT_TURN);
  if (structured) record.answer = 'toolUse';
  await send(structured ?? answer.reply, answer.turn);
}

/** How a streamed reply to this turn breaks off, if it does. */
function brokenOff(turn: MockTurn): StreamEnding | null {
  if (turn.drop) return { kind: 'drop' };
  if (turn.error?.midStream) return { kind: 'error', error: streamError(turn.error) };
  return null;
}

function streamError(spec: MockErrorSpec): { type: string; message: string } {
  const type = spec.type ?? defaultErrorType(spec.status);
  return { type, message: errorMessage(spec, type) };
}
